import { describe, expect, it } from 'vitest';
import type { HolidayCalendar } from '../../src/shared/model';
import {
  DEFAULT_MAJOR_HOLIDAYS_US,
  DEFAULT_US_CALENDAR,
  defaultHolidayWeights,
  holidaysBetween,
} from '../../src/shared/domain/holidays';
import { DEFAULT_HOLIDAY_WEIGHT, MAJOR_HOLIDAY_WEIGHT } from '../../src/shared/domain/fairness';

const us: HolidayCalendar = { id: 1, ...DEFAULT_US_CALENDAR };

describe('holidaysBetween', () => {
  it('counts US public holidays plus the major ones the data types optional or observance', () => {
    const list = holidaysBetween(
      { calendar: us, weights: defaultHolidayWeights(1), custom: [] },
      '2026-11-01',
      '2027-01-01',
    );
    expect(list.map((h) => [h.date, h.name, h.weight])).toEqual([
      ['2026-11-11', 'Veterans Day', DEFAULT_HOLIDAY_WEIGHT],
      ['2026-11-26', 'Thanksgiving Day', MAJOR_HOLIDAY_WEIGHT],
      ['2026-12-24', 'Christmas Eve', MAJOR_HOLIDAY_WEIGHT],
      ['2026-12-25', 'Christmas Day', MAJOR_HOLIDAY_WEIGHT],
      ['2026-12-31', "New Year's Eve", MAJOR_HOLIDAY_WEIGHT],
      ['2027-01-01', "New Year's Day", MAJOR_HOLIDAY_WEIGHT],
    ]);
    expect(list.find((h) => h.name === 'Christmas Eve')!.type).toBe('optional');
    expect(DEFAULT_MAJOR_HOLIDAYS_US).toHaveLength(5);
  });

  it('leaves out observances nobody asked for, and major ones when their weight says not to include them', () => {
    const noEve = defaultHolidayWeights(1).map((w) => (w.name === 'Christmas Eve' ? { ...w, include: false } : w));
    const names = holidaysBetween({ calendar: us, weights: noEve, custom: [] }, '2026-02-01', '2026-12-31').map(
      (h) => h.name,
    );
    expect(names).not.toContain("Valentine's Day");
    expect(names).not.toContain('Christmas Eve');
    expect(names).toContain('Christmas Day');
  });

  it('keeps the package’s substitute days, flagged, weighted like their holiday', () => {
    const list = holidaysBetween(
      { calendar: us, weights: defaultHolidayWeights(1), custom: [] },
      '2027-12-20',
      '2027-12-31',
    );
    const substitute = list.find((h) => h.substitute && h.name.startsWith('Christmas Day'))!;
    expect(substitute.date).toBe('2027-12-24');
    expect(substitute.weight).toBe(MAJOR_HOLIDAY_WEIGHT);
    expect(
      list
        .filter((h) => h.date === '2027-12-31')
        .map((h) => h.name)
        .sort(),
    ).toEqual(["New Year's Day (substitute day)", "New Year's Eve"]);
  });

  it('merges custom days and reads a region', () => {
    const custom = [{ id: 1, calendarId: 1, date: '2026-08-14', name: 'Team day', weight: 1.5 }];
    const list = holidaysBetween({ calendar: us, weights: [], custom }, '2026-08-01', '2026-09-30');
    expect(list.map((h) => [h.date, h.name, h.source, h.weight])).toEqual([
      ['2026-08-14', 'Team day', 'custom', 1.5],
      ['2026-09-07', 'Labor Day', 'public', DEFAULT_HOLIDAY_WEIGHT],
    ]);
    const bavaria = holidaysBetween(
      { calendar: { ...us, country: 'DE', region: 'BY' }, weights: [], custom: [] },
      '2026-01-01',
      '2026-01-31',
    );
    expect(bavaria.map((h) => h.date)).toEqual(['2026-01-01', '2026-01-06']);
  });

  it('says so when the country is unknown', () => {
    expect(() =>
      holidaysBetween({ calendar: { ...us, country: 'XX' }, weights: [], custom: [] }, '2026-01-01', '2026-01-31'),
    ).toThrow(/XX/);
  });
});
