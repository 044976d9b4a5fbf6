// The periods the calendar steps through, worked out before FullCalendar draws them: the deck
// keeps the previous and next one drawn, so they must be the ones Previous and Next show.
import { describe, expect, test } from 'vitest';
import { deckAround, periodOf, periodStart, stepPeriod } from '../../src/renderer/features/calendar/periods';

describe('calendar periods', () => {
  test('a week starts on Monday, a quarter on its first month, a month on the 1st', () => {
    expect(periodStart('week', '2026-12-03')).toBe('2026-11-30'); // a Thursday
    expect(periodStart('week', '2026-11-30')).toBe('2026-11-30'); // a Monday
    expect(periodStart('week', '2026-12-06')).toBe('2026-11-30'); // a Sunday
    expect(periodStart('quarter', '2026-12-03')).toBe('2026-10-01');
    expect(periodStart('quarter', '2027-02-15')).toBe('2027-01-01');
    expect(periodStart('month', '2026-12-31')).toBe('2026-12-01');
    expect(periodStart('list', '2026-12-31')).toBe('2026-12-01');
  });

  test('steps cross years both ways', () => {
    expect(stepPeriod('month', '2026-12-01', 1)).toBe('2027-01-01');
    expect(stepPeriod('month', '2027-01-01', -1)).toBe('2026-12-01');
    expect(stepPeriod('quarter', '2026-10-01', 1)).toBe('2027-01-01');
    expect(stepPeriod('quarter', '2026-01-01', -1)).toBe('2025-10-01');
    expect(stepPeriod('week', '2026-12-28', 1)).toBe('2027-01-04');
  });

  test('the deck is the period in view between the one before and the one after', () => {
    expect(deckAround(periodOf('quarter', '2026-12-03')).map((p) => p.id)).toEqual([
      'quarter:2026-07-01',
      'quarter:2026-10-01',
      'quarter:2027-01-01',
    ]);
    // Another view's periods are other periods, even starting the same day.
    expect(periodOf('month', '2026-10-01').id).not.toBe(periodOf('quarter', '2026-10-01').id);
  });
});
