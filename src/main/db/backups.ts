// Automatic backups: consistent copies made with SQLite's online backup API, one per day of
// the team's calendar, kept in a folder beside the database (`<db>.backups/`). Restoring one
// makes a new file beside the database; the refused or damaged file is never overwritten.
import Database from 'better-sqlite3';
import { constants, copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { BACKUP_FILE_NAME } from '../../shared/ipc/schemas';
import type { BackupCounts, BackupSummary } from '../../shared/ipc/channels/recovery';
import { addDays, dayOfWeek } from '../../shared/domain/time';
import { backupDatabase, type Connection } from './connection';
import { DatabaseError } from './errors';

/** How many of the newest days, and of the newest weeks (their last backup), are kept. */
export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;

export const backupsFolderOf = (databasePath: string): string => `${databasePath}.backups`;
export const backupNameFor = (date: string): string => `watchbill-${date}.db`;

/**
 * The dates whose backups are kept: the newest KEEP_DAILY, and the newest of each of the
 * newest KEEP_WEEKLY weeks (Monday to Sunday), so the last month is still covered.
 */
export function datesToKeep(dates: readonly string[]): Set<string> {
  const newestFirst = [...new Set(dates)].sort().reverse();
  const keep = new Set(newestFirst.slice(0, KEEP_DAILY));
  const weeks = new Set<string>();
  for (const date of newestFirst) {
    const monday = addDays(date, -((dayOfWeek(date) + 6) % 7));
    if (weeks.has(monday)) continue;
    if (weeks.size === KEEP_WEEKLY) break;
    weeks.add(monday);
    keep.add(date);
  }
  return keep;
}

function backupFiles(databasePath: string): { name: string; date: string; path: string }[] {
  const folder = backupsFolderOf(databasePath);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map((name) => ({ name, match: BACKUP_FILE_NAME.exec(name) }))
    .filter((f): f is { name: string; match: RegExpExecArray } => f.match !== null)
    .map(({ name, match }) => ({ name, date: match[1]!, path: join(folder, name) }))
    .sort((a, b) => b.date.localeCompare(a.date));
}

/** Removes the backups the retention rule no longer keeps; answers their names. */
export function pruneBackups(databasePath: string): string[] {
  const files = backupFiles(databasePath);
  const keep = datesToKeep(files.map((f) => f.date));
  const removed = files.filter((f) => !keep.has(f.date));
  for (const f of removed) rmSync(f.path, { force: true });
  return removed.map((f) => f.name);
}

/**
 * Writes today's backup (replacing an earlier one of the same day) and prunes the folder.
 * The copy is written under a temporary name and renamed, so a crash never leaves half a
 * backup under a real name; it is switched to a plain rollback journal so that it is one
 * self-contained file that reading never adds -wal or -shm files to.
 */
export async function writeBackup(
  db: Connection,
  databasePath: string,
  date: string,
  options: { nativeBinding?: string; stop?: () => boolean } = {},
): Promise<string> {
  const { nativeBinding, stop } = options;
  const folder = backupsFolderOf(databasePath);
  const target = join(folder, backupNameFor(date));
  const partial = join(folder, `.${backupNameFor(date)}.partial`);
  rmSync(partial, { force: true });
  try {
    await backupDatabase(db, partial, stop);
    const copy = new Database(partial, nativeBinding ? { nativeBinding } : {});
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  pruneBackups(databasePath);
  return target;
}

const COUNTED: Record<keyof BackupCounts, string> = {
  engineers: 'engineers',
  pipelines: 'pipelines',
  rotations: 'rotations',
  overrides: 'overrides',
  runbooks: 'runbooks',
  risks: 'risks',
  drills: 'drills',
};

function countsOf(path: string, nativeBinding: string | undefined): BackupCounts {
  const db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const tables = new Set(
      db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((t) => t.name),
    );
    const count = (table: string) =>
      tables.has(table) ? db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${table}"`).get()!.n : 0;
    const entries = Object.entries(COUNTED).map(([key, table]) => [key, count(table)]);
    return Object.fromEntries(entries) as BackupCounts;
  } finally {
    db.close();
  }
}

/** The backups beside `databasePath`, newest first, each with what it holds. */
export function listBackups(databasePath: string, nativeBinding?: string): BackupSummary[] {
  return backupFiles(databasePath).map(({ name, date, path }) => {
    const stat = statSync(path);
    let counts: BackupCounts | null = null;
    let problem: string | null = null;
    try {
      counts = countsOf(path, nativeBinding);
    } catch (error) {
      problem = `This backup cannot be read: ${(error as Error).message}`;
    }
    return { name, path, date, writtenAt: stat.mtime.toISOString(), sizeBytes: stat.size, counts, problem };
  });
}

/** A path beside the database that does not exist yet: `team-restored-2026-11-20.db`, then -2, -3… */
function freshCopyPath(databasePath: string, date: string): string {
  const base = basename(databasePath, extname(databasePath));
  for (let n = 1; ; n += 1) {
    const candidate = join(dirname(databasePath), `${base}-restored-${date}${n === 1 ? '' : `-${n}`}.db`);
    if (!existsSync(candidate)) return candidate;
  }
}

/**
 * Copies the backup `name` to a new file (`target`, or a fresh name beside the database) and
 * answers its path. Never writes over an existing file, the refused database included.
 */
export function restoreBackupCopy(databasePath: string, name: string, target?: string): string {
  const match = BACKUP_FILE_NAME.exec(name);
  const source = join(backupsFolderOf(databasePath), name);
  if (!match || !existsSync(source))
    throw new DatabaseError('cannot_open', `There is no backup named ${name} in ${backupsFolderOf(databasePath)}.`);
  const destination = target ?? freshCopyPath(databasePath, match[1]!);
  if (existsSync(destination))
    throw new DatabaseError(
      'cannot_open',
      `${destination} already exists; a backup is only restored to a new file. Choose another path.`,
    );
  try {
    copyFileSync(source, destination, constants.COPYFILE_EXCL);
  } catch (error) {
    throw new DatabaseError('cannot_open', `Cannot copy ${name} to ${destination}: ${(error as Error).message}`);
  }
  return destination;
}
