import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/connection';
import { migrations } from '../../src/main/db/migrations';
import { migrate, schemaVersion } from '../../src/main/db/migrations/runner';

describe('migration 30: SLA events', () => {
  it('keeps the SLAs of version 20 and records events against them, removed with their SLA', () => {
    const db = openDatabase(':memory:', { targetVersion: 20 });
    db.exec(`INSERT INTO pipelines (id, name, audience) VALUES (1, 'Unit-level Profit', 'experiments');
             INSERT INTO slas (id, pipeline_id, kind, hours, event, time_zone)
             VALUES (3, 1, 'within_hours', 6, 'experiment start', 'America/New_York');`);
    migrate(db, migrations, 'test', 30);
    expect(schemaVersion(db)).toBe(30);
    expect(db.prepare('SELECT id, kind FROM slas').all()).toEqual([{ id: 3, kind: 'within_hours' }]);
    db.prepare('INSERT INTO sla_events (sla_id, at, label) VALUES (3, ?, ?)').run(
      '2026-11-23T14:00:00.000Z',
      'Checkout test',
    );
    expect(() =>
      db.prepare('INSERT INTO sla_events (sla_id, at) VALUES (99, ?)').run('2026-11-23T14:00:00.000Z'),
    ).toThrow(/FOREIGN KEY/);
    db.exec('DELETE FROM slas WHERE id = 3');
    expect(db.prepare('SELECT count(*) AS n FROM sla_events').get()).toEqual({ n: 0 });
  });
});
