// Exports of a team with several rotations: the example team's weekly rotation and a
// business-hours rotation for the experiment pipelines beside it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../../src/main/app';
import { zonedMs } from '../../../src/shared/domain/time';
import type { Rotation } from '../../../src/shared/model';
import { tempDir, testApp } from '../../support/app';
import { callOk } from './support';
import { readWithPython } from './python-ics';

const QUARTER = { from: '2026-10-01', to: '2026-12-31' };
const ZONE = 'America/New_York';
const WEEKLY = 'Data engineering on-call';
const BUSINESS = 'Experiments (business hours)';

const opened: WatchbillApp[] = [];
const open = () => {
  const app = testApp();
  opened.push(app);
  return app;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((app) => app.close()));
});

const engineerId = (app: WatchbillApp, name: string) => app.repos.engineers.list().find((e) => e.name === name)!.id;

/** Mon–Fri 09:00–18:00 New York time, Engineers C and D taking turns weekly. */
const addBusinessHours = (app: WatchbillApp): Promise<Rotation> =>
  callOk(app, 'rotations:create', {
    name: BUSINESS,
    timeZone: ZONE,
    startDate: '2026-10-05',
    shiftDays: 7,
    handoffTime: '09:00',
    memberIds: [engineerId(app, 'Engineer C'), engineerId(app, 'Engineer D')],
    coverage: { weekdays: [1, 2, 3, 4, 5], hours: { from: '09:00', until: '18:00' } },
    allowsDoubleDuty: true,
  });

/** The New York weekday and clock time of an instant. */
const nyLocal = (iso: string) => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { weekday: part('weekday'), time: `${part('hour')}:${part('minute')}` };
};

describe('calendar files of several rotations', () => {
  it("hold every rotation's shifts, each event named for its rotation, the layer only in its hours", async () => {
    const app = open();
    await addBusinessHours(app);
    const file = await callOk(app, 'export:ics', { ...QUARTER, include: ['shifts'] });
    const { name, events } = readWithPython(file.content);
    expect(name).toBe(`${WEEKLY} + ${BUSINESS} (${QUARTER.from} to ${QUARTER.to})`);
    expect(new Set(events.map((e) => e.rotation))).toEqual(new Set([WEEKLY, BUSINESS]));
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    const business = events.filter((e) => e.rotation === BUSINESS);
    // A weekday's 09:00–18:00, one event per day and role (the layer is not on call in between).
    expect(business.length).toBeGreaterThan(100);
    for (const event of business) {
      expect(event.summary).toMatch(
        /^(Primary|Secondary \(backup\)) on call \(Experiments \(business hours\)\): Engineer [CD]$/,
      );
      expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(nyLocal(event.start).weekday);
      expect(nyLocal(event.start).time).toBe('09:00');
      expect(nyLocal(event.end).time).toBe('18:00');
    }
    expect(events.filter((e) => e.rotation === WEEKLY).every((e) => e.summary.includes(`(${WEEKLY})`))).toBe(true);
  });

  it('hold one rotation when asked, named for it, with the drills of the pipelines it answers for', async () => {
    const app = open();
    const business = await addBusinessHours(app);
    const file = await callOk(app, 'export:ics', { ...QUARTER, rotationIds: [business.id], include: ['shifts'] });
    expect(file.filename).toBe(`watchbill-experiments-business-hours-shifts-${QUARTER.from}-to-${QUARTER.to}.ics`);
    const { name, events } = readWithPython(file.content);
    expect(name).toBe(`${BUSINESS} (${QUARTER.from} to ${QUARTER.to})`);
    expect(new Set(events.map((e) => e.rotation))).toEqual(new Set([BUSINESS]));
    // Alone in its file, an event needs no rotation in its title.
    expect(events[0]!.summary).toMatch(/^(Primary|Secondary \(backup\)) on call: Engineer [CD]$/);
  });

  it("give one person's duties in every rotation, and nobody else's", async () => {
    const app = open();
    await addBusinessHours(app);
    const c = engineerId(app, 'Engineer C');
    const file = await callOk(app, 'export:ics', { ...QUARTER, engineerId: c, include: ['shifts'] });
    const { name, events } = readWithPython(file.content);
    expect(name).toBe('On call: Engineer C');
    expect(new Set(events.map((e) => e.engineer))).toEqual(new Set(['Engineer C']));
    expect(new Set(events.map((e) => e.rotation))).toEqual(new Set([WEEKLY, BUSINESS]));
  });

  it('refuse an unknown rotation, naming the real ones', async () => {
    const app = open();
    await addBusinessHours(app);
    const result = await app.dispatch('export:ics', { ...QUARTER, rotationIds: [999] });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toBe(
      `There is no rotation #999 (the rotations are: ${WEEKLY}, ${BUSINESS}).`,
    );
  });

  it('leave out a rotation archived before the range, and keep its shifts before the day it was archived', async () => {
    const app = open();
    const business = await addBusinessHours(app);
    // Archived now (21 November 2026): its October shifts happened, its December ones will not.
    await callOk(app, 'rotations:archive', { rotationId: business.id, archived: true });
    const rotationsIn = async (range: { from: string; to: string }) =>
      new Set(
        readWithPython((await callOk(app, 'export:ics', { ...range, include: ['shifts'] })).content).events.map(
          (e) => e.rotation,
        ),
      );
    expect(await rotationsIn({ from: '2026-10-01', to: '2026-10-31' })).toEqual(new Set([WEEKLY, BUSINESS]));
    expect(await rotationsIn({ from: '2026-12-01', to: '2026-12-31' })).toEqual(new Set([WEEKLY]));
  });
});

