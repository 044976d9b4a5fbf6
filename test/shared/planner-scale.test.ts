// The planner on a whole year for a larger team: as even as the plain rotation or better, every
// clash fixed, the same plan for the same input, and a holiday kept with its week's primary
// when that costs nothing.
import { describe, expect, it } from 'vitest';
import type { Rotation, Unavailability } from '../../src/shared/model';
import { computeFairness } from '../../src/shared/domain/fairness';
import {
  buildPlanningProblem,
  planSchedule,
  scoreAssignment,
  solvePlanningProblem,
  type PlanInput,
} from '../../src/shared/domain/planner';
import { scheduleWarnings } from '../../src/shared/domain/rotation';
import { better, seededRandom } from '../../src/shared/domain/planner/search';
import { addDays } from '../../src/shared/domain/time';
import { apply, engineers as seedEngineers, pto, usHolidays } from './fixtures';

const holidays = usHolidays('2026-01-01', '2027-01-31');

/** 2026 for a team of `size`, each away for two random weeks (from `seed`), nobody planned by hand. */
function generatedYear(size: number, seed: number): PlanInput {
  const team = Array.from({ length: size }, (_, i) => ({ ...seedEngineers[0]!, id: i + 1, name: `E${i + 1}` }));
  const rotation: Rotation = {
    id: 1,
    name: 'Platform on call',
    timeZone: 'America/New_York',
    startDate: '2026-01-01',
    shiftDays: 7,
    handoffTime: '09:00',
    memberIds: team.map((e) => e.id),
    coverage: { weekdays: null, hours: null },
    allowsDoubleDuty: false,
    archivedAt: null,
    position: 0,
  };
  const random = seededRandom(seed);
  const unavailability: Unavailability[] = team.flatMap((e, i) =>
    [0, 1].map((k) => {
      const start = addDays('2026-01-05', k * 182 + Math.floor(random() * 170));
      return pto(i * 2 + k + 1, e.id, start, addDays(start, 6));
    }),
  );
  return { rotation, overrides: [], engineers: team, unavailability, holidays, from: '2026-01-01', to: '2026-12-31' };
}

describe('planning a year for a larger team', () => {
  it('is at least as even as the plain rotation (carry-over none) and leaves no clash', () => {
    const input = generatedYear(9, 7);
    const plain = computeFairness({ ...input, period: { startDate: input.from, endDate: input.to } }).team.spread;
    const range = { from: '2026-01-01T14:00:00Z', to: '2027-01-01T14:00:00Z' };
    // The generated time away falls in on-call weeks of the plain rotation: there is something to fix.
    expect(scheduleWarnings({ ...input, ...range }).some((w) => w.kind === 'oncall_unavailable')).toBe(true);

    const plan = planSchedule(input);
    expect(plan.before.team.spread).toBeCloseTo(plain, 9);
    expect(plan.after.team.spread).toBeLessThanOrEqual(plain);
    // Nine people over 52 weeks can be evened to well under one weekday apart.
    expect(plan.after.team.spread).toBeLessThan(1);
    expect(plan.unfixed).toEqual([]);
    const { overrides } = apply([], plan.change);
    expect(scheduleWarnings({ ...input, overrides, ...range })).toEqual([]);
  });

  it('gives the same plan for the same input', () => {
    const input = { ...generatedYear(6, 11), from: '2026-07-01', to: '2026-12-31' };
    const first = planSchedule(input);
    const second = planSchedule(structuredClone(input));
    expect(second.change).toEqual(first.change);
    expect(second.after.team.spread).toBe(first.after.team.spread);
  });

  it('leaves no single reassignment or exchange of two roles that would make the plan better', () => {
    const input = { ...generatedYear(5, 3), from: '2026-10-01', to: '2026-12-31' };
    const problem = buildPlanningProblem(input)!;
    const assign = solvePlanningProblem(problem);
    const score = scoreAssignment(problem, assign);
    const improves = (next: number[]) => better(scoreAssignment(problem, next), score);
    problem.units.forEach((unit, u) => {
      for (const e of [...unit.available, ...unit.fallback])
        expect(improves(assign.map((x, i) => (i === u ? e : x)))).toBe(false);
      for (let v = u + 1; v < assign.length; v += 1) {
        const exchanged = [...assign];
        [exchanged[u], exchanged[v]] = [assign[v]!, assign[u]!];
        const allowed = (w: number, e: number) =>
          problem.units[w]!.available.includes(e) || problem.units[w]!.fallback.includes(e);
        if (allowed(u, exchanged[u]!) && allowed(v, exchanged[v]!)) expect(improves(exchanged)).toBe(false);
      }
    });
  });
});
