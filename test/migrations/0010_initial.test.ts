import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/connection';

// Version 0 → 10: the first migration creates the whole model. Rows inserted at 10 must
// satisfy the model's rules (foreign keys, checks) as the app relies on them.
describe('migration 10: the initial model', () => {
  const db = openDatabase(':memory:', { targetVersion: 10 });

  it('creates every entity of the model', () => {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
      (t) => t.name,
    );
    expect(tables).toEqual(
      expect.arrayContaining([
        'engineers',
        'unavailability',
        'business_areas',
        'pipelines',
        'ownerships',
        'ownership_changes',
        'ownership_reviews',
        'rotations',
        'rotation_members',
        'overrides',
        'holiday_calendars',
        'holiday_weights',
        'custom_holidays',
        'slas',
        'runbooks',
        'runbook_scenarios',
        'runbook_steps',
        'escalation_levels',
        'runbook_revisions',
        'drills',
        'drill_participants',
        'drill_steps',
        'drill_notes',
        'drill_followups',
        'risks',
        'risk_pipelines',
        'schedule_snapshots',
        'settings',
      ]),
    );
  });

  it('keeps primary and secondary owner distinct and owners real', () => {
    db.exec(`INSERT INTO engineers (id, name, color, time_zone) VALUES (1, 'Ada', '#112233', 'UTC'), (2, 'Bo', '#445566', 'UTC');
             INSERT INTO pipelines (id, name, audience) VALUES (1, 'P', 'investors');`);
    expect(() => db.exec("INSERT INTO ownerships VALUES (1, 1, 1, 'same', '2026-01-01T00:00:00.000Z')")).toThrow(
      /CHECK constraint/,
    );
    expect(() => db.exec("INSERT INTO ownerships VALUES (1, 1, 99, 'ghost', '2026-01-01T00:00:00.000Z')")).toThrow(
      /FOREIGN KEY/,
    );
    db.exec("INSERT INTO ownerships VALUES (1, 1, 2, 'fine', '2026-01-01T00:00:00.000Z')");
    expect(() => db.exec('DELETE FROM engineers WHERE id = 1')).toThrow(/FOREIGN KEY/);
  });

  it('refuses an override that ends before it starts or has an unknown kind', () => {
    db.exec("INSERT INTO rotations (id, name, time_zone, start_date) VALUES (1, 'R', 'UTC', '2026-01-01')");
    const insert = (starts: string, ends: string, kind: string) =>
      db
        .prepare(
          `INSERT INTO overrides (rotation_id, starts_at, ends_at, role, engineer_id, kind, created_at)
           VALUES (1, ?, ?, 'primary', 1, ?, '2026-01-01T00:00:00.000Z')`,
        )
        .run(starts, ends, kind);
    expect(() => insert('2026-01-02T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'swap')).toThrow(/CHECK/);
    expect(() => insert('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', 'vacation')).toThrow(/CHECK/);
    expect(insert('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', 'holiday').changes).toBe(1);
  });

  it('accepts each structured SLA kind only with its fields', () => {
    const sla = (
      kind: string,
      time: string | null,
      weekday: number | null,
      hours: number | null,
      event: string | null,
    ) =>
      db
        .prepare(
          'INSERT INTO slas (pipeline_id, kind, time_of_day, weekday, hours, event, time_zone) VALUES (1, ?, ?, ?, ?, ?, ?)',
        )
        .run(kind, time, weekday, hours, event, 'America/New_York');
    expect(sla('daily', '10:00', null, null, null).changes).toBe(1);
    expect(sla('weekly', '08:00', 1, null, null).changes).toBe(1);
    expect(sla('next_business_day', '09:00', null, null, null).changes).toBe(1);
    expect(sla('within_hours', null, null, 6, 'experiment start').changes).toBe(1);
    expect(() => sla('weekly', '08:00', null, null, null)).toThrow(/CHECK/);
    expect(() => sla('within_hours', null, null, null, 'experiment start')).toThrow(/CHECK/);
  });

  it('removes a runbook’s scenarios, steps and escalation with it', () => {
    db.exec(`INSERT INTO runbooks (id, pipeline_id, updated_at) VALUES (1, 1, '2026-01-01T00:00:00.000Z');
             INSERT INTO runbook_scenarios (id, runbook_id, position, title) VALUES (1, 1, 0, 'Data freshness');
             INSERT INTO runbook_steps (scenario_id, position, text) VALUES (1, 0, 'Check upstream');
             INSERT INTO escalation_levels (runbook_id, position, role, after_minutes) VALUES (1, 0, 'oncall_primary', 0);`);
    db.exec('DELETE FROM runbooks WHERE id = 1');
    expect(db.prepare('SELECT count(*) AS n FROM runbook_steps').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM escalation_levels').get()).toEqual({ n: 0 });
  });
});
