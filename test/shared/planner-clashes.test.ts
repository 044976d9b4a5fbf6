// The planner's clash fixing, its hand-off tie-break, carried-in balances and the promise that a
// planned quarter is never less even than the plain rotation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ownership, Pipeline, Rotation } from '../../src/shared/model';
import { computeFairness } from '../../src/shared/domain/fairness';
import { investorOwnerClashes } from '../../src/shared/domain/ownership';
import {
  buildPlanningProblem,
  planSchedule,
  scoreAssignment,
  solvePlanningProblem,
  type PlanInput,
} from '../../src/shared/domain/planner';
import { better } from '../../src/shared/domain/planner/search';
import { coverRange, scheduleWarnings, shiftBounds } from '../../src/shared/domain/rotation';
import { addDays } from '../../src/shared/domain/time';
import { A, B, C, D, apply, engineers, pto, seedRotation, usHolidays } from './fixtures';

const holidays = usHolidays('2026-01-01', '2027-12-31');
const q4: PlanInput = {
  rotation: seedRotation,
  overrides: [],
  engineers,
  unavailability: [],
  holidays,
  from: '2026-10-01',
  to: '2026-12-31',
};
const onCallWhileAway = (input: PlanInput, change: PlanResultChange, from: string, to: string) =>
  scheduleWarnings({ ...input, overrides: apply(input.overrides, change).overrides, from, to }).filter(
    (w) => w.kind === 'oncall_unavailable',
  );
type PlanResultChange = ReturnType<typeof planSchedule>['change'];

describe('fixing clashes', () => {
  it('changes only the unlocked role of a week whose secondary the lead set', () => {
    // Shift 40 (8–15 Oct 2026): A is primary, and the lead made C the secondary by hand.
    const week = shiftBounds(seedRotation, 40);
    const { overrides } = apply(
      [],
      coverRange(seedRotation, week.startsAt, week.endsAt, 'secondary', C, 'manual', 'C backs up this week'),
    );
    const input = { ...q4, overrides, unavailability: [pto(1, A, '2026-10-10', '2026-10-12')] };
    expect(onCallWhileAway(input, { add: [], remove: [] }, week.startsAt, week.endsAt)).toHaveLength(1);

    const plan = planSchedule(input);
    const inWeek = plan.change.add.filter((d) => d.startsAt < week.endsAt && d.endsAt > week.startsAt);
    expect(inWeek.map((d) => d.role)).toEqual(['primary']);
    expect([A, C]).not.toContain(inWeek[0]!.engineerId);
    expect(inWeek[0]).toMatchObject({
      kind: 'time_away_cover',
      reason: "planned 2026-Q4: covers Engineer A's time away",
    });
    expect(onCallWhileAway(input, plan.change, week.startsAt, week.endsAt)).toEqual([]);
    expect(plan.fixed.map((w) => w.engineerIds)).toEqual([[A]]);
    expect(plan.unfixed).toEqual([]);
  });

  it('lists what it cannot fix, with the reason', () => {
    // Three engineers; B and C are both away for the first week: A alone is free, and a week needs two.
    const rotation: Rotation = { ...seedRotation, memberIds: [A, B, C] };
    const input = {
      ...q4,
      rotation,
      engineers: engineers.filter((e) => e.id !== D),
      unavailability: [pto(1, B, '2026-10-01', '2026-10-09'), pto(2, C, '2026-10-01', '2026-10-09')],
    };
    const plan = planSchedule(input);
    expect(plan.unfixed.length).toBeGreaterThan(0);
    for (const { warning, reason } of plan.unfixed) {
      expect(warning.kind).toBe('oncall_unavailable');
      expect(reason).toMatch(/nobody else is free then|starts before 2026-10-01/);
    }
  });

  it('keeps the two owners of an investor pipeline from being on call together', () => {
    const pipelines: Pipeline[] = [
      {
        id: 1,
        name: 'Aggregate Profit',
        areaId: null,
        audience: 'investors',
        purpose: '',
        inputSources: '',
        transformation: '',
        outputs: '',
        retiredAt: null,
        rotationId: 1,
      },
    ];
    // The rotation pairs A (primary) with B (secondary) every fourth week.
    const ownerships: Ownership[] = [
      { pipelineId: 1, primaryEngineerId: A, secondaryEngineerId: B, reason: '', updatedAt: '2026-01-01T00:00:00Z' },
    ];
    const input = { ...q4, pipelines, ownerships };
    const range = { from: shiftBounds(seedRotation, 39).startsAt, to: shiftBounds(seedRotation, 52).startsAt };
    const check = (overrides: PlanInput['overrides']) =>
      investorOwnerClashes({ ...input, overrides, ...range, pipelines, ownerships });
    expect(check([])).toHaveLength(1);
    const plan = planSchedule(input);
    expect(check(apply([], plan.change).overrides)).toEqual([]);
    expect(plan.fixed.map((w) => w.kind)).toContain('investor_owners_away');
    expect(plan.change.add.some((d) => d.reason === 'planned 2026-Q4: keeps an owner of Aggregate Profit free')).toBe(
      true,
    );
  });
});

