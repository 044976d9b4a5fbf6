import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/connection';
import { migrations } from '../../src/main/db/migrations';
import { migrate, schemaVersion } from '../../src/main/db/migrations/runner';

describe('migration 20: the schedule edit journal', () => {
  it('keeps the rotations and overrides of version 10 and journals edits against them', () => {
    const db = openDatabase(':memory:', { targetVersion: 10 });
    db.exec(`INSERT INTO engineers (id, name, color, time_zone) VALUES (1, 'Ada', '#112233', 'UTC');
             INSERT INTO rotations (id, name, time_zone, start_date) VALUES (1, 'R', 'UTC', '2026-01-01');
             INSERT INTO overrides (id, rotation_id, starts_at, ends_at, role, engineer_id, kind, created_at)
             VALUES (7, 1, '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', 'primary', 1, 'manual', '2026-01-01T00:00:00.000Z');`);
    migrate(db, migrations, 'test', 20);
    expect(schemaVersion(db)).toBe(20);
    expect(db.prepare('SELECT id, kind FROM overrides').all()).toEqual([{ id: 7, kind: 'manual' }]);
    db.prepare('INSERT INTO schedule_edits (rotation_id, label, applied, created_at) VALUES (1, ?, ?, ?)').run(
      'Cover',
      '{"add":[],"remove":[]}',
      '2026-01-01T00:00:00.000Z',
    );
    expect(() =>
      db
        .prepare('INSERT INTO schedule_edits (rotation_id, label, applied, created_at) VALUES (99, ?, ?, ?)')
        .run('x', '{}', 'y'),
    ).toThrow(/FOREIGN KEY/);
    db.exec('DELETE FROM rotations WHERE id = 1');
    expect(db.prepare('SELECT count(*) AS n FROM schedule_edits').get()).toEqual({ n: 0 });
  });
});
