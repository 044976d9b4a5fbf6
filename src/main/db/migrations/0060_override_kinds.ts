import type { Database } from 'better-sqlite3';
import type { Migration } from './types';

// An override says what made it: a swap, a cover, a split, a holiday cover, a time-away cover
// or the planner. Before this version a cover dragged onto the calendar and most of the
// planner's work were all stored as 'manual' with an empty reason. Older rows are renamed
// where the old kind said it ('holiday', 'pto'), and marked 'planned' only where the reason
// is the one the planner wrote; every other 'manual' row stays 'manual' (not recorded) rather
// than being guessed. SQLite cannot change a CHECK in place, so the table is rebuilt with its
// ids, twins and precedence (created_at) as they were.

/** The reason the planner wrote on the overrides it stored as 'manual' before this version. */
const PLANNER_REASON = 'Planner: evens out the cumulative load';

/** An override kind as written before version 60, by its name from then on. */
export function kindSince60(kind: string, reason: string): string {
  if (kind === 'holiday') return 'holiday_cover';
  if (kind === 'pto') return 'time_away_cover';
  if (kind === 'manual' && reason === PLANNER_REASON) return 'planned';
  return kind;
}

/** The overrides inside journaled edits (undo, redo) get the same names, so an undo can put them back. */
function renameJournaledKinds(db: Database): void {
  const edits = db.prepare<[], { id: number; applied: string }>('SELECT id, applied FROM schedule_edits').all();
  const update = db.prepare('UPDATE schedule_edits SET applied = ? WHERE id = ?');
  for (const edit of edits) {
    const applied = JSON.parse(edit.applied) as Record<string, { kind: string; reason: string }[]>;
    for (const list of Object.values(applied)) for (const o of list) o.kind = kindSince60(o.kind, o.reason);
    update.run(JSON.stringify(applied), edit.id);
  }
}

export const migration0060: Migration = {
  version: 60,
  name: 'override kinds and reasons',
  up(db) {
    db.function('watchbill_kind_since_60', { deterministic: true }, (kind: unknown, reason: unknown) =>
      kindSince60(String(kind), String(reason)),
    );
    // Twins point at rows copied in the same statement: checked when the transaction commits.
    db.pragma('defer_foreign_keys = ON');
    db.exec(`
      CREATE TABLE overrides_v60 (
        id          INTEGER PRIMARY KEY,
        rotation_id INTEGER NOT NULL REFERENCES rotations(id) ON DELETE CASCADE,
        starts_at   TEXT NOT NULL,
        ends_at     TEXT NOT NULL,
        role        TEXT NOT NULL CHECK (role IN ('primary', 'secondary')),
        engineer_id INTEGER NOT NULL REFERENCES engineers(id) ON DELETE RESTRICT,
        kind        TEXT NOT NULL CHECK (kind IN
                      ('swap', 'cover', 'split', 'holiday_cover', 'time_away_cover', 'planned', 'manual')),
        reason      TEXT NOT NULL DEFAULT '',
        twin_id     INTEGER REFERENCES overrides_v60(id) ON DELETE SET NULL,
        created_at  TEXT NOT NULL,
        CHECK (ends_at > starts_at)
      );
      INSERT INTO overrides_v60 (id, rotation_id, starts_at, ends_at, role, engineer_id, kind, reason, twin_id, created_at)
        SELECT id, rotation_id, starts_at, ends_at, role, engineer_id, watchbill_kind_since_60(kind, reason), reason,
               twin_id, created_at
        FROM overrides;
      DROP TABLE overrides;
      ALTER TABLE overrides_v60 RENAME TO overrides;
      CREATE INDEX overrides_rotation_range ON overrides(rotation_id, starts_at, ends_at);
    `);
    renameJournaledKinds(db);
  },
};
