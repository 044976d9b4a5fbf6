import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseError } from './errors';
import { inspectDatabaseFile, refuse } from './identity';
import { migrations } from './migrations';
import { assertNotFromTheFuture, migrate } from './migrations/runner';

export type Connection = Db;

export interface OpenOptions {
  /** Path to a better-sqlite3 build for another runtime (the Electron build), kept apart from Node's. */
  nativeBinding?: string;
  /** Stop at this schema version (tests of migrations). */
  targetVersion?: number;
}

/**
 * Creates the folders of a new database one level at a time: Node's recursive mkdir never
 * returns for some paths (under /proc), and each level's own error names the folder at fault.
 */
function makeFolders(dir: string, file: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      throw refuse(
        'cannot_open',
        file,
        `cannot be created: the folder ${folder} cannot be made (${(error as Error).message})`,
      );
    }
  }
}

/**
 * Opens (creating if needed) a Watchbill database. Files that are not ours, are damaged, are
 * locked or come from a newer version are refused before anything is written (see
 * identity.ts); then WAL, foreign keys, a busy timeout, and the pending migrations.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Connection {
  const db = openChecked(file, options);
  bindings.set(db, options.nativeBinding);
  return db;
}

/** Each connection's native build, so a scratch database beside it loads the same one. */
const bindings = new WeakMap<Connection, string | undefined>();

/**
 * An empty in-memory database beside `db` (same native build), migrated up to `version`: where
 * an older backup's rows are restored before the migrations bring them to the current schema.
 */
export function openScratchDatabase(db: Connection, version: number): Connection {
  const nativeBinding = bindings.get(db);
  return openDatabase(':memory:', { targetVersion: version, ...(nativeBinding ? { nativeBinding } : {}) });
}

function openChecked(file: string, options: OpenOptions): Connection {
  const inMemory = file === ':memory:';
  if (!inMemory && inspectDatabaseFile(file, migrations, options.nativeBinding).state === 'new')
    makeFolders(dirname(file), file);
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw refuse('cannot_open', file, `cannot be opened (${(error as Error).message})`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    assertNotFromTheFuture(db, migrations, file);
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, file, options.targetVersion);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseError) throw error;
    const message = (error as Error).message;
    if (/not a database|malformed|corrupt/i.test(message)) throw refuse('corrupt', file, `is damaged (${message})`);
    throw error;
  }
}

export function closeDatabase(db: Connection): void {
  if (db.open) db.close();
}

/** Pages copied between two turns of the event loop, so requests are answered during a backup. */
const PAGES_PER_STEP = 100;

/**
 * A consistent copy of the live database (WAL-safe), for backups before risky changes.
 * `stop` ends the copy between steps (the database must stay open until it has settled).
 */
export async function backupDatabase(db: Connection, destination: string, stop?: () => boolean): Promise<void> {
  makeFolders(dirname(destination), destination);
  await db.backup(destination, {
    progress: () => {
      if (stop?.()) throw new Error('The backup was stopped.');
      return PAGES_PER_STEP;
    },
  });
}
