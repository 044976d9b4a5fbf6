// The whole database as one JSON file: every table's rows, with the schema version they
// were written at and the version of this file format, for backups and for moving to
// another machine. One field per line, so an error in a hand-edited file names a line.
import type { TableRows } from '../db/repositories/backup';

export const BACKUP_FORMAT = 'watchbill-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  /** The database's user_version when the backup was taken. */
  schemaVersion: number;
  appVersion: string;
  exportedAt: string;
  tables: Record<string, TableRows>;
}

export function buildBackup(input: {
  schemaVersion: number;
  appVersion: string;
  exportedAt: Date;
  tables: Record<string, TableRows>;
}): string {
  const document: BackupDocument = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: input.schemaVersion,
    appVersion: input.appVersion,
    exportedAt: input.exportedAt.toISOString(),
    tables: input.tables,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
