// Property tests: invariants of the schedule, its edits and the planner, over random teams,
// shift lengths, time zones and edit sequences.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Override, Rotation } from '../../src/shared/model';
import { computeFairness } from '../../src/shared/domain/fairness';
import { planSchedule } from '../../src/shared/domain/planner';
import {
  computeSegments,
  coverRange,
  invertChange,
  removeOverride,
  shiftBounds,
  shiftMidpoint,
  splitShift,
  swapShifts,
  unavailableSpans,
  type Change,
} from '../../src/shared/domain/rotation';
import { addDays, toMs, zonedInstant } from '../../src/shared/domain/time';
import { apply, engineers as seedEngineers, pto } from './fixtures';

const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Sydney'];
const SHIFTS = 12;

const rotationArb = fc
  .record({
    members: fc.integer({ min: 2, max: 6 }),
    shiftDays: fc.integer({ min: 1, max: 10 }),
    timeZone: fc.constantFrom(...ZONES),
    startDay: fc.integer({ min: 0, max: 360 }),
    handoff: fc.constantFrom('00:00', '09:00', '17:30'),
  })
  .map(({ members, shiftDays, timeZone, startDay, handoff }): Rotation => ({
    id: 1,
    name: 'r',
    timeZone,
    startDate: addDays('2026-01-01', startDay),
    shiftDays,
    handoffTime: handoff,
    memberIds: Array.from({ length: members }, (_, i) => i + 1),
    coverage: { weekdays: null, hours: null },
    allowsDoubleDuty: false,
    archivedAt: null,
    position: 0,
  }));

type Edit =
  | { op: 'swap'; a: number; b: number }
  | { op: 'split'; shift: number; first: number; second: number }
  | {
      op: 'cover';
      shift: number;
      fromFraction: number;
      lengthFraction: number;
      role: 'primary' | 'secondary';
      engineer: number;
    }
  | { op: 'remove'; pick: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('swap' as const), a: fc.nat(SHIFTS - 1), b: fc.nat(SHIFTS - 1) }),
  fc.record({ op: fc.constant('split' as const), shift: fc.nat(SHIFTS - 1), first: fc.nat(5), second: fc.nat(5) }),
  fc.record({
    op: fc.constant('cover' as const),
    shift: fc.nat(SHIFTS - 1),
    fromFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    lengthFraction: fc.double({ min: 0.05, max: 2, noNaN: true }),
    role: fc.constantFrom('primary' as const, 'secondary' as const),
    engineer: fc.nat(5),
  }),
  fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }),
);

/** The change an edit makes on the current schedule, through the public operations only. */
function changeFor(rotation: Rotation, overrides: readonly Override[], edit: Edit): Change {
  const member = (k: number) => rotation.memberIds[k % rotation.memberIds.length]!;
  switch (edit.op) {
    case 'swap':
      return swapShifts(rotation, overrides, edit.a, edit.b, 'swap');
    case 'split':
      return splitShift(
        rotation,
        overrides,
        edit.shift,
        shiftMidpoint(rotation, edit.shift),
        member(edit.first),
        member(edit.second),
        'split',
      );
    case 'cover': {
      const { startsAt, endsAt } = shiftBounds(rotation, edit.shift);
      const length = toMs(endsAt) - toMs(startsAt);
      const from = toMs(startsAt) + Math.floor(edit.fromFraction * length);
      const to = from + Math.max(60_000, Math.floor(edit.lengthFraction * length));
      return coverRange(
        rotation,
        new Date(from).toISOString(),
        new Date(to).toISOString(),
        edit.role,
        member(edit.engineer),
        'manual',
        'cover',
        { overrides },
      );
    }
    case 'remove':
      return overrides.length === 0
        ? { add: [], remove: [] }
        : removeOverride(overrides[edit.pick % overrides.length]!, overrides);
  }
}

const window = (rotation: Rotation) =>
  [shiftBounds(rotation, 0).startsAt, shiftBounds(rotation, SHIFTS + 2).startsAt] as const;

function build(rotation: Rotation, edits: readonly Edit[]): Override[] {
  let overrides: Override[] = [];
  for (const edit of edits) overrides = apply(overrides, changeFor(rotation, overrides, edit)).overrides;
  return overrides;
}

