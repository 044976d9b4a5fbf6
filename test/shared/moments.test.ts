import { describe, expect, it } from 'vitest';
import { parseMoment } from '../../src/shared/domain/moments';

const NY = 'America/New_York';

describe('a moment typed by a person', () => {
  it('without an offset is team time, in the rotation’s zone, with or without seconds', () => {
    expect(parseMoment('2027-11-25 10:00', NY)).toBe('2027-11-25T15:00:00.000Z');
    expect(parseMoment('2027-11-25T10:00', NY)).toBe('2027-11-25T15:00:00.000Z');
    expect(parseMoment('2027-11-25T10:00:00', NY)).toBe('2027-11-25T15:00:00.000Z');
    expect(parseMoment('2027-11-25T10:00:30.5', NY)).toBe('2027-11-25T15:00:30.500Z');
    // Summer time in New York is four hours behind UTC.
    expect(parseMoment('2027-07-01 10:00', NY)).toBe('2027-07-01T14:00:00.000Z');
    expect(parseMoment('2027-07-01 10:00', 'Europe/Berlin')).toBe('2027-07-01T08:00:00.000Z');
  });

  it('with an offset is that instant, wherever the team is', () => {
    expect(parseMoment('2027-11-25T15:00:00Z', NY)).toBe('2027-11-25T15:00:00.000Z');
    expect(parseMoment('2027-11-25T10:00-05:00', 'Asia/Tokyo')).toBe('2027-11-25T15:00:00.000Z');
    expect(parseMoment('2027-11-25T16:00+0100', NY)).toBe('2027-11-25T15:00:00.000Z');
  });

  it('refuses what is not a real date and time', () => {
    for (const bad of ['2027-02-30 10:00', '2027-11-25', '25/11/2027 10:00', '2027-11-25 24:00', 'tomorrow', ''])
      expect(parseMoment(bad, NY)).toBeNull();
  });

  it('with no team zone given, accepts only an instant with an offset (the host clock)', () => {
    expect(parseMoment('2026-12-03T02:00:00Z', null)).toBe('2026-12-03T02:00:00.000Z');
    expect(parseMoment('2026-12-03T02:00', null)).toBeNull();
  });
});
