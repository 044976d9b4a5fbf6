// Layers: when a rotation answers (business hours, weekends, follow-the-sun halves), and the
// check across rotations that one person is never on call in two at once.

import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALWAYS,
  clipToWindows,
  coverageWindows,
  coversAt,
  doubleDuties,
  type Coverage,
  type Duty,
} from '../../src/shared/domain/layers';
import { dayOfWeek, localDateOf, localTimeOf, toMs, zonedMs } from '../../src/shared/domain/time';

const NEW_YORK = 'America/New_York';
const BUSINESS_HOURS: Coverage = { weekdays: [1, 2, 3, 4, 5], hours: { from: '09:00', until: '18:00' } };
const NY_DAY: Coverage = { weekdays: null, hours: { from: '08:00', until: '20:00' } };
const NY_NIGHT: Coverage = { weekdays: null, hours: { from: '20:00', until: '08:00' } };
const WEEKENDS: Coverage = { weekdays: [0, 6], hours: null };
const HOUR = 3_600_000;

const at = (instant: string) => toMs(instant);

describe('a business-hours layer', () => {
  it('answers on Tuesday at 10:00 New York time and not at 22:00', () => {
    // Tue 26 Jan 2027: 10:00 EST is 15:00Z, 22:00 EST is 03:00Z the next day.
    expect(coversAt(BUSINESS_HOURS, NEW_YORK, at('2027-01-26T15:00:00Z'))).toBe(true);
    expect(coversAt(BUSINESS_HOURS, NEW_YORK, at('2027-01-27T03:00:00Z'))).toBe(false);
  });

  it('opens one 9-hour window per weekday and none at the weekend', () => {
    // Sat 23 Jan to Sat 30 Jan 2027 in New York.
    const windows = coverageWindows(
      BUSINESS_HOURS,
      NEW_YORK,
      zonedMs('2027-01-23', '00:00', NEW_YORK),
      zonedMs('2027-01-30', '00:00', NEW_YORK),
    );
    expect(windows.map(([start]) => localDateOf(start, NEW_YORK))).toEqual([
      '2027-01-25',
      '2027-01-26',
      '2027-01-27',
      '2027-01-28',
      '2027-01-29',
    ]);
    expect(windows.every(([start, end]) => end - start === 9 * HOUR)).toBe(true);
    expect(windows.every(([start]) => localTimeOf(start, NEW_YORK) === '09:00')).toBe(true);
  });
});

describe('a weekend layer', () => {
  it('answers from Saturday 00:00 to Monday 00:00 local time as one window', () => {
    const windows = coverageWindows(
      WEEKENDS,
      NEW_YORK,
      zonedMs('2027-01-25', '00:00', NEW_YORK),
      zonedMs('2027-02-08', '00:00', NEW_YORK),
    );
    expect(windows.map(([s, e]) => `${localDateOf(s, NEW_YORK)}–${localDateOf(e, NEW_YORK)}`)).toEqual([
      '2027-01-30–2027-02-01',
      '2027-02-06–2027-02-08',
    ]);
  });
});

