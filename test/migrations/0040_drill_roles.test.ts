import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/connection';
import { migrations } from '../../src/main/db/migrations';
import { migrate, schemaVersion } from '../../src/main/db/migrations/runner';
import { drillsRepository } from '../../src/main/db/repositories/drills';

describe('migration 40: drill participant roles', () => {
  it("keeps version 30's drills and their participants, with roles 'not recorded', and keeps roles from then on", () => {
    const db = openDatabase(':memory:', { targetVersion: 30 });
    db.exec(`INSERT INTO engineers (id, name, email, color, time_zone) VALUES
               (1, 'Engineer A', '', '#1d4ed8', 'America/New_York'), (2, 'Engineer B', '', '#b45309', 'America/New_York'),
               (3, 'Engineer C', '', '#047857', 'America/New_York');
             INSERT INTO pipelines (id, name, audience) VALUES (1, 'Aggregate Profit', 'investors');
             INSERT INTO runbooks (id, pipeline_id, updated_at) VALUES (1, 1, '2026-11-01T00:00:00.000Z');
             INSERT INTO runbook_scenarios (id, runbook_id, position, title) VALUES (1, 1, 0, 'Job failures');
             INSERT INTO drills (id, pipeline_id, scenario_title, scheduled_at, facilitator_id)
               VALUES (7, 1, 'Job failures', '2026-11-21T15:00:00.000Z', 1);
             INSERT INTO drill_participants (drill_id, engineer_id) VALUES (7, 3), (7, 2);`);
    migrate(db, migrations, 'test', 40);
    expect(schemaVersion(db)).toBe(40);

    const repo = drillsRepository(db);
    // An old drill's participants stay, in the order they were added, without a guessed role.
    expect(repo.get(7)!.participants).toEqual([
      { engineerId: 3, role: null },
      { engineerId: 2, role: null },
    ]);

    const id = repo.create({
      pipelineId: 1,
      scenarioId: 1,
      scenarioTitle: 'Job failures',
      scheduledAt: '2026-12-03T15:00:00.000Z',
      facilitatorId: 1,
      participants: [
        { engineerId: 3, role: 'added' },
        { engineerId: 2, role: 'primary' },
        { engineerId: 1, role: 'secondary' },
      ],
    });
    expect(repo.get(id)!.participants).toEqual([
      { engineerId: 2, role: 'primary' },
      { engineerId: 1, role: 'secondary' },
      { engineerId: 3, role: 'added' },
    ]);
    expect(() =>
      db.prepare("INSERT INTO drill_participants (drill_id, engineer_id, role) VALUES (7, 1, 'boss')").run(),
    ).toThrow(/CHECK/);
  });
});
