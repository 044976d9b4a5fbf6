// The way back from a file Watchbill refused: the automatic backups kept beside it, and
// restoring one as a copy (never over the refused file). Served in both modes: normally, and
// in recovery mode when the database could not be opened.
import { noArgs, restoreBackupArgs } from '../schemas';
import { returns } from './define';

/** How many of each thing a backup holds, so the lead can tell backups apart. */
export interface BackupCounts {
  engineers: number;
  pipelines: number;
  rotations: number;
  overrides: number;
  runbooks: number;
  risks: number;
  drills: number;
}

export interface BackupSummary {
  /** The file's name inside the backups folder: what `recovery:restore` takes. */
  name: string;
  path: string;
  /** The team's local date the backup was made on (YYYY-MM-DD). */
  date: string;
  /** When the file was written (ISO instant). */
  writtenAt: string;
  sizeBytes: number;
  /** Null when the backup itself cannot be read; `problem` says why. */
  counts: BackupCounts | null;
  problem: string | null;
}

export interface RecoveryStatus {
  databasePath: string;
  backupsFolder: string;
  /** Why the database was refused, or null when it is open as usual. */
  refused: { code: string; message: string } | null;
  backups: BackupSummary[];
}

export interface RestoredBackup {
  /** The new file the backup was copied to. */
  path: string;
  /** True when Watchbill now works on the copy; else the lead opens it (see `message`). */
  reopened: boolean;
  message: string;
}

export const recoveryChannels = {
  'recovery:status': { args: noArgs, result: returns<RecoveryStatus>() },
  'recovery:restore': { args: restoreBackupArgs, result: returns<RestoredBackup>() },
} as const;
