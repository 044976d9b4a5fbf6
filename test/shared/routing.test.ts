// Who answers for a rotation at an instant: exactly one primary wherever it covers that
// instant (from its first shift until it is archived), whatever the overrides say, and nobody
// where it does not — with the words Today and "who do I call now?" use for that nobody.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageWords, weekdayWords, zoneWords } from '../../src/shared/domain/coverage-words';
import { coversAt } from '../../src/shared/domain/layers';
import { computeSegments, nextHandoff, onCallAt, shiftStartMs } from '../../src/shared/domain/rotation';
import { whyNobodyFrom } from '../../src/shared/domain/routing';
import { addDays, toInstant, toMs } from '../../src/shared/domain/time';
import type { Coverage, Override, Rotation } from '../../src/shared/model';

const HOUR = 3_600_000;
const FROM = toMs('2026-01-01T00:00:00Z');
const SPAN = 120 * 24 * HOUR;

const time = (hour: number, minute: number) => `${String(hour).padStart(2, '0')}:${minute === 0 ? '00' : '30'}`;
const coverageArb: fc.Arbitrary<Coverage> = fc.record({
  weekdays: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }), { nil: null }),
  hours: fc.option(
    fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 30))
      .filter(([a, b]) => a !== b)
      .map(([a, b, m]) => ({ from: time(a, 0), until: time(b, m) })),
    { nil: null },
  ),
});

const rotationArb = fc
  .record({
    members: fc.integer({ min: 1, max: 5 }),
    shiftDays: fc.integer({ min: 1, max: 8 }),
    timeZone: fc.constantFrom('UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Sydney'),
    startDay: fc.integer({ min: 0, max: 60 }),
    handoff: fc.constantFrom('00:00', '08:00', '09:00', '20:00'),
    coverage: coverageArb,
    archivedAfterHours: fc.option(fc.integer({ min: 1, max: 120 * 24 }), { nil: null }),
  })
  .map((r): Rotation => ({
    id: 7,
    name: 'Layer',
    timeZone: r.timeZone,
    startDate: addDays('2026-01-01', r.startDay),
    shiftDays: r.shiftDays,
    handoffTime: r.handoff,
    memberIds: Array.from({ length: r.members }, (_, i) => i + 1),
    coverage: r.coverage,
    allowsDoubleDuty: false,
    archivedAt: r.archivedAfterHours === null ? null : toInstant(FROM + r.archivedAfterHours * HOUR),
    position: 0,
  }));

/** Overrides anywhere in the range, in or out of the layer's hours, primary or secondary. */
const overridesArb = fc.array(
  fc.record({
    start: fc.integer({ min: 0, max: SPAN }),
    hours: fc.integer({ min: 1, max: 72 }),
    role: fc.constantFrom('primary' as const, 'secondary' as const),
    engineerId: fc.integer({ min: 1, max: 6 }),
  }),
  { maxLength: 6 },
);

describe('a rotation at every instant', () => {
  it('has exactly one primary where it covers the instant and none where it does not', () => {
    fc.assert(
      fc.property(
        rotationArb,
        overridesArb,
        fc.array(fc.integer({ min: 0, max: SPAN - 1 }), { minLength: 10, maxLength: 25 }),
        (rotation, drafts, probes) => {
          const overrides: Override[] = drafts.map((d, i) => ({
            id: i + 1,
            rotationId: rotation.id,
            startsAt: toInstant(FROM + d.start),
            endsAt: toInstant(FROM + d.start + d.hours * HOUR),
            role: d.role,
            engineerId: d.engineerId,
            kind: 'cover',
            reason: '',
            twinId: null,
            createdAt: '2026-01-01T00:00:00.000Z',
          }));
          const segments = computeSegments(rotation, overrides, toInstant(FROM), toInstant(FROM + SPAN));
          const started = shiftStartMs(rotation, 0);
          const archived = rotation.archivedAt === null ? Infinity : toMs(rotation.archivedAt);
          for (const offset of probes) {
            const ms = FROM + offset;
            const answers = ms >= started && ms < archived && coversAt(rotation.coverage, rotation.timeZone, ms);
            const holding = segments.filter((s) => toMs(s.startsAt) <= ms && ms < toMs(s.endsAt));
            const now = onCallAt(rotation, overrides, toInstant(ms));
            if (answers) {
              // One segment, and in it one primary (the base member or an override's engineer).
              expect(holding).toHaveLength(1);
              expect(holding[0]!.primaryId).not.toBeNull();
              expect(now.primaryId).toBe(holding[0]!.primaryId);
            } else {
              expect(holding).toEqual([]);
              expect(now.primaryId).toBeNull();
              expect(now.secondaryId).toBeNull();
              // Off its hours, the words say when it does answer.
              if (ms >= started && ms < archived)
                expect(whyNobodyFrom(rotation, toInstant(ms), 'primary')).toBe(
                  `Nobody from Layer is on call now: it covers ${coverageWords(rotation.coverage, rotation.timeZone)}`,
                );
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('a layer’s next hand-off', () => {
  const businessHours: Rotation = {
    id: 3,
    name: 'Experiments, business hours',
    timeZone: 'America/New_York',
    startDate: '2026-11-23',
    shiftDays: 7,
    handoffTime: '09:00',
    memberIds: [5, 6],
    coverage: { weekdays: [1, 2, 3, 4, 5], hours: { from: '09:00', until: '18:00' } },
    allowsDoubleDuty: false,
    archivedAt: null,
    position: 1,
  };
  it('is to nobody where its hours end, and from nobody where they begin', () => {
    // Tue 24 Nov 2026, 10:00 and 22:00 EST.
    expect(nextHandoff(businessHours, [], '2026-11-24T15:00:00.000Z')).toEqual({
      at: '2026-11-24T23:00:00.000Z',
      fromId: 5,
      toId: null,
    });
    expect(nextHandoff(businessHours, [], '2026-11-25T03:00:00.000Z')).toEqual({
      at: '2026-11-25T14:00:00.000Z',
      fromId: null,
      toId: 5,
    });
    // Friday 18:00 hands over to nobody until Monday 09:00, when the next week's primary starts.
    expect(nextHandoff(businessHours, [], '2026-11-28T12:00:00.000Z')).toEqual({
      at: '2026-11-30T14:00:00.000Z',
      fromId: null,
      toId: 6,
    });
  });
});

describe('when a layer answers, in words', () => {
  it('names runs of days with a dash, pairs and single days with commas, Monday first', () => {
    expect(weekdayWords([1, 2, 3, 4, 5])).toBe('Mon–Fri');
    expect(weekdayWords([6, 0])).toBe('Sat, Sun');
    expect(weekdayWords([0, 1, 3, 5])).toBe('Mon, Wed, Fri, Sun');
    expect(weekdayWords([0, 1, 2, 3, 4, 5, 6])).toBe('every day');
  });

  it('says the hours in the rotation’s zone by its city', () => {
    const zone = 'America/New_York';
    expect(coverageWords({ weekdays: [1, 2, 3, 4, 5], hours: { from: '09:00', until: '18:00' } }, zone)).toBe(
      'Mon–Fri 09:00–18:00 New York time',
    );
    expect(coverageWords({ weekdays: null, hours: { from: '20:00', until: '08:00' } }, zone)).toBe(
      'every day 20:00–08:00 New York time',
    );
    expect(coverageWords({ weekdays: [0, 6], hours: null }, 'Europe/Berlin')).toBe('Sat, Sun all day Berlin time');
    expect(coverageWords({ weekdays: null, hours: null }, zone)).toBe('all day, every day');
    expect(zoneWords('UTC')).toBe('UTC');
  });
});
