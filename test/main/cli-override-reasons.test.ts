import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { appRoot } from '../../src/main/paths';
import { tempDir, testApp } from '../support/app';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/watchbill.js', ...args], { cwd: appRoot(), encoding: 'utf8' });

describe('watchbill schedule says what made each override and why', { timeout: 60_000 }, () => {
  const temp = tempDir();
  afterAll(() => temp.remove());

  it('prints the kind and reason of a roster drag and of the planner, never "manual: ;"', async () => {
    const db = temp.file('reasons.db');
    const app = testApp({ databasePath: db });
    const a = app.repos.engineers.findByName('Engineer A')!.id;
    const c = app.repos.engineers.findByName('Engineer C')!.id;
    await app.dispatch('unavailability:add', { engineerId: a, startDate: '2026-12-24', endDate: '2026-12-27' });
    // As the calendar's roster drag sends it: no kind, no reason.
    const drag = await app.dispatch('schedule:apply', {
      operation: {
        op: 'cover',
        from: '2026-12-24T14:00:00.000Z',
        to: '2026-12-28T05:00:00.000Z',
        role: 'secondary',
        engineerId: c,
        reason: '',
      },
    });
    expect(drag.ok).toBe(true);
    app.close();

    const result = run('schedule', '--db', db, '--from', '2026-12-24', '--to', '2026-12-28');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /2026-12-24 09:00 +2026-12-26 09:00 +Engineer D +Engineer C +holiday cover: Engineer D covers Christmas Eve and Christmas Day\.; time-away cover: Engineer C covers Engineer A's time away/,
    );
    expect(result.stdout).not.toMatch(/manual: ;|: ;|: $/m);
    expect(result.stdout).not.toMatch(/warning: Engineer A is on call/);

    const planned = run('plan', '--db', db, '--from', '2027-01-01', '--to', '2027-03-31', '--apply');
    expect(planned.stdout).toMatch(/Applied: \d+ overrides added/);
    const after = run('schedule', '--db', db, '--from', '2027-01-01', '--to', '2027-03-31');
    expect(after.stdout).toMatch(/planned 2027-Q1: \S/);
    expect(after.stdout).not.toMatch(/manual/);
  });
});
