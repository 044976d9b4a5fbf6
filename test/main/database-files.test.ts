// Which files Watchbill opens: its own (marked, or older ones that are recognisably ours) and
// paths that do not exist yet. Everything else is refused with a message that says which and
// what to do, and is byte-identical afterwards, without -wal, -shm or backups beside it.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../src/main/app';
import { openDatabase } from '../../src/main/db/connection';
import { DatabaseError, type DatabaseErrorCode } from '../../src/main/db/errors';
import { WATCHBILL_APPLICATION_ID } from '../../src/main/db/identity';
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations';
import { FROZEN_NOW, flipBitInSchema, frozenAt, tempDir, testApp } from '../support/app';

const temp = tempDir();
afterEach(() => temp.remove());

function refusal(file: string): DatabaseError {
  try {
    testApp({ databasePath: file, backups: true }).close();
  } catch (error) {
    if (error instanceof DatabaseError) return error;
    throw error;
  }
  throw new Error(`${file} was opened`);
}

/** Opens `file` as the app would and checks the refusal, and that nothing beside it changed. */
function expectRefused(file: string, code: DatabaseErrorCode, message: RegExp): void {
  const before = readFileSync(file);
  const folder = readdirSync(temp.dir).sort();
  const error = refusal(file);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
  expect(error.message).toContain(file);
  expect(error.message).toMatch(/left untouched/);
  expect(readFileSync(file).equals(before)).toBe(true);
  expect(readdirSync(temp.dir).sort()).toEqual(folder);
}

function sqliteFile(name: string, setup: (db: Database.Database) => void): string {
  const file = temp.file(name);
  const db = new Database(file);
  setup(db);
  db.close();
  return file;
}

/** A Watchbill file of an older version (no mark), with a row in it, closed cleanly. */
function olderWatchbillFile(name: string, version: number): string {
  const file = temp.file(name);
  const db = openDatabase(file, { targetVersion: version });
  db.exec(`INSERT INTO engineers (name, color, time_zone) VALUES ('Priya', '#336699', 'Europe/Berlin')`);
  db.close();
  return file;
}

