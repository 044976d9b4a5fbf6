import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/connection';
import { createRepositories } from '../../src/main/db/repositories';
import { seedPath } from '../../src/main/paths';
import { initializeDatabase } from '../../src/main/services/seed';
import { FROZEN_NOW, tempDir, testApp } from '../support/app';

const temp = tempDir();
afterEach(() => temp.remove());

describe('first start with the example team', () => {
  const app = testApp();
  const { repos } = app;
  const name = (id: number | null) => repos.engineers.list().find((e) => e.id === id)?.name;

  it('has the four engineers of the seed plans', () => {
    expect(app.firstStart).toBe('seeded');
    expect(repos.engineers.list().map((e) => e.name)).toEqual(['Engineer A', 'Engineer B', 'Engineer C', 'Engineer D']);
  });

  it('has the five pipelines by area and audience, with their owners and reasons', () => {
    const areas = new Map(repos.pipelines.listAreas().map((a) => [a.id, a.name]));
    const owners = new Map(repos.pipelines.listOwnerships().map((o) => [o.pipelineId, o]));
    const table = repos.pipelines.list().map((p) => {
      const o = owners.get(p.id)!;
      return [areas.get(p.areaId!), p.name, p.audience, name(o.primaryEngineerId), name(o.secondaryEngineerId)];
    });
    expect(table).toEqual([
      ['Profit', 'Aggregate Profit', 'investors', 'Engineer B', 'Engineer C'],
      ['Profit', 'Unit-level Profit', 'experiments', 'Engineer A', 'Engineer B'],
      ['Growth', 'Aggregate Growth', 'investors', 'Engineer C', 'Engineer D'],
      ['Growth', 'Daily Growth', 'experiments', 'Engineer D', 'Engineer A'],
      ['Engagement', 'Aggregate Engagement', 'investors', 'Engineer A', 'Engineer D'],
    ]);
    const growth = repos.pipelines.list().find((p) => p.name === 'Aggregate Growth')!;
    expect(owners.get(growth.id)!.reason).toBe(
      "Engineer C has worked on growth tracking systems, complemented by D's analytical skills.",
    );
  });

  it('has the weekly rotation A → B → C → D starting 1 January', () => {
    const [rotation] = repos.rotations.list();
    expect(rotation).toMatchObject({ shiftDays: 7, startDate: '2026-01-01', timeZone: 'America/New_York' });
    expect(rotation!.memberIds.map(name)).toEqual(['Engineer A', 'Engineer B', 'Engineer C', 'Engineer D']);
  });

  it('has the holiday examples as overrides: Thanksgiving split, Christmas to D, New Year to C', () => {
    const [rotation] = repos.rotations.list();
    const overrides = repos.rotations
      .overrides(rotation!.id)
      .map((o) => [o.kind, o.role, name(o.engineerId), o.startsAt.slice(0, 10)]);
    expect(overrides).toEqual([
      ['split', 'primary', 'Engineer A', '2026-11-26'],
      ['split', 'secondary', 'Engineer D', '2026-11-26'],
      ['split', 'primary', 'Engineer B', '2026-11-30'],
      ['holiday_cover', 'primary', 'Engineer D', '2026-12-24'],
      ['holiday_cover', 'primary', 'Engineer C', '2026-12-31'],
    ]);
  });

  it('weighs the major holidays of the US calendar higher', () => {
    const calendar = repos.holidays.teamCalendar()!;
    expect(calendar.calendar).toMatchObject({ country: 'US', includeTypes: ['public'] });
    const major = calendar.weights.filter((w) => w.weight > calendar.calendar.defaultWeight).map((w) => w.name);
    expect(major.sort()).toEqual([
      'Christmas Day',
      'Christmas Eve',
      "New Year's Day",
      "New Year's Eve",
      'Thanksgiving Day',
    ]);
  });

  it("has a runbook for every pipeline, with the seeds' three investor scenarios, and the six risks", () => {
    const withRunbook = new Set(repos.runbooks.pipelineIds());
    for (const p of repos.pipelines.list()) expect(withRunbook.has(p.id)).toBe(true);
    const profit = repos.pipelines.list().find((p) => p.name === 'Aggregate Profit')!;
    const runbook = repos.runbooks.get(profit.id)!;
    expect(runbook.scenarios.slice(0, 3).map((s) => s.title)).toEqual([
      'Data freshness issues',
      'Data inconsistencies',
      'Job failures',
    ]);
    expect(runbook.escalation.map((l) => l.role)).toEqual([
      'oncall_primary',
      'oncall_secondary',
      'pipeline_primary',
      'pipeline_secondary',
      'team_lead',
    ]);
    expect(repos.risks.list().map((r) => [r.category, r.title])).toEqual([
      ['data', 'Late or missing data from source systems'],
      ['data', 'Schema changes (new columns, datatype changes)'],
      ['pipeline', 'Compute resource limits exceeded'],
      ['pipeline', 'Transformation errors'],
      ['business_logic', 'Incorrect metric calculations'],
      ['business_logic', 'Unexpected data spikes/drops'],
    ]);
  });
});

describe('setting up a database', () => {
  it('starts empty when asked to', () => {
    const app = testApp({ empty: true });
    expect(app.firstStart).toBe('empty');
    expect(app.repos.engineers.list()).toEqual([]);
    app.close();
  });

  it('does not seed again a database the lead has already used', () => {
    const file = temp.file('used.db');
    const first = testApp({ databasePath: file, empty: true });
    first.close();
    const again = testApp({ databasePath: file });
    expect(again.firstStart).toBe('existing');
    expect(again.repos.engineers.list()).toEqual([]);
    again.close();
  });

  it('refuses a broken example-team file with the field named, and writes nothing', () => {
    const bad = JSON.parse(readFileSync(seedPath(), 'utf8'));
    bad.pipelines[2].audience = 'shareholders';
    const badPath = temp.file('bad-seed.json');
    writeFileSync(badPath, JSON.stringify(bad));
    const db = openDatabase(':memory:');
    const repos = createRepositories(db);
    expect(() => initializeDatabase(repos, { empty: false, seedPath: badPath, now: FROZEN_NOW })).toThrowError(
      /pipelines\.2\.audience/,
    );
    expect(repos.engineers.list()).toEqual([]);
    db.close();
  });

  it('writes nothing when the example team names someone who is not in it', () => {
    const bad = JSON.parse(readFileSync(seedPath(), 'utf8'));
    bad.risks[5].owner = 'Z';
    const badPath = temp.file('bad-owner.json');
    writeFileSync(badPath, JSON.stringify(bad));
    const db = openDatabase(':memory:');
    const repos = createRepositories(db);
    expect(() => initializeDatabase(repos, { empty: false, seedPath: badPath, now: FROZEN_NOW })).toThrowError(
      /unknown engineer 'Z'/,
    );
    expect(repos.engineers.list()).toEqual([]);
    expect(repos.pipelines.list()).toEqual([]);
    db.close();
  });
});
