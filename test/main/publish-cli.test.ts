// `watchbill publish` as a script would run it, against a real Radicale: the quarter goes up
// and reads back as `watchbill schedule --json` says, --dry-run lists a swap without sending
// it, an unreachable server exits 3 until it is back, and the password is nowhere on disk.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/main/app';
import { appRoot } from '../../src/main/paths';
import { FROZEN_NOW, frozenAt, tempDir } from '../support/app';
import { readCalendar, startRadicale, type Radicale } from '../support/radicale';
import { callOk } from './export/support';

const NOW = FROZEN_NOW.toISOString();
const QUARTER = ['--from', '2026-10-01', '--to', '2026-12-31'];

describe('watchbill publish', { timeout: 90_000 }, () => {
  const temp = tempDir();
  const db = temp.file('team.db');
  let server: Radicale;
  let calendarUrl: string;
  const outputs: string[] = [];
  const run = (args: string[], env: Record<string, string> = {}) => {
    const result = spawnSync(process.execPath, ['bin/watchbill.js', ...args, '--db', db, '--now', NOW], {
      cwd: appRoot(),
      encoding: 'utf8',
      env: { ...process.env, WATCHBILL_CALDAV_PASSWORD: server.password, ...env },
    });
    outputs.push(result.stdout, result.stderr);
    return result;
  };
  const publish = (...extra: string[]) =>
    run(['publish', '--caldav', calendarUrl, '--user', server.user, ...QUARTER, ...extra]);
  const onServer = async () => readCalendar(calendarUrl, server.authHeaders());

  beforeAll(async () => {
    server = await startRadicale();
    calendarUrl = await server.makeCalendar('team');
  });
  afterAll(async () => {
    await server?.remove();
    temp.remove();
  });

  it('publishes the quarter, which reads back event by event as `watchbill schedule --json` says', async () => {
    const result = publish();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const created = Number(/(\d+) created, 0 updated, 0 removed; 0 conflicts/.exec(result.stdout)?.[1]);
    expect(created).toBeGreaterThan(20);

    const schedule = JSON.parse(run(['schedule', ...QUARTER, '--json']).stdout) as {
      startsAt: string;
      endsAt: string;
      primaryId: number;
      secondaryId: number;
    }[];
    const objects = await onServer();
    expect(objects).toHaveLength(created);
    const shifts = objects
      .map((o) => new ICAL.Component(ICAL.parse(o.ics)).getFirstSubcomponent('vevent')!)
      .filter((v) => v.getFirstPropertyValue('x-watchbill-role'))
      .map((v) => ({
        role: String(v.getFirstPropertyValue('x-watchbill-role')),
        engineer: String(v.getFirstPropertyValue('x-watchbill-engineer')),
        start: (v.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
        end: (v.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString(),
      }));
    // The example team's engineers are 'Engineer A'…'Engineer D', ids 1…4.
    const nameOf = (id: number) => `Engineer ${'ABCD'[id - 1]}`;
    for (const segment of schedule) {
      for (const role of ['primary', 'secondary'] as const) {
        const holders = shifts
          .filter((s) => s.role === role && s.start <= segment.startsAt && s.end >= segment.endsAt)
          .map((s) => s.engineer);
        expect(holders, `${role} from ${segment.startsAt}`).toEqual([
          nameOf(role === 'primary' ? segment.primaryId : segment.secondaryId),
        ]);
      }
    }
    // Every shift on the server lies on the schedule's hand-offs: no stretch more, none less.
    const handoffs = new Set(schedule.flatMap((s) => [s.startsAt, s.endsAt]));
    for (const shift of shifts) {
      expect(handoffs.has(shift.start) || shift.start < schedule[0]!.startsAt, shift.start).toBe(true);
      expect(handoffs.has(shift.end) || shift.end > schedule.at(-1)!.endsAt, shift.end).toBe(true);
    }
  });

  it('lists a swap with --dry-run without sending it, then sends exactly that', async () => {
    const app = openApp({
      databasePath: db,
      host: 'browser',
      clock: frozenAt(FROZEN_NOW),
      log: () => {},
      jobs: { inThread: true },
    });
    await callOk(app, 'schedule:apply', {
      operation: { op: 'swap', shiftA: 40, shiftB: 42, reason: 'school holidays' },
    });
    await app.close();
    const before = await onServer();

    const dry = publish('--dry-run');
    expect(dry.status).toBe(0);
    const lines = dry.stdout.split('\n').filter((l) => /^\s+update\s/.test(l));
    // Both roles of the two weeks, and Columbus Day in the first, whose description names who is on call.
    expect(lines.map((l) => l.trim().split(/\s+/).slice(1, 3).join(' ')).sort()).toEqual([
      '2026-10-08 13:00Z',
      '2026-10-08 13:00Z',
      '2026-10-12 00:00Z',
      '2026-10-22 13:00Z',
      '2026-10-22 13:00Z',
    ]);
    expect(dry.stdout).toMatch(/would create 0, update 5, remove 0; 0 conflicts/);
    expect(await onServer()).toEqual(before);

    const real = publish();
    expect(real.stdout).toMatch(/0 created, 5 updated, 0 removed; 0 conflicts/);
    const after = await onServer();
    expect(after.filter((o) => !before.some((b) => b.href === o.href && b.etag === o.etag))).toHaveLength(5);
  });

  it('exits 3 with "not yet published" while the server is down, and goes through once it is back', async () => {
    await server.stop();
    const app = openApp({
      databasePath: db,
      host: 'browser',
      clock: frozenAt(FROZEN_NOW),
      log: () => {},
      jobs: { inThread: true },
    });
    await callOk(app, 'schedule:apply', { operation: { op: 'swap', shiftA: 40, shiftB: 42, reason: 'back again' } });
    await app.close();
    const queued = publish();
    expect(queued.status).toBe(3);
    expect(queued.stdout).toMatch(
      /not yet published \(queued\): the calendar server at http:\/\/127\.0\.0\.1:\d+ cannot be reached/,
    );
    await server.start();
    const through = publish();
    expect(through.status).toBe(0);
    expect(through.stdout).toMatch(/0 created, 5 updated, 0 removed; 0 conflicts/);
  });

  it('refuses a wrong password with a message and changes nothing', async () => {
    const before = await onServer();
    const refused = run(['publish', '--caldav', calendarUrl, '--user', server.user, ...QUARTER], {
      WATCHBILL_CALDAV_PASSWORD: 'not-the-password',
    });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/refused the user name or password \(401\)/);
    expect(await onServer()).toEqual(before);
  });

  it('never writes the password to the database, a backup, an export or its output', () => {
    for (const [what, ...args] of [
      ['json', '-o', temp.file('backup.json')],
      ['ics', '-o', temp.file('team.ics')],
      ['csv', '-o', temp.file('schedule.csv')],
      ['plan', '-o', temp.file('plan.md')],
    ] as const)
      expect(run(['export', what, ...args, ...(what === 'plan' ? [] : QUARTER)]).status).toBe(0);
    const files = readdirSync(temp.dir).map((name) => join(temp.dir, name));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) expect(readFileSync(file).includes(server.password), file).toBe(false);
    expect(outputs.join('\n')).not.toContain(server.password);
    expect(outputs.join('\n')).toContain('created');
  });
});
