import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../../src/main/app';
import { frozenAt, testApp } from '../../support/app';
import { callOk, rowCounts } from '../export/support';

let app: WatchbillApp;
beforeEach(() => (app = testApp()));
afterEach(() => app.close());

const ics = (...events: string[][]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Company//Holidays//EN',
    ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
const holidays = (content: string, mode: 'merge' | 'replace' = 'merge') => ({
  kind: 'holidays' as const,
  filename: 'company.ics',
  content,
  mode,
});
const custom = () => app.repos.holidays.teamCalendar()!.custom.map((c) => [c.date, c.name, c.weight]);

describe('importing holidays from a calendar file', () => {
  it('reads folded lines, DATE values with exclusive ends, TZID times as their own local date, and recurrences', async () => {
    const file = ics(
      [
        'UID:1',
        'DTSTART;VALUE=DATE:20261228',
        'DTEND;VALUE=DATE:20261231',
        'SUMMARY:Company shutdown betwe',
        ' en the holidays',
      ],
      // 23:30 in Tokyo on 1 Dec is still 1 Dec there, whatever the zone of the rotation.
      [
        'UID:2',
        'DTSTART;TZID=Asia/Tokyo:20261201T233000',
        'DTEND;TZID=Asia/Tokyo:20261201T235900',
        'SUMMARY:Founders\\, day',
      ],
      [
        'UID:3',
        'DTSTART;VALUE=DATE:20270704',
        'RRULE:FREQ=YEARLY;COUNT=2',
        'SUMMARY:Summer party',
        'X-WATCHBILL-WEIGHT:1.5',
      ],
      ['UID:4', 'DTSTART;VALUE=DATE:20261224', 'SUMMARY:Cancelled', 'STATUS:CANCELLED'],
    );
    const preview = await callOk(app, 'import:preview', holidays(`\uFEFF${file}`));
    expect(preview.summary).toBe('Adds 6 holidays.');
    await callOk(app, 'import:apply', holidays(file));
    expect(custom()).toEqual([
      ['2026-12-01', 'Founders, day', 2],
      ['2026-12-28', 'Company shutdown between the holidays', 2],
      ['2026-12-29', 'Company shutdown between the holidays', 2],
      ['2026-12-30', 'Company shutdown between the holidays', 2],
      ['2027-07-04', 'Summer party', 1.5],
      ['2028-07-04', 'Summer party', 1.5],
    ]);
    // The imported days count in the schedule's holidays.
    expect((await callOk(app, 'holidays:list', { from: '2026-12-01', to: '2026-12-01' })).map((h) => h.name)).toEqual([
      'Founders, day',
    ]);
  });

  it("expands a yearly holiday that began years ago from today, ten years ahead, by the app's clock", async () => {
    const file = ics(['UID:pi', 'DTSTART;VALUE=DATE:20150314', 'RRULE:FREQ=YEARLY', 'SUMMARY:Pi day']);
    // Today is 21 Nov 2026: this year's 14 March is past, so 2027 to 2036.
    const preview = await callOk(app, 'import:preview', holidays(file));
    expect(preview.changes.map((c) => c.label)).toEqual(
      Array.from({ length: 10 }, (_, i) => `${2027 + i}-03-14 Pi day`),
    );
    const later = testApp({ clock: frozenAt(new Date('2031-03-14T12:00:00.000Z')) });
    try {
      const fromThen = await callOk(later, 'import:preview', holidays(file));
      // The day itself still counts; ten years on, 2041-03-14, is the end and left out.
      expect(fromThen.changes.map((c) => c.label)).toEqual(
        Array.from({ length: 10 }, (_, i) => `${2031 + i}-03-14 Pi day`),
      );
    } finally {
      later.close();
    }
  });

  it("round-trips Watchbill's own export: holidays match, shifts and drills are not taken for holidays", async () => {
    await callOk(app, 'holidays:add-custom', { date: '2026-11-27', name: 'Day after Thanksgiving', weight: 2.5 });
    const exported = await callOk(app, 'export:ics', { from: '2026-11-01', to: '2026-12-31' });
    const other = testApp();
    try {
      const preview = await callOk(other, 'import:preview', holidays(exported.content));
      // The public holidays are already known; only the custom day is new, with its weight.
      expect(preview.changes.map((c) => [c.action, c.label, c.details])).toEqual([
        ['add', '2026-11-27 Day after Thanksgiving', ['weight 2.5']],
      ]);
    } finally {
      other.close();
    }
    expect((await callOk(app, 'import:preview', holidays(exported.content))).summary).toMatch(/^Nothing to change/);
  });

  it('with replace, removes custom holidays that are not in the file', async () => {
    await callOk(app, 'holidays:add-custom', { date: '2026-08-01', name: 'Old day', weight: 2 });
    await callOk(
      app,
      'import:apply',
      holidays(ics(['UID:1', 'DTSTART;VALUE=DATE:20260901', 'SUMMARY:New day']), 'replace'),
    );
    expect(custom()).toEqual([['2026-09-01', 'New day', 2]]);
  });

  it('refuses a bad event, naming the event, its line and the field, and changes nothing', async () => {
    const before = rowCounts(app);
    const file = ics(
      ['UID:1', 'DTSTART;VALUE=DATE:20260901', 'SUMMARY:Fine'],
      ['UID:2', 'SUMMARY:No start'],
      ['UID:3', 'DTSTART;VALUE=DATE:20260101', 'DTEND;VALUE=DATE:20260401', 'SUMMARY:Sabbatical'],
      ['UID:4', 'DTSTART;VALUE=DATE:20260102', 'SUMMARY:Heavy', 'X-WATCHBILL-WEIGHT:lots'],
    );
    const result = await app.dispatch('import:apply', holidays(file));
    const message = result.ok ? '' : result.error.message;
    expect(message).toContain('company.ics, line 9, event 2 "No start", DTSTART: is missing');
    expect(message).toContain(
      'company.ics, line 13, event 3 "Sabbatical", DTEND: spans 90 days; a holiday lasts at most 31 days',
    );
    expect(message).toContain(
      'company.ics, line 19, event 4 "Heavy", X-WATCHBILL-WEIGHT: must be a number, not "lots"',
    );
    expect(rowCounts(app)).toEqual(before);
  });

  it('names the line of a file that is not iCalendar at all, and mojibake in a title', async () => {
    const broken = await callOk(
      app,
      'import:preview',
      holidays('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nthis is not a property\r\nEND:VCALENDAR\r\n'),
    );
    expect(broken.problems[0]).toMatchObject({ line: 3, message: expect.stringMatching(/not a valid iCalendar file/) });
    const garbled = await callOk(
      app,
      'import:preview',
      holidays(ics(['UID:1', 'DTSTART;VALUE=DATE:20261208', 'SUMMARY:FÃªte'])),
    );
    expect(garbled.problems[0]).toMatchObject({ line: 7, message: expect.stringMatching(/"Ãª" looks like "ê"/) });
  });
});