describe('schedule invariants', () => {
  // Swaps, splits and covers keep the roles distinct by construction. Removing an OLDER override
  // that a later edit built on can expose a clash; that is what scheduleWarnings reports.
  const layeringEdit = editArb.filter((edit) => edit.op !== 'remove');

  it('has exactly one primary and one secondary at every instant, two different people', () => {
    fc.assert(
      fc.property(rotationArb, fc.array(layeringEdit, { maxLength: 8 }), (rotation, edits) => {
        const [from, to] = window(rotation);
        const segments = computeSegments(rotation, build(rotation, edits), from, to);
        expect(segments[0]!.startsAt).toBe(from);
        expect(segments[segments.length - 1]!.endsAt).toBe(to);
        segments.forEach((s, i) => {
          if (i > 0) expect(s.startsAt).toBe(segments[i - 1]!.endsAt); // no gap, no overlap
          expect(s.primaryId).not.toBeNull();
          expect(s.secondaryId).not.toBeNull();
          expect(s.primaryId).not.toBe(s.secondaryId);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('gives back the same schedule when an edit is undone, and the edited one when redone', () => {
    fc.assert(
      fc.property(rotationArb, fc.array(editArb, { maxLength: 6 }), editArb, (rotation, history, edit) => {
        const [from, to] = window(rotation);
        const overrides = build(rotation, history);
        const edited = apply(overrides, changeFor(rotation, overrides, edit));
        const undone = apply(edited.overrides, invertChange(edited.applied));
        expect(computeSegments(rotation, undone.overrides, from, to)).toEqual(
          computeSegments(rotation, overrides, from, to),
        );
        const redone = apply(undone.overrides, invertChange(undone.applied));
        expect(computeSegments(rotation, redone.overrides, from, to)).toEqual(
          computeSegments(rotation, edited.overrides, from, to),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the team’s total burden when two shifts are swapped', () => {
    fc.assert(
      fc.property(
        rotationArb,
        fc.array(editArb, { maxLength: 4 }),
        fc.nat(SHIFTS - 1),
        fc.nat(SHIFTS - 1),
        (rotation, history, a, b) => {
          const overrides = build(rotation, history);
          const period = {
            startDate: addDays(rotation.startDate, -1),
            endDate: addDays(rotation.startDate, (SHIFTS + 1) * rotation.shiftDays + 2),
          };
          const input = { rotation, overrides, engineers: [], unavailability: [], holidays: [], period };
          const swapped = apply(overrides, swapShifts(rotation, overrides, a, b, 'swap')).overrides;
          expect(computeFairness({ ...input, overrides: swapped }).team.totalBurden).toBeCloseTo(
            computeFairness(input).team.totalBurden,
            9,
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('planner invariants', () => {
  it('never schedules someone during their unavailability while two others are free for that shift', () => {
    const ptoArb = fc.array(
      fc.record({
        engineer: fc.integer({ min: 1, max: 5 }),
        startDay: fc.nat(95),
        length: fc.integer({ min: 1, max: 14 }),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 5 }), fc.constantFrom(3, 7), ptoArb, (members, shiftDays, absences) => {
        const rotation: Rotation = {
          id: 1,
          name: 'r',
          timeZone: 'America/New_York',
          startDate: '2026-01-01',
          shiftDays,
          handoffTime: '09:00',
          memberIds: Array.from({ length: members }, (_, i) => i + 1),
          coverage: { weekdays: null, hours: null },
          allowsDoubleDuty: false,
          archivedAt: null,
          position: 0,
        };
        const engineers = rotation.memberIds.map((id) => ({ ...seedEngineers[0]!, id, name: `E${id}` }));
        const unavailability = absences
          .filter((a) => a.engineer <= members)
          .map((a, i) =>
            pto(i + 1, a.engineer, addDays('2026-01-01', a.startDay), addDays('2026-01-01', a.startDay + a.length - 1)),
          );
        const plan = planSchedule({
          rotation,
          overrides: [],
          engineers,
          unavailability,
          holidays: [],
          from: '2026-01-01',
          to: '2026-03-31',
          // Clashes are fixed by the first descents; the further rounds only even the load.
          searchRounds: 2,
        });
        const overrides = apply([], plan.change).overrides;
        const spans = unavailableSpans(unavailability, engineers, rotation.timeZone);
        for (const shift of plan.shifts) {
          const start = toMs(shift.startsAt);
          const end = toMs(shift.endsAt);
          const free = rotation.memberIds.filter(
            (id) => !spans.some((s) => s.engineerId === id && s.start < end && start < s.end),
          );
          if (free.length < 2) continue;
          for (const segment of computeSegments(rotation, overrides, shift.startsAt, shift.endsAt)) {
            for (const holder of [segment.primaryId, segment.secondaryId]) {
              const clash = spans.some(
                (s) => s.engineerId === holder && s.start < toMs(segment.endsAt) && toMs(segment.startsAt) < s.end,
              );
              expect(clash, `engineer ${holder} on call during PTO at ${segment.startsAt}`).toBe(false);
            }
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});

it('builds New York instants the same way the fixtures do', () => {
  expect(zonedInstant('2026-01-01', '09:00', 'America/New_York')).toBe('2026-01-01T14:00:00.000Z');
});