describe('files that are not Watchbill’s', () => {
  it('refuses another application’s SQLite file (a notes table) and names its tables', () => {
    const file = sqliteFile('notes.db', (db) =>
      db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hi')"),
    );
    expectRefused(
      file,
      'foreign',
      /not a Watchbill database: it is another application's SQLite file \(tables: notes\)/,
    );
  });

  it('refuses a file with its own engineers table without switching it to WAL', () => {
    const file = sqliteFile('crm.db', (db) =>
      db.exec('CREATE TABLE engineers (id INTEGER PRIMARY KEY, full_name TEXT)'),
    );
    expect(readFileSync(file)[18]).toBe(1); // rollback journal
    expectRefused(file, 'foreign', /another application's SQLite file \(tables: engineers\)/);
    expect(readFileSync(file)[18]).toBe(1);
  });

  it('refuses a file marked by another application even if its tables look like ours', () => {
    const file = olderWatchbillFile('other-app.db', 30);
    const db = new Database(file);
    db.pragma('application_id = 305419896');
    db.close();
    expectRefused(file, 'foreign', /another application \(application id 0x12345678\)/);
  });

  it('refuses an empty file named on purpose, and an SQLite file with no tables', () => {
    const empty = temp.file('empty.db');
    writeFileSync(empty, '');
    expectRefused(empty, 'empty', /is an empty file \(0 bytes\).*delete it, or name a path that does not exist yet/);
    // An SQLite file whose only table was dropped again: a header, and no tables.
    const blank = sqliteFile('blank.db', (db) => db.exec('CREATE TABLE x (a); DROP TABLE x;'));
    expect(readFileSync(blank).length).toBeGreaterThan(0);
    expectRefused(blank, 'empty', /is an SQLite file with no tables/);
  });

  it('refuses a text file', () => {
    const file = temp.file('notes.txt');
    writeFileSync(file, 'These are my notes.\n'.repeat(20));
    expectRefused(file, 'not_sqlite', /not an SQLite file/);
  });
});

describe('damaged, newer and locked Watchbill files', () => {
  it('calls a bit flip in an older file’s schema damaged, naming what is wrong', () => {
    const file = olderWatchbillFile('flipped-30.db', 30);
    flipBitInSchema(file); // handoff_time → handoff_uime
    expectRefused(
      file,
      'corrupt',
      /is damaged \(table rotations has no column handoff_time\).*restore one of its automatic backups/,
    );
  });

  it('calls a bit flip in a current file’s schema damaged', () => {
    const file = temp.file('flipped.db');
    testApp({ databasePath: file }).close();
    flipBitInSchema(file);
    expectRefused(file, 'corrupt', /is damaged \(table rotations has no column handoff_time\)/);
  });

  it('calls a flipped schema version damaged', () => {
    const file = temp.file('version.db');
    testApp({ databasePath: file }).close();
    const bytes = readFileSync(file);
    bytes.writeUInt32BE(LATEST_SCHEMA_VERSION - 1, 60); // user_version in the header
    writeFileSync(file, bytes);
    expectRefused(
      file,
      'corrupt',
      new RegExp(`schema version ${LATEST_SCHEMA_VERSION - 1} is not one Watchbill has written`),
    );
  });

  it('calls wrecked pages damaged', () => {
    const file = temp.file('wrecked.db');
    testApp({ databasePath: file }).close();
    const bytes = readFileSync(file);
    bytes.fill(0xff, 100, 4096);
    writeFileSync(file, bytes);
    expectRefused(file, 'corrupt', /is damaged/);
  });

  it('refuses a file from a newer Watchbill (in WAL mode) without creating -wal or -shm', () => {
    const file = temp.file('future.db');
    testApp({ databasePath: file }).close();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    db.close();
    expect(readFileSync(file)[18]).toBe(2); // WAL, with no -wal file beside it
    expectRefused(file, 'newer_version', /written by a newer Watchbill.*update Watchbill to open it/);
  });

  it('refuses a file another program holds locked', () => {
    const file = temp.file('locked.db');
    testApp({ databasePath: file }).close();
    const holder = new Database(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      expectRefused(file, 'locked', /is locked by another program.*close the program that holds it/);
    } finally {
      holder.exec('COMMIT');
      holder.close();
    }
  });
});

describe('files Watchbill opens', () => {
  it('adopts an older unmarked Watchbill file: marks it, keeps its rows, adds no example team', () => {
    const file = olderWatchbillFile('team-30.db', 30);
    const app = testApp({ databasePath: file });
    expect(app.firstStart).not.toBe('seeded');
    expect(app.repos.engineers.list().map((e) => e.name)).toEqual(['Priya']);
    app.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(WATCHBILL_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('creates the example team only in a path that did not exist, making its folders', () => {
    const file = join(temp.dir, 'new', 'deeper', 'team.db');
    const app = openApp({ databasePath: file, host: 'browser', clock: frozenAt(FROZEN_NOW), log: () => {} });
    expect(app.firstStart).toBe('seeded');
    app.close();
    expect(existsSync(file)).toBe(true);
  });

  it('fails at once, saying why, when the folder cannot be made', () => {
    const error = refusalOf('/proc/nonexist/x.db');
    expect(error.code).toBe('cannot_open');
    expect(error.message).toMatch(
      /\/proc\/nonexist\/x\.db cannot be created: the folder \/proc\/nonexist cannot be made/,
    );
  });
});

function refusalOf(file: string): DatabaseError {
  try {
    openDatabase(file).close();
  } catch (error) {
    if (error instanceof DatabaseError) return error;
    throw error;
  }
  throw new Error(`${file} was opened`);
}