describe('event UIDs with several rotations', () => {
  const uids = async (app: WatchbillApp, args: { engineerId?: number } = {}) =>
    readWithPython((await callOk(app, 'export:ics', { ...QUARTER, ...args })).content).events.map((e) => e.uid);

  it('are shared by no two databases, though both teams have the same rotations and people', async () => {
    const [one, two] = [open(), open()];
    await addBusinessHours(one);
    await addBusinessHours(two);
    const first = await uids(one);
    const second = await uids(two);
    expect(first.length).toBeGreaterThan(100);
    expect(second).toHaveLength(first.length);
    expect(first.filter((uid) => second.includes(uid))).toEqual([]);
  });

  it('are distinct between rotations whose shifts start at the same moment', async () => {
    const app = open();
    const business = await addBusinessHours(app);
    const events = readWithPython(
      (await callOk(app, 'export:ics', { ...QUARTER, include: ['shifts'] })).content,
    ).events;
    // Thursday 8 October 09:00 New York: the weekly rotation hands over, the business day begins.
    const thursday = new Date(zonedMs('2026-10-08', '09:00', ZONE)).toISOString();
    const atMonday = events.filter((e) => new Date(e.start).toISOString() === thursday);
    expect(new Set(atMonday.map((e) => e.rotation))).toEqual(new Set([WEEKLY, BUSINESS]));
    expect(new Set(atMonday.map((e) => e.uid)).size).toBe(atMonday.length);
    expect(atMonday.find((e) => e.rotation === BUSINESS)!.uid).toContain(`shift-${business.id}-`);
  });

  it('stay the same after unrelated edits: a rotation renamed, another added, a risk and a reason changed', async () => {
    const app = open();
    const business = await addBusinessHours(app);
    const before = await uids(app);
    const c = engineerId(app, 'Engineer C');
    const personal = await uids(app, { engineerId: c });
    await callOk(app, 'rotations:save', { ...business, name: 'Experiments' });
    await callOk(app, 'rotations:create', {
      name: 'Weekends',
      timeZone: ZONE,
      startDate: '2026-10-03',
      shiftDays: 7,
      handoffTime: '09:00',
      memberIds: [engineerId(app, 'Engineer A'), engineerId(app, 'Engineer B')],
      coverage: { weekdays: [6, 0], hours: null },
      allowsDoubleDuty: true,
    });
    const weekly = app.repos.rotations.list().find((r) => r.name === WEEKLY)!;
    await callOk(app, 'override:set-reason', {
      overrideId: app.repos.rotations.overrides(weekly.id)[0]!.id,
      reason: 'Thanksgiving, agreed in the team meeting',
    });
    const after = await uids(app);
    expect(before.filter((uid) => !after.includes(uid))).toEqual([]);
    expect(after.length).toBeGreaterThan(before.length);
    // Engineer C is in neither change: their own calendar keeps every event.
    expect(await uids(app, { engineerId: c })).toEqual(personal);
  });
});

