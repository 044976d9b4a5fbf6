import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, testApp } from '../support/app';
import { appRoot } from '../../src/main/paths';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/watchbill.js', ...args], { cwd: appRoot(), encoding: 'utf8' });

describe('the watchbill command', { timeout: 30_000 }, () => {
  it('prints its version', () => {
    const version = execFileSync(process.execPath, ['bin/watchbill.js', '--version'], {
      cwd: appRoot(),
      encoding: 'utf8',
    });
    expect(version.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('lists its commands in --help', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/serve/);
  });

  it('says which command is unknown', () => {
    const result = run('frobnicate');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('names a malformed option', () => {
    const result = run('serve', '--prot', '80');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--prot/);
  });
});

describe('the engine from the command line', { timeout: 30_000 }, () => {
  const temp = tempDir();
  afterAll(() => temp.remove());
  const db = temp.file('cli.db');

  it('prints the schedule with the Christmas cover and its reason', () => {
    const result = run('schedule', '--db', db, '--from', '2026-12-24', '--to', '2026-12-26');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /2026-12-24 09:00 +2026-12-26 09:00 +Engineer D +Engineer A +holiday cover: Engineer D covers Christmas Eve/,
    );
  });

  it('prints fairness as JSON with a row per engineer', () => {
    const result = run('fairness', '--db', db, '--from', '2026-04-01', '--to', '2026-06-30', '--json');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { engineers: unknown[]; team: { spread: number } };
    expect(report.engineers).toHaveLength(4);
    expect(report.team.spread).toBeGreaterThanOrEqual(0);
  });

  it('plans a quarter and applies it', () => {
    const proposed = run('plan', '--db', db, '--from', '2027-01-01', '--to', '2027-03-31');
    expect(proposed.stdout).toMatch(/Before:[\s\S]*spread[\s\S]*After:[\s\S]*spread/);
    const applied = run('plan', '--db', db, '--from', '2027-01-01', '--to', '2027-03-31', '--apply');
    expect(applied.stdout).toMatch(/Applied: \d+ overrides added/);
    const again = run('plan', '--db', db, '--from', '2027-01-01', '--to', '2027-03-31', '--apply');
    expect(again.stdout).toMatch(/Nothing to apply/);
  });

  it('plans again over its own plan with --replace once someone planned is away', async () => {
    const replanDb = temp.file('replan.db');
    const quarter = ['--db', replanDb, '--from', '2027-01-01', '--to', '2027-03-31'];
    expect(run('plan', ...quarter, '--apply').status).toBe(0);
    const app = testApp({ databasePath: replanDb });
    const planned = app.repos.rotations.overrides(1).find((o) => o.kind === 'planned' && o.role === 'primary')!;
    const day = planned.startsAt.slice(0, 10);
    expect(
      await app.dispatch('unavailability:add', { engineerId: planned.engineerId, startDate: day, endDate: day }),
    ).toMatchObject({ ok: true });
    app.close();
    expect(run('plan', ...quarter).stdout).toMatch(/not fixed: .* during PTO \(.*set by an override the plan keeps/);
    const replanned = run('plan', ...quarter, '--replace', '--apply');
    expect(replanned.stdout).toMatch(/fixed: .* during PTO/);
    expect(replanned.stdout).toMatch(/Applied: \d+ overrides added, [1-9]\d* removed/);
    expect(run('plan', '--help').stdout).toContain('--replace');
  });

  it('plans away Engineer A being on call while away over Christmas, and the schedule says why', async () => {
    const clashDb = temp.file('clash.db');
    expect(run('schedule', '--db', clashDb, '--from', '2026-12-17', '--to', '2026-12-17').status).toBe(0);
    const app = testApp({ databasePath: clashDb });
    const a = app.repos.engineers.list().find((e) => e.name === 'Engineer A')!.id;
    const added = await app.dispatch('unavailability:add', {
      engineerId: a,
      startDate: '2026-12-24',
      endDate: '2026-12-27',
    });
    app.close();
    expect(added.ok).toBe(true);
    const range = ['--db', clashDb, '--from', '2026-12-17', '--to', '2026-12-31'];
    expect(run('schedule', ...range).stdout).toMatch(/warning: Engineer A is on call \(secondary\)/);

    const applied = run('plan', ...range, '--apply');
    expect(applied.stdout).toMatch(/fixed: Engineer A is on call \(secondary\)/);
    expect(applied.stdout).toMatch(/Applied: \d+ overrides added/);
    const after = run('schedule', ...range).stdout;
    expect(after).not.toMatch(/warning: Engineer A is on call/);
    expect(after).toMatch(/time-away cover: planned 2026-12-17 to 2026-12-31: covers Engineer A's time away/);
    expect(after).not.toMatch(/manual: ;|: ;|manual: *$/m);
  });

  it('says which date is malformed', () => {
    const result = run('schedule', '--db', db, '--from', '2026-13-01', '--to', '2026-12-31');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--from must be a date as YYYY-MM-DD, not '2026-13-01'/);
  });
});
