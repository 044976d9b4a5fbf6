import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/connection';
import { DatabaseError } from '../../src/main/db/errors';
import { WATCHBILL_APPLICATION_ID } from '../../src/main/db/identity';
import { LATEST_SCHEMA_VERSION, migrations } from '../../src/main/db/migrations';
import { migrate, schemaVersion } from '../../src/main/db/migrations/runner';
import type { Migration } from '../../src/main/db/migrations/types';
import { tempDir } from '../support/app';

const temp = tempDir();
afterEach(() => temp.remove());

describe('migration runner', () => {
  it('brings a new database to the latest version and records it in user_version', () => {
    const db = openDatabase(temp.file('new.db'));
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('refuses a database from a newer version without writing a byte', () => {
    const file = temp.file('future.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE kept (x)');
    raw.pragma(`application_id = ${WATCHBILL_APPLICATION_ID}`);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    raw.close();
    const before = readFileSync(file);
    expect(() => openDatabase(file)).toThrowError(/newer Watchbill.*left untouched/);
    try {
      openDatabase(file);
    } catch (error) {
      expect((error as DatabaseError).code).toBe('newer_version');
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite and leaves it as it was', () => {
    const file = temp.file('notes.db');
    writeFileSync(file, 'These are my notes, not a database.\n'.repeat(20));
    const before = readFileSync(file);
    expect(() => openDatabase(file)).toThrowError(/notes\.db is not a Watchbill database/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a damaged SQLite file', () => {
    const file = temp.file('damaged.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    raw.close();
    const bytes = readFileSync(file);
    bytes.fill(0xff, 100, 4096); // keep the header, wreck the schema page
    writeFileSync(file, bytes);
    expect(() => openDatabase(file)).toThrowError(DatabaseError);
  });

  it('rolls back a failing migration and keeps the last good version', () => {
    const db = new Database(':memory:');
    const failing: Migration[] = [
      { version: 10, name: 'ok', up: (d) => d.exec('CREATE TABLE a (x)') },
      { version: 20, name: 'broken', up: (d) => d.exec('CREATE TABLE b (x); THIS IS NOT SQL') },
    ];
    expect(() => migrate(db, failing, 'test')).toThrow();
    expect(schemaVersion(db)).toBe(10);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 0 });
  });

  it('rejects a migration list out of order or not in steps of 10', () => {
    const db = new Database(':memory:');
    const noop = () => {};
    expect(() =>
      migrate(
        db,
        [
          { version: 20, name: 'b', up: noop },
          { version: 10, name: 'a', up: noop },
        ],
        't',
      ),
    ).toThrow(/out of order/);
    expect(() => migrate(db, [{ version: 15, name: 'a', up: noop }], 't')).toThrow(/steps of 10/);
  });

  it('has every shipped migration at a multiple of 10, rising', () => {
    migrations.forEach((m, i) => {
      expect(m.version % 10).toBe(0);
      expect(m.version).toBeGreaterThan(i === 0 ? 0 : migrations[i - 1]!.version);
    });
  });
});
