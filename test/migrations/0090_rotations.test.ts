import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/connection';
import { migrations } from '../../src/main/db/migrations';
import { migrate, schemaVersion } from '../../src/main/db/migrations/runner';
import { createRepositories } from '../../src/main/db/repositories';

describe('migration 90: several rotations', () => {
  it("routes every pipeline of a one-rotation file to that rotation and makes its zone the team's", () => {
    const db = openDatabase(':memory:', { targetVersion: 80 });
    db.exec(`
      INSERT INTO engineers (id, name, email, color, time_zone) VALUES (1, 'Ada', '', '#1d4ed8', 'Europe/Berlin');
      INSERT INTO rotations (id, name, time_zone, start_date) VALUES (3, 'On call', 'America/Chicago', '2026-01-01');
      INSERT INTO rotation_members (rotation_id, position, engineer_id) VALUES (3, 0, 1);
      INSERT INTO pipelines (id, name, audience) VALUES (1, 'Growth', 'investors'), (2, 'Tests', 'experiments');
      INSERT INTO past_shifts (engineer_id, starts_at, ends_at, role, source)
        VALUES (1, '2025-12-01T15:00:00.000Z', '2025-12-08T15:00:00.000Z', 'primary', 'pd.csv');
    `);
    migrate(db, migrations, 'test', 90);
    expect(schemaVersion(db)).toBe(90);
    const repos = createRepositories(db);
    expect(repos.pipelines.list().map((p) => [p.name, p.rotationId])).toEqual([
      ['Growth', 3],
      ['Tests', 3],
    ]);
    expect(repos.rotations.list()).toEqual([
      {
        id: 3,
        name: 'On call',
        timeZone: 'America/Chicago',
        startDate: '2026-01-01',
        shiftDays: 7,
        handoffTime: '09:00',
        memberIds: [1],
        // What every rotation was before layers: every hour of every day.
        coverage: { weekdays: null, hours: null },
        allowsDoubleDuty: false,
        archivedAt: null,
        position: 0,
      },
    ]);
    expect(repos.ledger.pastShifts(3)).toHaveLength(1);
    expect(repos.settings.get('teamTimeZone')).toBe('America/Chicago');
  });

  it('leaves a file with no rotation without a team zone and its pipelines unrouted', () => {
    const db = openDatabase(':memory:', { targetVersion: 80 });
    db.exec(`INSERT INTO pipelines (id, name, audience) VALUES (1, 'Growth', 'investors')`);
    migrate(db, migrations, 'test', 90);
    const repos = createRepositories(db);
    expect(repos.pipelines.list()[0]!.rotationId).toBeNull();
    expect(repos.settings.get('teamTimeZone')).toBeUndefined();
  });
});
