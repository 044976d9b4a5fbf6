import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, testApp } from '../support/app';
import { appRoot } from '../../src/main/paths';
import type { TeamLedger } from '../../src/shared/domain/ledger-team';
import type { PlanProposal } from '../../src/shared/domain/ledger-plan';
import type { RotationsPlan } from '../../src/shared/domain/plan-rotations';
import { doubleDutyClashes } from '../../src/shared/domain/double-duty';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/watchbill.js', ...args], { cwd: appRoot(), encoding: 'utf8' });

const LAYER = 'Experiments, business hours';

describe('fairness and plan across rotations from the command line', { timeout: 120_000 }, () => {
  const temp = tempDir();
  afterAll(() => temp.remove());

  /** The example team plus a business-hours rotation of C, D, E, F and G. */
  async function twoRotations(file: string) {
    expect(run('schedule', '--db', file, '--from', '2027-01-04', '--to', '2027-01-04').status).toBe(0);
    const app = testApp({ databasePath: file });
    const id = (name: string) => app.repos.engineers.findByName(name)!.id;
    const hired: number[] = [];
    for (const name of ['Engineer E', 'Engineer F', 'Engineer G']) {
      const saved = await app.dispatch('engineers:save', { name, color: '#336699', timeZone: 'America/New_York' });
      if (saved.ok) hired.push((saved.value as { id: number }).id);
    }
    const created = await app.dispatch('rotations:create', {
      name: LAYER,
      timeZone: 'America/New_York',
      startDate: '2026-11-02',
      shiftDays: 7,
      handoffTime: '09:00',
      memberIds: [id('Engineer C'), id('Engineer D'), ...hired],
      coverage: { weekdays: [1, 2, 3, 4, 5], hours: { from: '09:00', until: '18:00' } },
    });
    app.close();
    expect(created.ok).toBe(true);
  }

  it('prints every rotation and the totals, or one rotation with --rotation', async () => {
    const db = temp.file('fairness.db');
    await twoRotations(db);
    const range = ['--db', db, '--from', '2027-01-01', '--to', '2027-03-31'];
    const all = run('fairness', ...range, '--json');
    expect(all.status).toBe(0);
    const ledger = JSON.parse(all.stdout) as TeamLedger;
    expect(ledger.rotations.map((r) => r.rotationName)).toEqual(['Data engineering on-call', LAYER]);
    for (const total of ledger.totals) {
      const parts = ledger.rotations.flatMap((r) =>
        r.report.engineers.filter((e) => e.engineerId === total.engineerId),
      );
      expect(total.burden).toBeCloseTo(
        parts.reduce((sum, r) => sum + r.burden, 0),
        9,
      );
    }
    const text = run('fairness', ...range).stdout;
    expect(text).toMatch(
      /^Data engineering on-call\n[\s\S]*\nExperiments, business hours\n[\s\S]*\nIn total, every rotation\n/,
    );

    const one = run('fairness', ...range, '--rotation', 'experiments, BUSINESS hours', '--json');
    expect(one.status).toBe(0);
    expect((JSON.parse(one.stdout) as { engineers: unknown[] }).engineers).toHaveLength(5);

    const unknown = run('fairness', ...range, '--rotation', 'Weekends');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(
      /There is no rotation named 'Weekends' \(the rotations are: Data engineering on-call, Experiments, business hours\)/,
    );
  });

  it('plans every rotation without putting anyone on call in two at once, or one with --rotation', async () => {
    const db = temp.file('plan.db');
    await twoRotations(db);
    const range = ['--db', db, '--from', '2027-01-04', '--to', '2027-02-28'];
    const one = JSON.parse(run('plan', ...range, '--rotation', LAYER, '--json').stdout) as PlanProposal;
    expect(one.shifts.length).toBeGreaterThan(0);
    const all = JSON.parse(run('plan', ...range, '--json').stdout) as RotationsPlan;
    expect(all.plans.map((p) => p.rotationName)).toEqual(['Data engineering on-call', LAYER]);

    const applied = run('plan', ...range, '--apply');
    expect(applied.status).toBe(0);
    expect(applied.stdout).toMatch(/Applied to Experiments, business hours: \d+ overrides added/);
    const app = testApp({ databasePath: db });
    const schedules = app.repos.rotations
      .list()
      .map((rotation) => ({ rotation, overrides: app.repos.rotations.overrides(rotation.id) }));
    const clashes = doubleDutyClashes(
      schedules,
      Date.parse('2027-01-04T14:00:00Z'),
      Date.parse('2027-03-01T14:00:00Z'),
    );
    app.close();
    expect(clashes).toEqual([]);
  });
});
