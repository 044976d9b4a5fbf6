import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../../src/main/app';
import { neutraliseCell, toCsv } from '../../../src/main/export/csv';
import { roundFigure } from '../../../src/shared/domain/figures';
import { testApp } from '../../support/app';
import { callOk } from './support';

let app: WatchbillApp;
beforeEach(() => (app = testApp()));
afterEach(() => app.close());

const read = (text: string) => parse(text, { bom: true }) as string[][];

describe('spreadsheets', () => {
  it('writes the schedule one row per segment, with the holiday cover and its reason, that parses back to the same table', async () => {
    const file = await callOk(app, 'export:csv', { table: 'schedule', from: '2026-12-20', to: '2026-12-31' });
    expect(file.content.startsWith('\uFEFFrotation,from,to,primary,secondary,kind,reason,time_zone\r\n')).toBe(true);
    const [header, ...rows] = read(file.content);
    expect(header).toEqual(['rotation', 'from', 'to', 'primary', 'secondary', 'kind', 'reason', 'time_zone']);
    const view = await callOk(app, 'schedule:get', {
      from: '2026-12-20T05:00:00.000Z',
      to: '2027-01-01T05:00:00.000Z',
    });
    expect(rows).toHaveLength(view.segments.length);
    expect(rows).toContainEqual([
      'Data engineering on-call',
      '2026-12-24 09:00',
      '2026-12-26 09:00',
      'Engineer D',
      'Engineer A',
      'holiday_cover',
      'Engineer D covers Christmas Eve and Christmas Day.',
      'America/New_York',
    ]);
  });

  it('writes the fairness table with numbers a spreadsheet can add up, and the ownership table with reasons', async () => {
    const fairness = await callOk(app, 'export:csv', {
      table: 'fairness',
      from: '2026-10-01',
      to: '2026-12-31',
      bom: false,
    });
    expect(fairness.content.charCodeAt(0)).not.toBe(0xfeff);
    const [header, ...rows] = read(fairness.content);
    expect(header!.slice(0, 2)).toEqual(['rotation', 'engineer']);
    const report = await callOk(app, 'fairness:get', {
      period: { kind: 'custom', from: '2026-10-01', to: '2026-12-31' },
    });
    expect(rows.map((r) => r[1])).toEqual(['Engineer A', 'Engineer B', 'Engineer C', 'Engineer D']);
    // Rounded the one way every fairness figure is (one decimal), the carried balance beside it.
    rows.forEach((r, i) => expect(Number(r[9])).toBe(roundFigure(report.engineers[i]!.difference)));
    rows.forEach((r, i) => expect(Number(r[10])).toBe(roundFigure(report.engineers[i]!.carriedIn)));
    expect(header!.slice(-3)).toEqual(['period_from', 'period_to', 'carry']);
    rows.forEach((r) => expect(r.slice(-3)).toEqual(['2026-10-01', '2026-12-31', 'capped']));
    // A negative difference stays a number, not text with an apostrophe.
    expect(rows.some((r) => r[9]!.startsWith('-'))).toBe(true);

    const ownership = read((await callOk(app, 'export:csv', { table: 'ownership' })).content);
    expect(ownership).toContainEqual([
      'Growth',
      'Aggregate Growth',
      'investors',
      'Engineer C',
      'Engineer D',
      "Engineer C has worked on growth tracking systems, complemented by D's analytical skills.",
    ]);
  });

  it('neutralises cells that a spreadsheet would run as a formula', async () => {
    for (const dangerous of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(neutraliseCell(dangerous)).toBe(`'${dangerous}`);
    }
    expect(neutraliseCell('Engineer A')).toBe('Engineer A');
    expect(neutraliseCell(-0.5)).toBe('-0.5');
    // End to end: a reason typed by someone reaches the file defused.
    const [rotation] = app.repos.rotations.list();
    const christmas = app.repos.rotations.overrides(rotation!.id).find((o) => o.kind === 'holiday_cover')!;
    await callOk(app, 'override:set-reason', { overrideId: christmas.id, reason: '=cmd|"/c calc"!A1' });
    const rows = read(
      (await callOk(app, 'export:csv', { table: 'schedule', from: '2026-12-24', to: '2026-12-25' })).content,
    );
    expect(rows.find((r) => r[5] === 'holiday_cover')?.[6]).toBe(`'=cmd|"/c calc"!A1`);
  });

  it('quotes commas, quotes and line breaks so they survive a round trip, names in UTF-8', () => {
    const rows = [['Zoë, "the" lead', 'line one\nline two', 3]];
    const text = toCsv(['name', 'note', 'n'], rows, { bom: true });
    expect(read(text)).toEqual([
      ['name', 'note', 'n'],
      ['Zoë, "the" lead', 'line one\nline two', '3'],
    ]);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