describe('a follow-the-sun pair', () => {
  it('hands over at 08:00 and 20:00 New York time on both sides of the March clock change', () => {
    // Sunday 14 March 2027: clocks go from 02:00 EST to 03:00 EDT.
    const from = zonedMs('2027-03-12', '00:00', NEW_YORK);
    const to = zonedMs('2027-03-17', '00:00', NEW_YORK);
    const day = coverageWindows(NY_DAY, NEW_YORK, from, to);
    const night = coverageWindows(NY_NIGHT, NEW_YORK, from, to);
    expect(day.flatMap(([s, e]) => [localTimeOf(s, NEW_YORK), localTimeOf(e, NEW_YORK)])).toEqual(
      Array.from({ length: 5 }, () => ['08:00', '20:00']).flat(),
    );
    // The night of Saturday 13 March is an hour short: 20:00 EST to 08:00 EDT is 11 hours.
    const saturdayNight = night.find(([s]) => localDateOf(s, NEW_YORK) === '2027-03-13')!;
    expect((saturdayNight[1] - saturdayNight[0]) / HOUR).toBe(11);
    expect(localTimeOf(saturdayNight[1], NEW_YORK)).toBe('08:00');
  });

  it('covers every instant exactly once, whatever the date and the zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2030-12-31T00:00:00Z') }),
        fc.constantFrom(NEW_YORK, 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata'),
        (ms, zone) => {
          const answering = [NY_DAY, NY_NIGHT].filter((coverage) => coversAt(coverage, zone, ms));
          expect(answering).toHaveLength(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('coverage windows', () => {
  const coverageArb: fc.Arbitrary<Coverage> = fc.record({
    weekdays: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }), {
      nil: null,
    }),
    hours: fc.option(
      fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 23 }))
        .filter(([a, b]) => a !== b)
        .map(([a, b]) => ({ from: `${String(a).padStart(2, '0')}:00`, until: `${String(b).padStart(2, '0')}:30` })),
      { nil: null },
    ),
  });

  it('are sorted, disjoint, inside the range, and agree with the rule read at the wall clock', () => {
    fc.assert(
      fc.property(
        coverageArb,
        fc.constantFrom(NEW_YORK, 'Europe/Berlin', 'UTC'),
        fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2029-01-01T00:00:00Z') }),
        fc.integer({ min: 1, max: 20 * 24 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 5, maxLength: 20 }),
        (coverage, zone, from, hours, probes) => {
          const to = from + hours * HOUR;
          const windows = coverageWindows(coverage, zone, from, to);
          for (let i = 0; i < windows.length; i++) {
            const [start, end] = windows[i]!;
            expect(start).toBeGreaterThanOrEqual(from);
            expect(end).toBeLessThanOrEqual(to);
            expect(end).toBeGreaterThan(start);
            if (i > 0) expect(start).toBeGreaterThan(windows[i - 1]![1]);
          }
          // An instant is inside a window exactly when the rule, read on the wall clock, says so.
          for (const probe of probes) {
            const ms = from + Math.floor(((to - from) * probe) / 1_000_001);
            // Around a clock change a skipped wall time has no reading of its own: the window
            // follows zonedMs (02:30 on the spring-forward day is 03:30), the wall clock cannot.
            if (nearClockChange(zone, ms)) continue;
            const inside = windows.some(([s, e]) => s <= ms && ms < e);
            expect(inside).toBe(byWallClock(coverage, zone, ms));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a rotation without a layer answers all the time', () => {
    expect(coverageWindows(ALWAYS, NEW_YORK, 0, 10)).toEqual([[0, 10]]);
  });

  it('cuts schedule segments to the windows, keeping who is on call', () => {
    const segments = [{ start: 0, end: 100, primaryId: 1 }];
    expect(
      clipToWindows(segments, [
        [10, 20],
        [50, 150],
      ]),
    ).toEqual([
      { start: 10, end: 20, primaryId: 1 },
      { start: 50, end: 100, primaryId: 1 },
    ]);
  });
});

/** The rule read directly: is the wall-clock moment inside a window that opened today or yesterday? */
function byWallClock(coverage: Coverage, zone: string, ms: number): boolean {
  const date = localDateOf(ms, zone);
  const time = localTimeOf(ms, zone);
  const dayAllowed = (d: string) => coverage.weekdays === null || coverage.weekdays.includes(dayOfWeek(d));
  if (coverage.hours === null) return dayAllowed(date);
  const { from, until } = coverage.hours;
  if (from < until) return dayAllowed(date) && time >= from && time < until;
  const yesterday = previous(date);
  return (dayAllowed(date) && time >= from) || (dayAllowed(yesterday) && time < until);
}

const nearClockChange = (zone: string, ms: number) =>
  new TZDate(ms - 3 * HOUR, zone).getTimezoneOffset() !== new TZDate(ms + 3 * HOUR, zone).getTimezoneOffset();

const previous = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe('one person in two rotations', () => {
  it('is found where the duties overlap, and not within one rotation', () => {
    const duties: Duty[] = [
      { rotationId: 1, engineerId: 7, start: 0, end: 100 },
      { rotationId: 1, engineerId: 7, start: 50, end: 80 }, // primary and secondary of one rotation
      { rotationId: 2, engineerId: 7, start: 90, end: 200 },
      { rotationId: 2, engineerId: 8, start: 0, end: 100 },
      { rotationId: 3, engineerId: 8, start: 100, end: 150 }, // touching, not overlapping
    ];
    expect(doubleDuties(duties)).toEqual([{ engineerId: 7, rotationIds: [1, 2], start: 90, end: 100 }]);
  });

  it('agrees with checking every moment', () => {
    const dutyArb = fc.record({
      rotationId: fc.integer({ min: 1, max: 3 }),
      engineerId: fc.integer({ min: 1, max: 3 }),
      start: fc.integer({ min: 0, max: 40 }),
      length: fc.integer({ min: 1, max: 15 }),
    });
    fc.assert(
      fc.property(fc.array(dutyArb, { maxLength: 12 }), (raw) => {
        const duties = raw.map(({ length, ...d }) => ({ ...d, end: d.start + length }));
        const found = doubleDuties(duties);
        for (let t = 0; t < 60; t++) {
          for (const engineer of [1, 2, 3]) {
            const rotations = new Set(
              duties.filter((d) => d.engineerId === engineer && d.start <= t && t < d.end).map((d) => d.rotationId),
            );
            const reported = found.some((f) => f.engineerId === engineer && f.start <= t && t < f.end);
            expect(reported).toBe(rotations.size > 1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
