import { describe, expect, it } from 'vitest';
import {
  addDays,
  addZonedDays,
  dayOfWeek,
  daysBetween,
  eachDate,
  localDateOf,
  localTimeOf,
  zonedInstant,
} from '../../src/shared/domain/time';

describe('zoned time', () => {
  it('turns a New York wall time into UTC with the offset in force that day', () => {
    expect(zonedInstant('2026-01-15', '09:00', 'America/New_York')).toBe('2026-01-15T14:00:00.000Z');
    expect(zonedInstant('2026-07-15', '09:00', 'America/New_York')).toBe('2026-07-15T13:00:00.000Z');
  });

  it('moves a time skipped by the spring-forward gap to just after it', () => {
    expect(zonedInstant('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(localTimeOf('2026-03-08T07:30:00.000Z', 'America/New_York')).toBe('03:30');
  });

  it('gives the local date of an instant, which differs from the UTC date late in the evening', () => {
    expect(localDateOf('2026-12-25T03:00:00.000Z', 'America/New_York')).toBe('2026-12-24');
    expect(localDateOf('2026-12-25T03:00:00.000Z', 'Europe/Berlin')).toBe('2026-12-25');
  });

  it('adds local days across DST: 23 hours in March, 25 in November, same wall time', () => {
    const march = addZonedDays('2026-03-07T14:00:00.000Z', 1, 'America/New_York');
    expect(march).toBe('2026-03-08T13:00:00.000Z');
    const november = addZonedDays('2026-10-31T13:00:00.000Z', 1, 'America/New_York');
    expect(november).toBe('2026-11-01T14:00:00.000Z');
  });

  it('does calendar arithmetic on plain dates, across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-01-01', '2026-11-26')).toBe(329);
    expect(eachDate('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(eachDate('2026-01-02', '2026-01-01')).toEqual([]);
    expect(dayOfWeek('2026-11-26')).toBe(4);
  });

  it('refuses malformed dates and times instead of guessing', () => {
    expect(() => zonedInstant('2026-1-5', '09:00', 'UTC')).toThrow(/YYYY-MM-DD/);
    expect(() => zonedInstant('2026-01-05', '9:00', 'UTC')).toThrow(/HH:MM/);
  });
});
