// Which file is this? Answered before anything is written: a file that does not exist yet is
// created; a Watchbill file (marked with our application_id, or an older unmarked one that is
// recognisably ours) is opened; anything else is refused with a message that says which and
// what to do. The look is read-only and leaves no -wal or -shm file behind.
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { DatabaseError, type DatabaseErrorCode } from './errors';
import { migrate } from './migrations/runner';
import type { Migration } from './migrations/types';

/** 'WBil' in ASCII: SQLite's application_id for Watchbill files. */
export const WATCHBILL_APPLICATION_ID = 0x5742696c;
/** The schema version whose migration writes the mark; files of older versions carry none. */
export const MARKED_SINCE_VERSION = 50;

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const HEADER_BYTES = 100;
/** How long to wait for another program's lock before calling the file locked. */
const LOCK_WAIT_MS = 1000;

export type FileState = { state: 'new' } | { state: 'ours'; version: number };

type Columns = Map<string, string>;
type Schema = Map<string, Columns>;

const WHAT_TO_DO: Record<DatabaseErrorCode, string> = {
  not_sqlite: 'It was left untouched: choose another file with --db, or move this one away.',
  foreign:
    'It was left untouched: choose another file with --db, or a path that does not exist yet for a new database.',
  empty: 'It was left untouched: delete it, or name a path that does not exist yet, to start a new database there.',
  corrupt:
    'It was left untouched: restore one of its automatic backups as a copy (the recovery screen, or `watchbill recover --db FILE`).',
  newer_version: 'It was left untouched: update Watchbill to open it.',
  locked: 'It was left untouched: close the program that holds it (another Watchbill?) and try again.',
  cannot_open: 'Nothing was written: check the path and its permissions.',
};

/** A refusal of `file`: what it is, then what the lead can do about it. */
export function refuse(code: DatabaseErrorCode, file: string, what: string): DatabaseError {
  return new DatabaseError(code, `${file} ${what}. ${WHAT_TO_DO[code]}`);
}

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    const read = readSync(fd, header, 0, HEADER_BYTES, 0);
    if (header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC)
      throw refuse('not_sqlite', file, 'is not a Watchbill database (it is not an SQLite file)');
    if (read < HEADER_BYTES) throw refuse('corrupt', file, 'is damaged (it ends inside its header)');
    return header;
  } finally {
    closeSync(fd);
  }
}

/**
 * A read-only connection that changes nothing on disk. A WAL-mode file that no one has open
 * (no -wal beside it) is read from a copy in memory, because SQLite would otherwise create
 * -wal and -shm files next to it even for a read-only connection.
 */
function openForLooking(file: string, header: Buffer, nativeBinding: string | undefined): Database.Database {
  const binding = nativeBinding ? { nativeBinding } : {};
  const walMode = header[18] === 2 || header[19] === 2;
  if (walMode && !existsSync(`${file}-wal`)) {
    const copy = readFileSync(file);
    copy[18] = 1; // the same pages in rollback-journal mode, which an in-memory copy can read
    copy[19] = 1;
    return new Database(copy, binding);
  }
  return new Database(file, { ...binding, readonly: true, fileMustExist: true, timeout: LOCK_WAIT_MS });
}

function readSchema(db: Database.Database): Schema {
  const schema: Schema = new Map();
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all();
  for (const { name } of tables) {
    const columns = db
      .prepare<[], { name: string; type: string }>(`PRAGMA table_info("${name.replace(/"/g, '""')}")`)
      .all();
    schema.set(name, new Map(columns.map((c) => [c.name, c.type.toUpperCase()])));
  }
  return schema;
}

const referenceSchemas = new Map<number, Schema>();

/** The tables and columns our own migrations create up to `version`. */
function referenceSchema(list: readonly Migration[], version: number, nativeBinding: string | undefined): Schema {
  const cached = referenceSchemas.get(version);
  if (cached) return cached;
  const db = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  try {
    migrate(db, list, ':memory:', version);
    const schema = readSchema(db);
    referenceSchemas.set(version, schema);
    return schema;
  } finally {
    db.close();
  }
}

