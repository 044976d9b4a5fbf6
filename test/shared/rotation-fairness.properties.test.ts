// Property tests of one person's load across rotations: the planner never puts anyone on call
// in two rotations at once, and a person's total is the sum of their rows by rotation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Coverage, Engineer, Id, Rotation } from '../../src/shared/model';
import { doubleDutyClashes } from '../../src/shared/domain/double-duty';
import { DEFAULT_FAIRNESS_WEIGHTS, overridesAfter, type FairnessWeights } from '../../src/shared/domain/fairness';
import { CARRY_POLICIES, type LedgerInput } from '../../src/shared/domain/ledger';
import { teamLedger } from '../../src/shared/domain/ledger-team';
import { planRotations } from '../../src/shared/domain/plan-rotations';
import { addDays } from '../../src/shared/domain/time';

const POOL: Engineer[] = Array.from({ length: 10 }, (_, i) => ({
  id: i + 1,
  name: `Engineer ${String.fromCharCode(65 + i)}`,
  email: null,
  color: '#000000',
  active: true,
  timeZone: i % 3 === 0 ? 'Europe/Berlin' : 'America/New_York',
}));

const COVERAGES: Coverage[] = [
  { weekdays: null, hours: null },
  { weekdays: [1, 2, 3, 4, 5], hours: { from: '09:00', until: '18:00' } },
  { weekdays: [0, 6], hours: null },
  { weekdays: null, hours: { from: '20:00', until: '08:00' } },
];
const coverageArb = fc.constantFrom(...COVERAGES);

const rotationArb = (id: Id, members: fc.Arbitrary<Id[]>): fc.Arbitrary<Rotation> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(`Rotation ${id}`),
    timeZone: fc.constantFrom('America/New_York', 'Europe/Berlin', 'UTC'),
    startDate: fc.constantFrom('2026-12-28', '2026-12-30', '2027-01-01'),
    shiftDays: fc.integer({ min: 1, max: 7 }),
    handoffTime: fc.constantFrom('08:00', '09:00', '17:30'),
    memberIds: members,
    coverage: coverageArb,
    allowsDoubleDuty: fc.constant(false),
    archivedAt: fc.constant(null),
    position: fc.constant(id),
  });

const ids = POOL.map((e) => e.id);
/** A small rotation and a larger one sharing people: the larger always has enough people free. */
const pairArb = fc
  .tuple(
    fc.shuffledSubarray(ids, { minLength: 2, maxLength: 3 }),
    fc.shuffledSubarray(ids, { minLength: 7, maxLength: 8 }),
  )
  .chain(([small, large]) => fc.tuple(rotationArb(1, fc.constant(small)), rotationArb(2, fc.constant(large))));

const weightsArb: fc.Arbitrary<FairnessWeights> = fc.record({
  weekday: fc.constantFrom(1, 1.5, 2),
  weekendDay: fc.constantFrom(1, 1.5, 3),
  secondaryFactor: fc.constantFrom(0, 0.25, 0.5),
  weekendDays: fc.constant([0, 6]),
});

const FROM = '2027-01-04';

function ledgerInput(rotation: Rotation, to: string, weights: FairnessWeights, carry: LedgerInput['carry']) {
  return {
    rotation,
    overrides: [],
    engineers: POOL,
    unavailability: [],
    holidays: [],
    period: { startDate: FROM, endDate: to },
    weights,
    carry,
    historyFrom: rotation.startDate,
    pastShifts: [],
    openingBalances: {},
  } satisfies LedgerInput;
}

describe('across rotations', () => {
  it('never plans anyone on call in two rotations at once', () => {
    fc.assert(
      fc.property(pairArb, fc.integer({ min: 14, max: 28 }), ([small, large], days) => {
        const to = addDays(FROM, days);
        const planned = [small, large].map((rotation) => ({
          rotationId: rotation.id,
          rotationName: rotation.name,
          plan: { rotation, overrides: [], engineers: POOL, unavailability: [], holidays: [], from: FROM, to },
          ledger: ledgerInput(rotation, to, DEFAULT_FAIRNESS_WEIGHTS, 'none'),
        }));
        const { plans } = planRotations({ planned, others: [] });
        const after = plans.map((p, i) => ({
          rotation: [small, large][i]!,
          overrides: overridesAfter([], p.proposal.change),
        }));
        // Where the rotation planned last has planned shifts, it kept clear of the other's new schedule.
        const shifts = plans[1]!.proposal.shifts;
        if (shifts.length === 0) return;
        const from = Date.parse(shifts[0]!.startsAt);
        const until = Date.parse(shifts[shifts.length - 1]!.endsAt);
        expect(doubleDutyClashes(after, from, until)).toEqual([]);
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it("gives each person's total as the sum of their rows by rotation", () => {
    fc.assert(
      fc.property(
        pairArb,
        fc.tuple(weightsArb, weightsArb),
        fc.constantFrom(...CARRY_POLICIES),
        fc.integer({ min: 7, max: 60 }),
        ([small, large], [w1, w2], carry, days) => {
          const to = addDays(FROM, days);
          const rotations = [
            { rotationId: 1, rotationName: small.name, input: ledgerInput(small, to, w1, carry) },
            { rotationId: 2, rotationName: large.name, input: ledgerInput(large, to, w2, carry) },
          ];
          const ledger = teamLedger(rotations);
          const rows = ledger.rotations.flatMap((r) => r.report.engineers);
          expect(new Set(ledger.totals.map((t) => t.engineerId))).toEqual(new Set(rows.map((r) => r.engineerId)));
          for (const total of ledger.totals) {
            const own = rows.filter((r) => r.engineerId === total.engineerId);
            for (const key of ['burden', 'fairShare', 'difference', 'carriedIn', 'balance', 'primaryDays'] as const)
              expect(total[key]).toBeCloseTo(
                own.reduce((sum, r) => sum + r[key], 0),
                9,
              );
          }
          // Each rotation is weighed with its own weights: its ledger is the one it has alone.
          const alone = teamLedger([rotations[1]!]).rotations[0]!.report;
          expect(ledger.rotations[1]!.report.engineers).toEqual(alone.engineers);
        },
      ),
      { numRuns: 30 },
    );
  });
});
