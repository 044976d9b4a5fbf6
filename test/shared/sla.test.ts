import { describe, expect, it } from 'vitest';
import type { HolidayCalendar, SlaRule } from '../../src/shared/model';
import { DEFAULT_US_CALENDAR, defaultHolidayWeights, holidaysBetween } from '../../src/shared/domain/holidays';
import {
  businessCalendar,
  describeSlaRule,
  isBusinessDay,
  nextBusinessDayDeadline,
  nextSlaDeadline,
  slaDeadlinesBetween,
} from '../../src/shared/domain/sla';

const NY = 'America/New_York';
const us: HolidayCalendar = { id: 1, ...DEFAULT_US_CALENDAR };
/** The team calendar as the example team has it: US public holidays plus the five major ones. */
const teamHolidays = holidaysBetween(
  { calendar: us, weights: defaultHolidayWeights(1), custom: [] },
  '2026-01-01',
  '2027-12-31',
);
const calendar = businessCalendar(teamHolidays);

const deadlines = (rule: SlaRule, from: string, to: string, events: { at: string; label: string }[] = []) =>
  slaDeadlinesBetween({ rule, timeZone: NY }, from, to, { calendar, events });

describe('business days from the team calendar', () => {
  it('counts the Friday after Thanksgiving as a working day: the US data types it an observance, not a holiday', () => {
    expect(teamHolidays.find((h) => h.date === '2026-11-27')).toBeUndefined();
    expect(isBusinessDay('2026-11-26', calendar)).toBe(false);
    expect(isBusinessDay('2026-11-27', calendar)).toBe(true);
    expect(isBusinessDay('2026-11-28', calendar)).toBe(false);
  });
});

describe('9 AM next business day (Aggregate Profit)', () => {
  it('on the Wednesday before Thanksgiving: due Friday 27 Nov at 09:00 EST', () => {
    expect(nextBusinessDayDeadline('2026-11-25', '09:00', NY, calendar)).toBe('2026-11-27T14:00:00.000Z');
  });

  it('moves to Monday when the team adds the Friday after Thanksgiving as a holiday', () => {
    const withFriday = businessCalendar([...teamHolidays, { date: '2026-11-27' }]);
    expect(nextBusinessDayDeadline('2026-11-25', '09:00', NY, withFriday)).toBe('2026-11-30T14:00:00.000Z');
  });

  it('over Christmas: data of Wed 23 Dec and of Christmas Eve are both due Monday 28 Dec', () => {
    expect(nextBusinessDayDeadline('2026-12-23', '09:00', NY, calendar)).toBe('2026-12-28T14:00:00.000Z');
    expect(nextBusinessDayDeadline('2026-12-24', '09:00', NY, calendar)).toBe('2026-12-28T14:00:00.000Z');
  });

  it("across New Year: data of Wed 30 Dec is due Monday 4 Jan 2027, with New Year's Eve and Day off", () => {
    expect(nextBusinessDayDeadline('2026-12-30', '09:00', NY, calendar)).toBe('2027-01-04T14:00:00.000Z');
    const list = deadlines(
      { kind: 'next_business_day', time: '09:00' },
      '2026-12-28T00:00:00Z',
      '2027-01-06T00:00:00Z',
    );
    expect(list.map((d) => [d.localDate, d.localTime, d.dataDates])).toEqual([
      ['2026-12-28', '09:00', ['2026-12-23', '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-27']],
      ['2026-12-29', '09:00', ['2026-12-28']],
      ['2026-12-30', '09:00', ['2026-12-29']],
      ['2027-01-04', '09:00', ['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']],
      ['2027-01-05', '09:00', ['2027-01-04']],
    ]);
  });

  it('lists the Thanksgiving week as the SLA screen shows it', () => {
    const list = deadlines(
      { kind: 'next_business_day', time: '09:00' },
      '2026-11-23T05:00:00Z',
      '2026-11-30T05:00:00Z',
    );
    expect(list.map((d) => [d.dueAt, d.dataDates])).toEqual([
      ['2026-11-23T14:00:00.000Z', ['2026-11-20', '2026-11-21', '2026-11-22']],
      ['2026-11-24T14:00:00.000Z', ['2026-11-23']],
      ['2026-11-25T14:00:00.000Z', ['2026-11-24']],
      ['2026-11-27T14:00:00.000Z', ['2026-11-25', '2026-11-26']],
    ]);
  });
});

