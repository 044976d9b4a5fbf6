// Several rotations from the command line, as a lead types it: `watchbill rotations`, and
// --rotation on schedule, who, export and import history, run from the build.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoot } from '../../src/main/paths';
import { tempDir, testApp } from '../support/app';
import { readWithPython } from './export/python-ics';

// Tuesday 24 November 2026, 10:00 in New York.
const NOW = '2026-11-24T15:00:00Z';
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/watchbill.js', ...args, '--now', NOW], { cwd: appRoot(), encoding: 'utf8' });

const WEEKLY = 'Data engineering on-call';
const BUSINESS = 'Experiments (business hours)';

describe('watchbill rotations', { timeout: 60_000 }, () => {
  const temp = tempDir();
  afterAll(() => temp.remove());
  const db = temp.file('team.db');
  const create = (...options: string[]) => run('rotations', 'create', '--db', db, ...options);

  beforeAll(() => {
    const made = create(
      ...['--name', BUSINESS, '--members', 'Engineer C, engineer d', '--weekdays', 'mon-fri'],
      ...['--hours', '9:00-18:00', '--time-zone', 'America/New_York', '--start', '2026-10-05'],
      ...['--double-duty', 'yes'],
    );
    expect(made.stderr).toBe('');
    expect(made.stdout).toMatch(/^Created Experiments \(business hours\)\./);
  });

  it('lists them in the lead’s order with what each covers', () => {
    const listed = run('rotations', 'list', '--db', db);
    expect(listed.status).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines[2]).toMatch(/^Data engineering on-call +America\/New_York +7 days +09:00 +2026-01-01 +always +no +/);
    expect(lines[3]).toMatch(
      /^Experiments \(business hours\) +America\/New_York +7 days +09:00 +2026-10-05 +Mon–Fri 09:00–18:00 +allowed +Engineer C, Engineer D +active$/,
    );
  });

  it('refuses bad input with the option to fix, and changes nothing', () => {
    const before = run('rotations', 'list', '--db', db, '--json').stdout;
    const refusals: [string[], RegExp][] = [
      [
        ['--name', 'Nights', '--members', 'Engineer A, Zed'],
        /--members: there is no engineer named 'Zed' \(there are: Engineer A, Engineer B, Engineer C, Engineer D\)\./,
      ],
      [
        ['--name', 'experiments (BUSINESS hours)', '--members', 'Engineer A'],
        /There is already a rotation called Experiments \(business hours\): pick another name\./,
      ],
      [
        ['--name', 'Nights', '--members', 'Engineer A', '--time-zone', 'Mars/Base', '--handoff', '9'],
        /--time-zone: must be an IANA time zone such as Europe\/Berlin; --handoff: must be a time as HH:MM/,
      ],
      [
        ['--name', 'Nights', '--members', 'Engineer A', '--weekdays', 'mon-funday'],
        /--weekdays: 'funday' is not a day \(use mon, tue, wed, thu, fri, sat, sun\), in 'mon-funday'\./,
      ],
      [
        ['--name', 'Nights', '--members', 'Engineer A', '--hours', '20:00-20:00'],
        /--hours: must end at another time than it starts/,
      ],
      [['--name', 'Nights'], /--members 'A, B, C' is required/],
    ];
    for (const [options, message] of refusals) {
      const refused = create(...options);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(message);
    }
    expect(run('rotations', 'archive', 'Nope', '--db', db).stderr).toMatch(
      /There is no rotation named 'Nope' \(the rotations are: Data engineering on-call, Experiments \(business hours\)\)\./,
    );
    expect(run('rotations', 'list', '--db', db, '--json').stdout).toBe(before);
  });

  it('edits only what the options name, and archives and brings back', () => {
    const temp2 = tempDir();
    const other = temp2.file('other.db');
    expect(run('rotations', 'list', '--db', other).status).toBe(0);
    const edited = run('rotations', 'edit', 'data engineering ON-CALL', '--db', other, '--hours', '08:00-20:00');
    expect(edited.stdout).toMatch(/Saved Data engineering on-call\.[\s\S]*every day 08:00–20:00/);
    const [rotation] = JSON.parse(run('rotations', 'list', '--db', other, '--json').stdout) as {
      memberIds: number[];
      shiftDays: number;
      archivedAt: string | null;
    }[];
    expect(rotation!.memberIds).toHaveLength(4);
    expect(rotation!.shiftDays).toBe(7);
    expect(run('rotations', 'archive', WEEKLY, '--db', other).stdout).toMatch(/Archived Data engineering on-call\./);
    expect(run('rotations', 'list', '--db', other).stdout).toMatch(/archived 2026-11-24/);
    // Nothing active is left to show.
    expect(run('schedule', '--db', other, '--from', '2026-12-01', '--to', '2026-12-02').stderr).toMatch(
      /There is no rotation in this database yet\./,
    );
    expect(run('rotations', 'archive', WEEKLY, '--db', other, '--restore').stdout).toMatch(/Brought back/);
    expect(run('rotations', 'list', '--db', other).stdout).toMatch(/ active\n?$/);
    temp2.remove();
  });

  it('prints the schedule a section per rotation, or the one named; an unknown name lists the real ones', () => {
    const range = ['--db', db, '--from', '2026-11-23', '--to', '2026-11-24'];
    const both = run('schedule', ...range);
    expect(both.status).toBe(0);
    const [weekly, business] = both.stdout.split('\n\n');
    expect(weekly).toMatch(/^Data engineering on-call \(America\/New_York\)\n/);
    expect(business).toMatch(
      /^Experiments \(business hours\) \(America\/New_York, covers Mon–Fri 09:00–18:00\)\n[\s\S]*2026-11-23 09:00 +2026-11-23 18:00 +Engineer D +Engineer C +rotation\n2026-11-24 09:00 +2026-11-24 18:00 +Engineer D +Engineer C +rotation/,
    );
    const one = run('schedule', ...range, '--rotation', 'experiments (business hours)', '--json');
    const segments = JSON.parse(one.stdout) as { startsAt: string; endsAt: string }[];
    expect(segments.map((s) => [s.startsAt, s.endsAt])).toEqual([
      ['2026-11-23T14:00:00.000Z', '2026-11-23T23:00:00.000Z'],
      ['2026-11-24T14:00:00.000Z', '2026-11-24T23:00:00.000Z'],
    ]);
    const unknown = run('schedule', ...range, '--rotation', 'Nights');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(
      /There is no rotation named 'Nights' \(the rotations are: Data engineering on-call, Experiments \(business hours\)\)\./,
    );
  });

  it('says who is on call in each rotation, and that nobody is outside a layer’s hours', () => {
    const now = run('who', '--db', db);
    expect(now.stdout).toMatch(/^On call at 2026-11-24 10:00 \(America\/New_York\)\n/);
    expect(now.stdout).toMatch(/Data engineering on-call +Engineer C +Engineer D +2026-11-26 09:00/);
    expect(now.stdout).toMatch(/Experiments \(business hours\) +Engineer D +Engineer C +2026-11-24 18:00/);
    const evening = run('who', '--db', db, '--rotation', BUSINESS, '--at', '2026-11-24 22:00');
    expect(evening.stdout).toMatch(
      /Experiments \(business hours\) +— +— +nobody from Experiments \(business hours\) then \(it covers Mon–Fri 09:00–18:00 America\/New_York time\)/,
    );
    expect(evening.stdout).not.toMatch(/Data engineering/);
    expect(run('who', '--db', db, '--rotation', BUSINESS, '--pipeline', 'Aggregate Profit').stderr).toMatch(
      /give --pipeline NAME or --rotation NAME, not both/,
    );
  });

  it("exports one rotation's calendar, and one person's across rotations", () => {
    const file = temp.file('business.ics');
    const range = ['--from', '2026-11-23', '--to', '2026-11-27'];
    expect(run('export', 'ics', '--db', db, ...range, '--rotation', BUSINESS, '-o', file).status).toBe(0);
    const business = readWithPython(readFileSync(file, 'utf8'));
    expect(business.name).toBe(`${BUSINESS} (2026-11-23 to 2026-11-27)`);
    expect(new Set(business.events.filter((e) => e.rotation).map((e) => e.rotation))).toEqual(new Set([BUSINESS]));
    const mine = run('export', 'ics', '--db', db, ...range, '--engineer', 'Engineer D', '-o', temp.file('d.ics'));
    expect(mine.status).toBe(0);
    const d = readWithPython(readFileSync(temp.file('d.ics'), 'utf8'));
    expect(new Set(d.events.filter((e) => e.rotation).map((e) => e.rotation))).toEqual(new Set([WEEKLY, BUSINESS]));
    expect(run('export', 'csv', '--db', db, '--rotation', 'zz').stderr).toMatch(/There is no rotation named 'zz'/);
  });

  it('imports history into the rotation named, and asks which when the team has several', () => {
    const history = temp.file('history.csv');
    writeFileSync(history, 'name,start,end,role\nEngineer C,2025-06-02 09:00,2025-06-06 18:00,primary\n');
    const unnamed = run('import', 'history', history, '--db', db);
    expect(unnamed.status).toBe(1);
    expect(unnamed.stderr).toMatch(
      /this database has 2 rotations: say which one the history is of \(the Rotation choice on the Export screen, or `watchbill import history --rotation NAME`\)/,
    );
    const named = run('import', 'history', history, '--db', db, '--rotation', BUSINESS);
    expect(named.status).toBe(0);
    expect(named.stdout).toMatch(/Adds past on-call shifts of 1 engineer/);
    const app = testApp({ databasePath: db });
    const [weekly, business] = app.repos.rotations.list();
    expect(app.repos.ledger.pastShifts(business!.id)).toHaveLength(1);
    expect(app.repos.ledger.pastShifts(weekly!.id)).toHaveLength(0);
    app.close();
    expect(run('import', 'engineers', history, '--db', db, '--rotation', BUSINESS).stderr).toMatch(
      /--rotation is for a history import/,
    );
  });
});
