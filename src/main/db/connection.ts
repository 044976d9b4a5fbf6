import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseError } from './errors';
import { migrations } from './migrations';
import { assertNotFromTheFuture, migrate } from './migrations/runner';

export type Connection = Db;

export interface OpenOptions {
  /** Path to a better-sqlite3 build for another runtime (the Electron build), kept apart from Node's. */
  nativeBinding?: string;
  /** Stop at this schema version (tests of migrations). */
  targetVersion?: number;
}

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** Reads the first bytes ourselves so a non-SQLite file is refused before SQLite touches it. */
function assertSqliteFile(file: string): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = readSync(fd, header, 0, 16, 0);
    if (read < 16 || header.toString('latin1') !== SQLITE_HEADER) {
      throw new DatabaseError(
        'not_sqlite',
        `${file} is not a Watchbill database (it is not an SQLite file). It was left untouched; ` +
          'choose another file with --db or move this one away.',
      );
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens (creating if needed) a Watchbill database: refuses files that are not SQLite, are
 * damaged, or come from a newer version, before anything is written; then WAL, foreign keys,
 * a busy timeout, and the pending migrations.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Connection {
  const inMemory = file === ':memory:';
  if (!inMemory) {
    assertSqliteFile(file);
    mkdirSync(dirname(file), { recursive: true });
  }
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw new DatabaseError('cannot_open', `Cannot open ${file}: ${(error as Error).message}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new DatabaseError('corrupt', `${file} is damaged (SQLite says: ${String(check)}). It was left untouched.`);
    }
    assertNotFromTheFuture(db, migrations, file);
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, file, options.targetVersion);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseError) throw error;
    const message = (error as Error).message;
    if (/not a database|malformed|corrupt/i.test(message)) {
      throw new DatabaseError('corrupt', `${file} is damaged (${message}). It was left untouched.`);
    }
    throw error;
  }
}

export function closeDatabase(db: Connection): void {
  if (db.open) db.close();
}

/** A consistent copy of the live database (WAL-safe), for backups before risky changes. */
export async function backupDatabase(db: Connection, destination: string): Promise<void> {
  mkdirSync(dirname(destination), { recursive: true });
  await db.backup(destination);
}
