import type { Database } from 'better-sqlite3';
import type { Migration } from './types';
import { DatabaseError } from '../errors';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses, without writing, a database that a newer Watchbill has written. */
export function assertNotFromTheFuture(db: Database, list: readonly Migration[], file: string): void {
  const current = schemaVersion(db);
  const latest = list.length ? list[list.length - 1]!.version : 0;
  if (current > latest) {
    throw new DatabaseError(
      'newer_version',
      `${file} was written by a newer Watchbill (schema version ${current}; this version knows up to ${latest}). ` +
        'It was left untouched: update Watchbill to open it.',
    );
  }
}

function assertOrdered(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    const previous = i === 0 ? 0 : list[i - 1]!.version;
    if (m.version <= previous || m.version % 10 !== 0) {
      throw new Error(`Migration list out of order at ${m.version} (${m.name}): versions rise in steps of 10.`);
    }
  });
}

/**
 * Runs every pending migration up to `target`, each in its own transaction that also sets
 * user_version, so a failure leaves the database at the last good version.
 */
export function migrate(db: Database, list: readonly Migration[], file: string, target = Infinity): number {
  assertOrdered(list);
  assertNotFromTheFuture(db, list, file);
  for (const m of list) {
    if (m.version > target || m.version <= schemaVersion(db)) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return schemaVersion(db);
}