describe('8 AM every Monday (Aggregate Engagement)', () => {
  const monday: SlaRule = { kind: 'weekly', weekday: 1, time: '08:00' };

  it('moves to Tuesday 8 AM when Monday is a team holiday (Martin Luther King Jr. Day 2027), and says so', () => {
    const list = deadlines(monday, '2027-01-10T00:00:00Z', '2027-01-27T00:00:00Z');
    expect(list.map((d) => [d.localDate, d.localTime, d.movedFrom])).toEqual([
      ['2027-01-11', '08:00', null],
      ['2027-01-19', '08:00', '2027-01-18'],
      ['2027-01-25', '08:00', null],
    ]);
    expect(list[1]!.dueAt).toBe('2027-01-19T13:00:00.000Z');
  });

  it('finds a moved deadline that lands in range although its Monday lies before it', () => {
    const list = deadlines(monday, '2027-01-19T00:00:00Z', '2027-01-20T00:00:00Z');
    expect(list.map((d) => d.movedFrom)).toEqual(['2027-01-18']);
  });

  it('keeps a weekend weekday the rule chose, even on a holiday', () => {
    const saturday: SlaRule = { kind: 'weekly', weekday: 6, time: '08:00' };
    const holidaySaturday = businessCalendar([{ date: '2026-07-04' }]);
    const [due] = slaDeadlinesBetween(
      { rule: saturday, timeZone: NY },
      '2026-07-01T00:00:00Z',
      '2026-07-08T00:00:00Z',
      {
        calendar: holidaySaturday,
      },
    );
    expect([due!.localDate, due!.movedFrom]).toEqual(['2026-07-04', null]);
  });
});

describe('daylight-saving changes in New York', () => {
  const daily: SlaRule = { kind: 'daily', time: '10:00' };

  it('keeps 10:00 local across the spring change (8 Mar 2026): 15:00 UTC, then 14:00 UTC', () => {
    const list = deadlines(daily, '2026-03-07T00:00:00Z', '2026-03-09T12:00:00Z');
    expect(list.map((d) => [d.dueAt, d.localTime])).toEqual([
      ['2026-03-07T15:00:00.000Z', '10:00'],
      ['2026-03-08T14:00:00.000Z', '10:00'],
    ]);
  });

  it('keeps 10:00 local across the autumn change (1 Nov 2026): 14:00 UTC, then 15:00 UTC', () => {
    const list = deadlines(daily, '2026-10-31T00:00:00Z', '2026-11-02T12:00:00Z');
    expect(list.map((d) => d.dueAt)).toEqual(['2026-10-31T14:00:00.000Z', '2026-11-01T15:00:00.000Z']);
  });

  it('puts a 02:30 deadline on the spring-forward day at 03:30 EDT, the first minute that exists', () => {
    const list = deadlines({ kind: 'daily', time: '02:30' }, '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z');
    expect(list.map((d) => [d.dueAt, d.localTime])).toEqual([['2026-03-08T07:30:00.000Z', '03:30']]);
  });

  it('counts within-N-hours in elapsed hours: 6 hours after midnight EDT on 1 Nov is 05:00 EST', () => {
    const rule: SlaRule = { kind: 'within_hours', hours: 6, event: 'experiment start' };
    const list = deadlines(rule, '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z', [
      { at: '2026-11-01T04:00:00Z', label: 'Pricing test' },
    ]);
    expect(list.map((d) => [d.dueAt, d.localDate, d.localTime, d.event?.label])).toEqual([
      ['2026-11-01T10:00:00.000Z', '2026-11-01', '05:00', 'Pricing test'],
    ]);
  });
});

describe('ranges and words', () => {
  it('includes a deadline at the start of the range and leaves out one at its end', () => {
    const daily: SlaRule = { kind: 'daily', time: '12:00' };
    expect(deadlines(daily, '2026-11-23T17:00:00Z', '2026-11-24T17:00:00Z').map((d) => d.dueAt)).toEqual([
      '2026-11-23T17:00:00.000Z',
    ]);
  });

  it('gives the next deadline from a moment, and none for an event SLA without events', () => {
    const next = nextSlaDeadline(
      { rule: { kind: 'next_business_day', time: '09:00' }, timeZone: NY },
      '2026-11-25T15:00:00Z',
      { calendar },
    );
    expect(next?.dueAt).toBe('2026-11-27T14:00:00.000Z');
    expect(
      nextSlaDeadline({ rule: { kind: 'within_hours', hours: 6, event: 'x' }, timeZone: NY }, '2026-11-25T15:00:00Z', {
        calendar,
      }),
    ).toBeNull();
  });

  it('says each rule as the seeds do', () => {
    expect(describeSlaRule({ kind: 'weekly', weekday: 1, time: '08:00' })).toBe('every Monday by 08:00');
    expect(describeSlaRule({ kind: 'next_business_day', time: '09:00' })).toBe('by 09:00 the next business day');
    expect(describeSlaRule({ kind: 'within_hours', hours: 6, event: 'experiment start' })).toBe(
      'within 6 hours of experiment start',
    );
  });
});
