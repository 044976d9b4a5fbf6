import { describe, expect, test } from 'vitest';
import { coverageLabel, weekdaysLabel } from '../../src/shared/domain/coverage-words';

describe('a layer’s coverage in words', () => {
  test('every day, all day, when nothing is left out', () => {
    expect(coverageLabel({ weekdays: null, hours: null })).toBe('Every day, all day');
  });

  test('business hours: Monday to Friday as a run, with the hours', () => {
    expect(coverageLabel({ weekdays: [5, 1, 3, 2, 4], hours: { from: '09:00', until: '18:00' } })).toBe(
      'Mon–Fri 09:00–18:00',
    );
  });

  test('a weekend is Saturday and Sunday, named one by one; overnight hours say so', () => {
    expect(coverageLabel({ weekdays: [0, 6], hours: null })).toBe('Sat, Sun, all day');
    expect(coverageLabel({ weekdays: null, hours: { from: '20:00', until: '08:00' } })).toBe(
      'Every day 20:00–08:00 (overnight)',
    );
  });

  test('days apart stay apart; a run of three or more is joined', () => {
    expect(weekdaysLabel([1, 3, 5])).toBe('Mon, Wed, Fri');
    expect(weekdaysLabel([1, 2, 3, 5, 6])).toBe('Mon–Wed, Fri, Sat');
    expect(weekdaysLabel([0, 1, 2, 3, 4, 5, 6])).toBe('Every day');
  });
});
