// The way back when a database is refused: the host keeps running in recovery mode, where
// only the recovery channels answer, lists the automatic backups kept beside the file, and
// restores one as a new file that it then opens. The CLI prints the same list.
import { backupsFolderOf, listBackups, restoreBackupCopy } from './db/backups';
import { DatabaseError, type DatabaseErrorCode } from './db/errors';
import { createDispatch, mergeHandlers, type Dispatch } from './ipc/register';
import { CHANNEL_NAMES, type HandlersFor } from '../shared/ipc/contract';
import type { BackupSummary, recoveryChannels, RestoredBackup } from '../shared/ipc/channels/recovery';
import { describeBackupCounts } from '../shared/domain/backup-words';
import { DomainError } from '../shared/result';

/** Refusals about the file itself, which a backup can answer; the rest stop the host. */
const RECOVERABLE: readonly DatabaseErrorCode[] = [
  'not_sqlite',
  'foreign',
  'empty',
  'corrupt',
  'newer_version',
  'locked',
];

export const isRecoverable = (error: unknown): error is DatabaseError =>
  error instanceof DatabaseError && RECOVERABLE.includes(error.code);

export interface RecoveryOptions {
  databasePath: string;
  /** Why the database was refused; null when it is open as usual. */
  refused: DatabaseError | null;
  nativeBinding?: string;
  /**
   * The host opens the restored copy and answers true, or answers false when the lead must
   * open it; without it the copy is left for the lead.
   */
  onRestored?: (path: string) => boolean;
}

export const restoreCommandFor = (databasePath: string, name: string) =>
  `watchbill recover --db ${JSON.stringify(databasePath)} --restore ${name}`;

export function recoveryHandlers(options: RecoveryOptions): HandlersFor<typeof recoveryChannels> {
  return {
    'recovery:status': () => ({
      databasePath: options.databasePath,
      backupsFolder: backupsFolderOf(options.databasePath),
      refused: options.refused ? { code: options.refused.code, message: options.refused.message } : null,
      backups: listBackups(options.databasePath, options.nativeBinding),
    }),
    'recovery:restore': ({ name }): RestoredBackup => {
      let path: string;
      try {
        path = restoreBackupCopy(options.databasePath, name);
      } catch (error) {
        if (error instanceof DatabaseError) throw new DomainError('not_found', error.message);
        throw error;
      }
      const reopened = options.onRestored?.(path) ?? false;
      return {
        path,
        reopened,
        message: reopened
          ? `Restored ${name} to ${path}; Watchbill now works on that copy. ${options.databasePath} was left as it was.`
          : `Restored ${name} to ${path}. Open it with: watchbill serve --db ${JSON.stringify(path)}`,
      };
    },
  };
}

/** A host's dispatcher while its database is refused: recovery answers, everything else says why not. */
export function recoveryDispatch(
  options: RecoveryOptions & { log?: (message: string, error: unknown) => void },
): Dispatch {
  const recovery = recoveryHandlers(options);
  const why = options.refused?.message ?? `${options.databasePath} is not open.`;
  const unavailable = Object.fromEntries(
    CHANNEL_NAMES.filter((name) => !(name in recovery)).map((name) => [
      name,
      () => {
        throw new DomainError('unsupported', `Watchbill is in recovery mode: ${why}`);
      },
    ]),
  );
  return createDispatch(mergeHandlers(unavailable, recovery), options.log ? { log: options.log } : {});
}

const countsLine = (b: BackupSummary) => (b.counts ? describeBackupCounts(b.counts) : (b.problem ?? 'unreadable'));

/** What the CLI prints under a refusal: the backups and the command that restores one. */
export function describeRecovery(databasePath: string, nativeBinding?: string): string {
  const backups = listBackups(databasePath, nativeBinding);
  const folder = backupsFolderOf(databasePath);
  if (!backups.length) return `There are no automatic backups of it (none in ${folder}).`;
  return [
    `Automatic backups in ${folder} (newest first):`,
    ...backups.map((b) => `  ${b.name}  ${countsLine(b)}`),
    'Restore one as a new file (the refused file is never overwritten) with:',
    `  ${restoreCommandFor(databasePath, backups[0]!.name)}`,
  ].join('\n');
}