describe('spreadsheets and the plan of several rotations', () => {
  it('list the schedule a section per rotation, in the lead’s order, each in its own zone and hours', async () => {
    const app = open();
    await addBusinessHours(app);
    const csv = await callOk(app, 'export:csv', { table: 'schedule', ...QUARTER, bom: false });
    const [header, ...rows] = csv.content
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(header!.slice(0, 3)).toEqual(['rotation', 'from', 'to']);
    const order = rows.map((r) => r[0]);
    const firstBusiness = order.indexOf(BUSINESS);
    expect(firstBusiness).toBeGreaterThan(0);
    expect(order.slice(0, firstBusiness).every((name) => name === WEEKLY)).toBe(true);
    expect(order.slice(firstBusiness).every((name) => name === BUSINESS)).toBe(true);
    for (const row of rows.slice(firstBusiness)) {
      expect(row[1]!.slice(11)).toBe('09:00');
      expect(row[2]!.slice(11)).toBe('18:00');
    }
  });

  it('gives each rotation its fairness rows', async () => {
    const app = open();
    await addBusinessHours(app);
    const csv = await callOk(app, 'export:csv', { table: 'fairness', ...QUARTER, bom: false });
    const rows = csv.content
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(','));
    expect(rows.filter((r) => r[0] === WEEKLY).map((r) => r[1])).toEqual([
      'Engineer A',
      'Engineer B',
      'Engineer C',
      'Engineer D',
    ]);
    expect(rows.filter((r) => r[0] === BUSINESS).map((r) => r[1])).toEqual(['Engineer C', 'Engineer D']);
    // Then each person's total over both rotations, as the Fairness screen's "In total" adds it up.
    const header = csv.content.split('\r\n')[0]!.split(',');
    const days = (rotation: string, person: string) =>
      Number(rows.find((r) => r[0] === rotation && r[1] === person)?.[header.indexOf('primary_days')] ?? 0);
    expect(rows.filter((r) => r[0] === 'In total').map((r) => r[1])).toEqual([
      'Engineer A',
      'Engineer B',
      'Engineer C',
      'Engineer D',
    ]);
    expect(days(BUSINESS, 'Engineer C')).toBeGreaterThan(0);
    for (const person of ['Engineer A', 'Engineer C'])
      expect(days('In total', person)).toBeCloseTo(days(WEEKLY, person) + days(BUSINESS, person), 5);
  });

  it('prints the plan with a section per rotation under the on-call rotation heading', async () => {
    const app = open();
    await addBusinessHours(app);
    const plan = (await callOk(app, 'export:plan', { quarterOf: '2026-11-01', format: 'md' })).content;
    const section = plan.slice(plan.indexOf('## 4. On-call rotation'), plan.indexOf('## 5. Runbooks'));
    expect(section.indexOf(`### ${WEEKLY}`)).toBeGreaterThan(0);
    expect(section.indexOf(`### ${BUSINESS}`)).toBeGreaterThan(section.indexOf(`### ${WEEKLY}`));
    expect(section).toContain('- **Covers** Mon–Fri 09:00–18:00 (America/New_York).');
    expect(section.match(/#### Holiday cover and swaps/g)).toHaveLength(2);
    expect(section.match(/#### Fairness this quarter/g)).toHaveLength(2);
  });
});

describe('history from a schedule spreadsheet of several rotations', () => {
  it("refuses another rotation's rows, naming the line, and takes the named rotation's", async () => {
    const app = open();
    const business = await addBusinessHours(app);
    // September: the weekly rotation's shifts only (the business-hours one starts in October).
    const september = await callOk(app, 'export:csv', {
      table: 'schedule',
      from: '2026-09-01',
      to: '2026-09-30',
      bom: false,
    });
    const into = (rotationId: number) =>
      callOk(app, 'import:preview', {
        kind: 'history',
        filename: 'september.csv',
        content: september.content,
        rotationId,
      });
    const refused = await into(business.id);
    expect(refused.valid).toBe(false);
    expect(refused.problems[0]).toMatchObject({
      line: 2,
      field: 'rotation',
      message: `is ${WEEKLY}, not ${BUSINESS}: export the one rotation's schedule, or take this row out`,
    });
    // Rows of the rotation named are taken: here the business-hours one, renamed to what the file says.
    const weekly = app.repos.rotations.list().find((r) => r.name === WEEKLY)!;
    await callOk(app, 'rotations:save', { ...weekly, name: 'Weekly (old)' });
    await callOk(app, 'rotations:save', { ...business, name: WEEKLY });
    const taken = await into(business.id);
    expect(taken.problems).toEqual([]);
    expect(taken.summary).toMatch(/^Adds past on-call shifts of 4 engineers/);
  });
});

describe('publishing several rotations to a feed folder', () => {
  it("writes the team's file with every active rotation, one file per rotation, and each person's", async () => {
    const temp = tempDir();
    const app = open();
    await addBusinessHours(app);
    await callOk(app, 'publish:save-target', {
      name: 'Shared drive',
      kind: 'folder',
      folder: temp.dir,
      syncOnSave: false,
    });
    const result = await callOk(app, 'publish:sync', { ...QUARTER, dryRun: false });
    expect(result.outcomes[0]!.status).toBe('published');
    const files = readdirSync(temp.dir).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'team.ics',
        'rotation-data-engineering-on-call.ics',
        'rotation-experiments-business-hours.ics',
        'engineer-c.ics',
      ]),
    );
    const rotationsIn = (name: string) =>
      new Set(
        readWithPython(readFileSync(join(temp.dir, name), 'utf8'))
          .events.map((e) => e.rotation)
          .filter(Boolean),
      );
    expect(rotationsIn('team.ics')).toEqual(new Set([WEEKLY, BUSINESS]));
    expect(rotationsIn('rotation-experiments-business-hours.ics')).toEqual(new Set([BUSINESS]));
    expect(rotationsIn('engineer-c.ics')).toEqual(new Set([WEEKLY, BUSINESS]));
    temp.remove();
  });
});