describe('hand-offs', () => {
  it('keeps each holiday with the week’s primary unless moving it there makes the plan less even', () => {
    for (const input of [q4, { ...q4, from: '2027-01-01', to: '2027-03-31' }]) {
      const problem = buildPlanningProblem(input)!;
      const assign = solvePlanningProblem(problem);
      const score = scoreAssignment(problem, assign);
      const primaryOf = new Map(
        problem.units.flatMap((u, i) => (u.kind === 'primary' ? [[u.shiftIndexes[0]!, assign[i]!] as const] : [])),
      );
      problem.units.forEach((unit, h) => {
        const primary = primaryOf.get(unit.shiftIndexes[0]!);
        if (unit.kind !== 'holiday' || primary === undefined || assign[h] === primary) return;
        const kept = scoreAssignment(
          problem,
          assign.map((e, i) => (i === h ? primary : e)),
        );
        // Keeping it with the primary has fewer hand-offs, so it must lose on clashes or evenness.
        expect(kept.violations > score.violations || kept.spread > score.spread + 1e-9).toBe(true);
      });
    }
  });

  it('prefers the plan with fewer hand-offs among plans equally even', () => {
    const even = { violations: 0, spread: 1.5, sumOfSquares: 9, handoffs: 2 };
    expect(better({ ...even, handoffs: 0, sumOfSquares: 12 }, even)).toBe(true);
    expect(better({ ...even, handoffs: 0, spread: 1.6 }, even)).toBe(false);
  });
});

describe('carried-in balances', () => {
  it('gives an engineer who carries a surplus in less of the period, evening carried + period', () => {
    const q1 = { ...q4, from: '2027-01-01', to: '2027-03-31' };
    const carriedIn: Record<number, number> = { [A]: 6 };
    const withCarry = planSchedule({ ...q1, carriedIn });
    const without = planSchedule(q1);
    const differenceOf = (plan: typeof without, id: number) =>
      plan.after.engineers.find((r) => r.engineerId === id)!.difference;
    expect(differenceOf(withCarry, A)).toBeLessThan(differenceOf(without, A) - 1);
    const combined = (plan: typeof without, which: 'before' | 'after') => {
      const values = plan[which].engineers.map((r) => r.difference + (carriedIn[r.engineerId] ?? 0));
      return Math.max(...values) - Math.min(...values);
    };
    expect(combined(withCarry, 'after')).toBeLessThanOrEqual(combined(withCarry, 'before') + 1e-9);
  });
});

describe('a planned quarter against the plain rotation', () => {
  it('never leaves the quarter’s spread above the plain rotation’s with carry-over none', () => {
    const absences = fc.array(
      fc.record({
        engineer: fc.integer({ min: 1, max: 6 }),
        startDay: fc.nat(85),
        length: fc.integer({ min: 1, max: 10 }),
      }),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 6 }),
        fc.constantFrom(7, 14),
        fc.constantFrom('2026-07-01', '2026-10-01', '2027-01-01'),
        absences,
        (members, shiftDays, from, away) => {
          const rotation: Rotation = {
            ...seedRotation,
            shiftDays,
            memberIds: Array.from({ length: members }, (_, i) => i + 1),
          };
          const team = rotation.memberIds.map((id) => ({ ...engineers[0]!, id, name: `E${id}` }));
          const unavailability = away
            .filter((a) => a.engineer <= members)
            .map((a, i) => pto(i + 1, a.engineer, addDays(from, a.startDay), addDays(from, a.startDay + a.length - 1)));
          const to = addDays(addDays(from, 92).slice(0, 8) + '01', -1);
          const input: PlanInput = { ...q4, rotation, engineers: team, unavailability, from, to, searchRounds: 3 };
          const plan = planSchedule(input);
          const plain = computeFairness({ ...input, period: { startDate: from, endDate: to } }).team.spread;
          // Fixing a clash comes first: compare where the plain rotation has none to fix.
          if (plan.fixed.length > 0) return;
          expect(plan.after.team.spread).toBeLessThanOrEqual(plain + 1e-9);
        },
      ),
      { numRuns: 20 },
    );
  }, 60_000);
});