/** The first difference that makes `actual` not the schema of `reference`, or null. */
function schemaDifference(reference: Schema, actual: Schema): string | null {
  for (const [table, columns] of reference) {
    const found = actual.get(table);
    if (!found) return `it has no table ${table}`;
    for (const [column, type] of columns) {
      if (!found.has(column)) return `table ${table} has no column ${column}`;
      if (found.get(column) !== type) return `column ${table}.${column} is ${found.get(column)}, not ${type}`;
    }
  }
  return null;
}

interface Look {
  version: number;
  applicationId: number;
  schema: Schema;
}

function look(file: string, header: Buffer, nativeBinding: string | undefined): Look {
  let db: Database.Database;
  try {
    db = openForLooking(file, header, nativeBinding);
  } catch (error) {
    throw refusalFor(error, file);
  }
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw refuse('corrupt', file, `is damaged (SQLite says: ${String(check)})`);
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      applicationId: db.pragma('application_id', { simple: true }) as number,
      schema: readSchema(db),
    };
  } catch (error) {
    throw refusalFor(error, file);
  } finally {
    db.close();
  }
}

function refusalFor(error: unknown, file: string): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const code = (error as { code?: unknown }).code;
  const message = (error as Error).message;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return refuse('locked', file, `is locked by another program (SQLite says: ${message})`);
  if (typeof code === 'string' && /^SQLITE_(CANTOPEN|PERM|IOERR|AUTH)/.test(code))
    return refuse('cannot_open', file, `cannot be read (${message})`);
  return refuse('corrupt', file, `is damaged (SQLite says: ${message})`);
}

const listTables = (schema: Schema) => {
  const names = [...schema.keys()].sort();
  return names.length > 5 ? `${names.slice(0, 5).join(', ')}, …` : names.join(', ');
};

/**
 * Decides, without writing, whether `file` may be opened as a Watchbill database, and throws
 * the refusal when not. `list` is the migration history this build knows.
 */
export function inspectDatabaseFile(file: string, list: readonly Migration[], nativeBinding?: string): FileState {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw refuse('cannot_open', file, 'is a folder, not a database file');
    size = stat.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'new' };
    if (error instanceof DatabaseError) throw error;
    throw refuse('cannot_open', file, `cannot be read (${(error as Error).message})`);
  }
  if (size === 0) throw refuse('empty', file, 'is an empty file (0 bytes), not a Watchbill database');

  const header = readHeader(file);
  const { version, applicationId, schema } = look(file, header, nativeBinding);
  const latest = list[list.length - 1]?.version ?? 0;
  const known = new Set(list.map((m) => m.version));
  const marked = applicationId === WATCHBILL_APPLICATION_ID;

  if (applicationId !== 0 && !marked) {
    const id = `0x${applicationId.toString(16).padStart(8, '0')}`;
    throw refuse(
      'foreign',
      file,
      `is not a Watchbill database: it belongs to another application (application id ${id})`,
    );
  }
  const newer = () =>
    new DatabaseError(
      'newer_version',
      `${file} was written by a newer Watchbill (schema version ${version}; this version knows up to ${latest}). ` +
        WHAT_TO_DO.newer_version,
    );
  if (marked && version > latest) throw newer();

  const reference = referenceSchema(list, known.has(version) ? version : latest, nativeBinding);
  if (!marked) {
    // An older file carries no mark: it is ours when most of our tables are there by name.
    const present = [...reference.keys()].filter((table) => schema.has(table)).length;
    if (present * 2 < reference.size) {
      if (schema.size === 0 && version === 0)
        throw refuse('empty', file, 'is an SQLite file with no tables, not a Watchbill database');
      throw refuse(
        'foreign',
        file,
        `is not a Watchbill database: it is another application's SQLite file (tables: ${listTables(schema)})`,
      );
    }
    if (version > latest) throw newer();
    if (version >= MARKED_SINCE_VERSION)
      throw refuse('corrupt', file, `is damaged (schema version ${version} but no Watchbill mark)`);
  }
  if (!known.has(version))
    throw refuse('corrupt', file, `is damaged (schema version ${version} is not one Watchbill has written)`);
  const difference = schemaDifference(reference, schema);
  if (difference) throw refuse('corrupt', file, `is damaged (${difference})`);
  return { state: 'ours', version };
}
