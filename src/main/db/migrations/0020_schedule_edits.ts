import type { Migration } from './types';

// The journal of schedule edits behind undo and redo. Each row is one edit as applied (the
// overrides it added and removed, in full), so undo survives a restart and a redo restores
// overrides exactly, ids and precedence included.
export const migration0020: Migration = {
  version: 20,
  name: 'schedule edit journal',
  up(db) {
    db.exec(`
      CREATE TABLE schedule_edits (
        id          INTEGER PRIMARY KEY,
        rotation_id INTEGER NOT NULL REFERENCES rotations(id) ON DELETE CASCADE,
        label       TEXT NOT NULL,
        applied     TEXT NOT NULL, -- JSON { add: Override[], remove: Override[] }
        created_at  TEXT NOT NULL,
        undone      INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
      );
      CREATE INDEX schedule_edits_rotation ON schedule_edits(rotation_id, id);
    `);
  },
};
