import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../../src/main/app';
import { buildIcs, roleStretches } from '../../../src/main/export/ics';
import { computeSegments } from '../../../src/shared/domain/rotation';
import { testApp } from '../../support/app';
import { callOk } from './support';

let app: WatchbillApp;
beforeEach(() => (app = testApp()));
afterEach(() => app.close());

// 2026-Q4 in the example team's zone (America/New_York).
const FROM = '2026-11-20';
const TO = '2026-12-31';
const RANGE = { from: '2026-11-20T05:00:00.000Z', to: '2027-01-01T05:00:00.000Z' };

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const start = v.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = v.getFirstPropertyValue('dtend') as ICAL.Time;
    return {
      uid: String(v.getFirstPropertyValue('uid')),
      summary: String(v.getFirstPropertyValue('summary')),
      role: v.getFirstPropertyValue('x-watchbill-role') as string | null,
      engineer: v.getFirstPropertyValue('x-watchbill-engineer') as string | null,
      allDay: start.isDate,
      start: start.isDate ? start.toString() : start.toJSDate().toISOString(),
      end: end.isDate ? end.toString() : end.toJSDate().toISOString(),
      stamp: (v.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString(),
    };
  });
}

describe('the calendar file', () => {
  it('parses back with ical.js into the computed schedule, event by event, in UTC', async () => {
    const file = await callOk(app, 'export:ics', { from: FROM, to: TO, include: ['shifts'] });
    expect(file.mimeType).toBe('text/calendar; charset=utf-8');
    const [rotation] = app.repos.rotations.list();
    const segments = computeSegments(
      rotation!,
      app.repos.rotations.overrides(rotation!.id),
      '2026-11-12T14:00:00.000Z',
      '2027-01-14T14:00:00.000Z',
    );
    const name = (id: number | null) => app.repos.engineers.get(id!)!.name;
    const expected = (['primary', 'secondary'] as const).flatMap((role) =>
      roleStretches(segments, role)
        .filter((s) => s.endsAt > RANGE.from && s.startsAt < RANGE.to)
        .map((s) => ({ role, engineer: name(s.engineerId), start: s.startsAt, end: s.endsAt })),
    );
    const parsed = events(file.content).map(({ role, engineer, start, end }) => ({ role, engineer, start, end }));
    expect(parsed).toEqual(expected);
    // The Thanksgiving split shows as two primary events that meet at the split.
    expect(parsed.filter((e) => e.role === 'primary' && e.start >= '2026-11-26' && e.start < '2026-12-01')).toEqual([
      { role: 'primary', engineer: 'Engineer A', start: '2026-11-26T14:00:00.000Z', end: '2026-11-30T02:00:00.000Z' },
      { role: 'primary', engineer: 'Engineer B', start: '2026-11-30T02:00:00.000Z', end: '2026-12-03T14:00:00.000Z' },
    ]);
    expect(file.content).toMatch(/^DTSTART:20261126T140000Z\r$/m);
    expect(file.content).toMatch(/^DTSTAMP:20261121T150000Z\r$/m);
  });

  it('ends with CRLF after END:VCALENDAR, like every other line', async () => {
    const file = await callOk(app, 'export:ics', { from: FROM, to: TO, include: ['shifts', 'holidays'] });
    expect(file.content.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(file.content.split('\r\n').at(-1)).toBe('');
  });

  it('gives every event the same UID in a later export of another range, so re-importing updates it', async () => {
    const first = events((await callOk(app, 'export:ics', { from: FROM, to: TO })).content);
    const wider = events((await callOk(app, 'export:ics', { from: '2026-10-01', to: '2027-03-31' })).content);
    const uids = new Set(first.map((e) => e.uid));
    expect(uids.size).toBe(first.length);
    for (const event of first)
      expect(wider.find((w) => w.uid === event.uid)).toMatchObject({ start: event.start, end: event.end });
    // Editing the schedule keeps the UIDs of the events it does not touch.
    await callOk(app, 'schedule:apply', { operation: { op: 'swap', shiftA: 49, shiftB: 50, reason: 'swap' } });
    const after = events((await callOk(app, 'export:ics', { from: FROM, to: TO })).content);
    const untouched = first.find((e) => e.summary.includes('Engineer C') && e.start.startsWith('2026-12-17'))!;
    expect(after.find((e) => e.uid === untouched.uid)).toBeDefined();
  });

  it("marks one engineer's own shifts as primary or secondary and leaves the others out", async () => {
    const engineerId = app.repos.engineers.findByName('Engineer A')!.id;
    const file = await callOk(app, 'export:ics', { from: FROM, to: TO, engineerId, include: ['shifts'] });
    const parsed = events(file.content);
    expect(parsed.length).toBeGreaterThan(3);
    expect(new Set(parsed.map((e) => e.engineer))).toEqual(new Set(['Engineer A']));
    expect(new Set(parsed.map((e) => e.role))).toEqual(new Set(['primary', 'secondary']));
    expect(parsed.find((e) => e.start === '2026-11-26T14:00:00.000Z')?.summary).toBe('Primary on call: Engineer A');
    expect(file.filename).toBe('watchbill-engineer-a-2026-11-20-to-2026-12-31.ics');
  });

  it('writes holidays as all-day DATE values with an exclusive end', async () => {
    const file = await callOk(app, 'export:ics', { from: FROM, to: TO, include: ['holidays'] });
    const christmas = events(file.content).find((e) => e.summary === 'Christmas Day')!;
    expect(christmas).toMatchObject({ allDay: true, start: '2026-12-25', end: '2026-12-26' });
    expect(file.content).toMatch(/^DTSTART;VALUE=DATE:20261225\r$/m);
    expect(file.content).toMatch(/^DTEND;VALUE=DATE:20261226\r$/m);
    expect(events(file.content).map((e) => e.summary)).toEqual([
      'Thanksgiving Day',
      'Christmas Eve',
      'Christmas Day',
      "New Year's Eve",
    ]);
  });

  it('includes planned and finished drills from the drills table, not cancelled ones', async () => {
    const pipelineId = app.repos.pipelines.list()[0]!.id;
    const rows = app.repos.backup.dump();
    rows.drills = [
      {
        id: 1,
        pipeline_id: pipelineId,
        scenario_title: 'Data freshness issues',
        scheduled_at: '2026-12-08T15:00:00.000Z',
        status: 'planned',
        findings: '',
      },
      {
        id: 2,
        pipeline_id: pipelineId,
        scenario_title: 'Job failures',
        scheduled_at: '2026-12-01T15:00:00.000Z',
        status: 'finished',
        started_at: '2026-12-01T15:05:00.000Z',
        finished_at: '2026-12-01T15:50:00.000Z',
        outcome: 'passed_with_findings',
        findings: 'Alert came late',
      },
      {
        id: 3,
        pipeline_id: pipelineId,
        scenario_title: 'Cancelled',
        scheduled_at: '2026-12-02T15:00:00.000Z',
        status: 'cancelled',
        findings: '',
      },
    ];
    app.repos.backup.replaceAll(rows);
    const parsed = events((await callOk(app, 'export:ics', { from: FROM, to: TO, include: ['drills'] })).content);
    expect(parsed.map((e) => [e.summary, e.start, e.end])).toEqual([
      [expect.stringMatching(/^Drill: .* — Job failures$/), '2026-12-01T15:05:00.000Z', '2026-12-01T15:50:00.000Z'],
      [
        expect.stringMatching(/^Drill: .* — Data freshness issues$/),
        '2026-12-08T15:00:00.000Z',
        '2026-12-08T16:00:00.000Z',
      ],
    ]);
  });

  it('folds lines at 75 octets without splitting a multi-byte character, and escapes , ; \\ and newlines', () => {
    const engineer = {
      id: 1,
      name: 'Zoë Ångström-Øvergård 🚀 名前',
      email: null,
      color: '#000000',
      active: true,
      timeZone: 'UTC',
    };
    const rotation = {
      id: 7,
      name: 'Ops; nights, weekends \\ all',
      timeZone: 'UTC',
      startDate: '2026-01-01',
      shiftDays: 7,
      handoffTime: '09:00',
      memberIds: [1],
      coverage: { weekdays: null, hours: null },
      allowsDoubleDuty: false,
      archivedAt: null,
      position: 0,
    };
    const segments = computeSegments(rotation, [], '2026-01-01T09:00:00.000Z', '2026-01-15T09:00:00.000Z');
    const text = buildIcs({
      calendarName: 'Team',
      databaseId: '0123456789abcdef',
      appVersion: '1.0.0',
      stamp: new Date('2026-01-01T00:00:00Z'),
      include: ['shifts', 'holidays'],
      rotations: [{ rotation, segments, overrides: [] }],
      range: { from: '2026-01-01T09:00:00.000Z', to: '2026-01-15T09:00:00.000Z' },
      engineers: [engineer],
      holidays: [
        {
          date: '2026-01-01',
          name: 'Día de Año Nuevo — 元日, "line\nbreak"',
          weight: 3,
          source: 'custom',
          type: 'custom',
          substitute: false,
        },
      ],
      drills: [],
      pipelineNames: new Map(),
    });
    const bytes = Buffer.from(text, 'utf8');
    expect(text.includes('\n') && !/[^\r]\n/.test(text)).toBe(true);
    for (const line of text.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/\uFFFD/);
    }
    // Decoding the raw bytes strictly proves no fold landed inside a character.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
    expect(text).toContain('Ops\\; nights\\, weekends \\\\ all');
    const parsed = new ICAL.Component(ICAL.parse(text));
    const holiday = parsed
      .getAllSubcomponents('vevent')
      .find((v) => (v.getFirstPropertyValue('dtstart') as ICAL.Time).isDate)!;
    expect(holiday.getFirstPropertyValue('summary')).toBe('Día de Año Nuevo — 元日, "line\nbreak"');
    const shift = parsed.getAllSubcomponents('vevent')[0]!;
    expect(shift.getFirstPropertyValue('summary')).toBe('Primary on call: Zoë Ångström-Øvergård 🚀 名前');
  });
});
