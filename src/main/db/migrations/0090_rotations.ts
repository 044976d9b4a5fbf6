import type { Migration } from './types';

// Several rotations in one file. A rotation may be a layer (only some weekdays or hours, in
// its own zone), may be archived (its history still counts for fairness), has a place in the
// lead's order, and may let its members be on call elsewhere at the same time. Each pipeline
// names the rotation that answers for it; a file from before this version had exactly one
// rotation answering for everything, so every pipeline is routed to it. The team's own time
// zone (dates of drills, deadlines, imports) was the first rotation's: it becomes a setting.
export const migration0090: Migration = {
  version: 90,
  name: 'several rotations',
  up(db) {
    db.exec(`
      ALTER TABLE rotations ADD COLUMN coverage_weekdays TEXT; -- JSON array of 0..6; NULL: every day
      ALTER TABLE rotations ADD COLUMN coverage_from TEXT;     -- 'HH:MM'; NULL with coverage_until: all day
      ALTER TABLE rotations ADD COLUMN coverage_until TEXT;
      ALTER TABLE rotations ADD COLUMN allows_double_duty INTEGER NOT NULL DEFAULT 0
        CHECK (allows_double_duty IN (0, 1));
      ALTER TABLE rotations ADD COLUMN archived_at TEXT;
      ALTER TABLE rotations ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
      UPDATE rotations SET position = (SELECT count(*) FROM rotations AS r WHERE r.id < rotations.id);

      ALTER TABLE pipelines ADD COLUMN rotation_id INTEGER REFERENCES rotations(id) ON DELETE SET NULL;
      UPDATE pipelines SET rotation_id = (SELECT id FROM rotations ORDER BY id LIMIT 1);

      -- History imported from before Watchbill belongs to a rotation like every shift does.
      ALTER TABLE past_shifts ADD COLUMN rotation_id INTEGER REFERENCES rotations(id) ON DELETE CASCADE;
      UPDATE past_shifts SET rotation_id = (SELECT id FROM rotations ORDER BY id LIMIT 1);

      INSERT INTO settings (key, value)
        SELECT 'teamTimeZone', json_quote(time_zone) FROM (SELECT time_zone FROM rotations ORDER BY id LIMIT 1)
        WHERE true ON CONFLICT (key) DO NOTHING;
    `);
  },
};
