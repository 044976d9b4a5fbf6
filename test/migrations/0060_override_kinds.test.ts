import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/connection';
import { migrations } from '../../src/main/db/migrations';
import { migrate, schemaVersion } from '../../src/main/db/migrations/runner';
import { rotationsRepository } from '../../src/main/db/repositories/rotations';
import { invertChange } from '../../src/shared/domain/rotation';

describe('migration 60: override kinds and reasons', () => {
  it("renames version 50's kinds where they were certain, keeps 'manual' where not, and keeps ids, twins and the journal", () => {
    const db = openDatabase(':memory:', { targetVersion: 50 });
    const planner = 'Planner: evens out the cumulative load';
    db.exec(`INSERT INTO engineers (id, name, email, color, time_zone) VALUES
               (1, 'Engineer A', '', '#1d4ed8', 'America/New_York'), (2, 'Engineer B', '', '#b45309', 'America/New_York');
             INSERT INTO rotations (id, name, time_zone, start_date, shift_days, handoff_time)
               VALUES (1, 'Primary', 'America/New_York', '2026-01-01', 7, '09:00');
             INSERT INTO overrides (id, rotation_id, starts_at, ends_at, role, engineer_id, kind, reason, twin_id, created_at) VALUES
               (1, 1, '2026-01-08T14:00:00.000Z', '2026-01-15T14:00:00.000Z', 'primary', 1, 'swap', 'trade', 2, '2026-01-01T00:00:00.000Z'),
               (2, 1, '2026-01-15T14:00:00.000Z', '2026-01-22T14:00:00.000Z', 'primary', 2, 'swap', 'trade', 1, '2026-01-01T00:00:00.000Z'),
               (3, 1, '2026-12-24T14:00:00.000Z', '2026-12-26T14:00:00.000Z', 'primary', 1, 'holiday', 'Christmas', NULL, '2026-01-02T00:00:00.000Z'),
               (4, 1, '2026-02-01T05:00:00.000Z', '2026-02-02T05:00:00.000Z', 'primary', 2, 'pto', '', NULL, '2026-01-03T00:00:00.000Z'),
               (5, 1, '2026-03-01T05:00:00.000Z', '2026-03-02T05:00:00.000Z', 'primary', 2, 'manual', '', NULL, '2026-01-04T00:00:00.000Z'),
               (6, 1, '2026-04-02T13:00:00.000Z', '2026-04-09T13:00:00.000Z', 'primary', 1, 'manual', '${planner}', NULL, '2026-01-05T00:00:00.000Z');`);
    const journaled = {
      add: [
        {
          id: 9,
          rotationId: 1,
          startsAt: '2026-05-01T04:00:00.000Z',
          endsAt: '2026-05-02T04:00:00.000Z',
          role: 'primary',
          engineerId: 1,
          kind: 'pto',
          reason: '',
          twinId: null,
          createdAt: '2026-01-06T00:00:00.000Z',
        },
      ],
      remove: [],
    };
    db.prepare(
      "INSERT INTO schedule_edits (rotation_id, label, applied, created_at, undone) VALUES (1, 'A covers', ?, '2026-01-06T00:00:00.000Z', 1)",
    ).run(JSON.stringify(journaled));

    migrate(db, migrations, 'test', 60);
    expect(schemaVersion(db)).toBe(60);
    // Today's repository reads today's schema; nothing later changes overrides or the journal.
    migrate(db, migrations, 'test');

    const repo = rotationsRepository(db);
    expect(repo.overrides(1).map((o) => [o.id, o.kind, o.reason, o.twinId])).toEqual([
      [1, 'swap', 'trade', 2],
      [2, 'swap', 'trade', 1],
      [3, 'holiday_cover', 'Christmas', null],
      [4, 'time_away_cover', '', null],
      // What made it was not recorded: it stays 'manual', not a guess.
      [5, 'manual', '', null],
      [6, 'planned', planner, null],
    ]);
    // The journal says the new names, so a redo puts the override back under the new CHECK.
    const edit = repo.nextUndoneEdit(1)!;
    expect(edit.applied.add[0]!.kind).toBe('time_away_cover');
    db.transaction(() => repo.writeChange(edit.applied))();
    expect(repo.getOverride(9)!.kind).toBe('time_away_cover');
    db.transaction(() => repo.writeChange(invertChange(edit.applied)))();

    // Removing one half of a swap still unlinks the other: the twin key survived the rebuild.
    db.prepare('DELETE FROM overrides WHERE id = 1').run();
    expect(repo.getOverride(2)!.twinId).toBeNull();
    expect(() =>
      db
        .prepare(
          `INSERT INTO overrides (rotation_id, starts_at, ends_at, role, engineer_id, kind, reason, created_at)
           VALUES (1, '2026-06-01T00:00:00.000Z', '2026-06-02T00:00:00.000Z', 'primary', 1, 'pto', '', '2026-01-07T00:00:00.000Z')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
