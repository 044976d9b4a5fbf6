import { describe, expect, it } from 'vitest';
import { computeFairness } from '../../src/shared/domain/fairness';
import { diffSchedules, planSchedule, suggestSwaps, type PlanInput } from '../../src/shared/domain/planner';
import {
  computeSegments,
  coverRange,
  scheduleWarnings,
  shiftBounds,
  swapShifts,
} from '../../src/shared/domain/rotation';
import { zonedInstant } from '../../src/shared/domain/time';
import { A, B, C, D, apply, engineers, pto, seedRotation, usHolidays } from './fixtures';

const holidays = usHolidays('2026-01-01', '2027-03-31');
const NY = 'America/New_York';
const q4: PlanInput = {
  rotation: seedRotation,
  overrides: [],
  engineers,
  unavailability: [],
  holidays,
  from: '2026-10-01',
  to: '2026-12-31',
};

describe('planSchedule', () => {
  it('evens out the burden of the seeds team over Q4 2026 with its holidays, judged on Q4 itself', () => {
    const plan = planSchedule(q4);
    expect(plan.period).toEqual({ startDate: '2026-10-01', endDate: '2026-12-31', label: '2026-Q4' });
    const q4Figures = computeFairness({ ...q4, period: plan.period });
    expect(plan.before.team.spread).toBeCloseTo(q4Figures.team.spread, 9);
    expect(plan.after.team.spread).toBeLessThan(plan.before.team.spread);
    expect(plan.after.team.spread).toBeLessThanOrEqual(1);
    expect(plan.change.remove).toEqual([]);
    // It proposes only: the input is untouched, the result is ordinary overrides with their reasons.
    expect(q4.overrides).toEqual([]);
    for (const draft of plan.change.add) {
      expect(draft.rotationId).toBe(seedRotation.id);
      expect(draft.reason).toMatch(/^planned 2026-Q4: (evens (holiday )?load|evens the load)/);
    }
  });

  it('leaves a schedule without warnings: nobody twice, nobody back to back, nobody during PTO', () => {
    const unavailability = [
      pto(1, D, '2026-12-20', '2027-01-03'),
      pto(2, B, '2026-11-20', '2026-11-30', 'Thanksgiving trip'),
    ];
    const input = { ...q4, unavailability };
    const plan = planSchedule(input);
    const { overrides } = apply([], plan.change);
    const from = shiftBounds(seedRotation, plan.shifts[0]!.shiftIndex).startsAt;
    const to = plan.shifts[plan.shifts.length - 1]!.endsAt;
    expect(scheduleWarnings({ rotation: seedRotation, overrides, engineers, unavailability, from, to })).toEqual([]);
    const christmas = computeSegments(
      seedRotation,
      overrides,
      zonedInstant('2026-12-24', '00:00', NY),
      zonedInstant('2026-12-26', '00:00', NY),
    );
    expect(christmas.every((s) => s.primaryId !== D && s.secondaryId !== D)).toBe(true);
  });

  it('keeps shifts the lead already shaped by hand', () => {
    const { overrides } = apply(
      [],
      coverRange(
        seedRotation,
        zonedInstant('2026-10-02', '00:00', NY),
        zonedInstant('2026-10-03', '00:00', NY),
        'primary',
        C,
        'manual',
        'by hand',
      ),
    );
    const plan = planSchedule({ ...q4, overrides });
    // Shift 39 (1–8 Oct): its primary is the lead's; only its secondary is still planned.
    const shift39 = shiftBounds(seedRotation, 39);
    const touching = plan.change.add.filter((d) => d.startsAt < shift39.endsAt && d.endsAt > shift39.startsAt);
    expect(touching.every((d) => d.role === 'secondary')).toBe(true);
    expect(plan.shifts.find((s) => s.shiftIndex === 39)?.secondaryId).not.toBe(C);
    const planned = apply(overrides, plan.change).overrides;
    expect(
      computeSegments(
        seedRotation,
        planned,
        zonedInstant('2026-10-02', '12:00', NY),
        zonedInstant('2026-10-02', '13:00', NY),
      )[0]!.primaryId,
    ).toBe(C);
  });

  it('proposes nothing for a rotation of one', () => {
    const plan = planSchedule({ ...q4, rotation: { ...seedRotation, memberIds: [A] } });
    expect(plan.change.add).toEqual([]);
  });
});

describe('suggestSwaps', () => {
  it('finds the swaps that reduce the spread most, with their deltas, and they do what they say', () => {
    // A took C's week in February by hand: A is now well ahead of everyone.
    const taken = coverRange(
      seedRotation,
      shiftBounds(seedRotation, 6).startsAt,
      shiftBounds(seedRotation, 6).endsAt,
      'primary',
      A,
      'manual',
      '',
    );
    const { overrides } = apply([], taken);
    const input = {
      rotation: seedRotation,
      overrides,
      engineers,
      unavailability: [],
      holidays,
      period: { startDate: '2026-01-01', endDate: '2026-06-30' },
    };
    const suggestions = suggestSwaps(input, 3);
    expect(suggestions.length).toBe(3);
    const before = computeFairness(input).team.spread;
    for (const s of suggestions) expect(s.spreadAfter).toBeLessThan(before);
    expect(suggestions[0]!.spreadAfter).toBeLessThanOrEqual(suggestions[2]!.spreadAfter);
    const applied = apply(overrides, suggestions[0]!.change).overrides;
    expect(computeFairness({ ...input, overrides: applied }).team.spread).toBeCloseTo(suggestions[0]!.spreadAfter);
    expect(suggestions[0]!.deltas.some((d) => d.engineerId === A && d.differenceAfter < d.differenceBefore)).toBe(true);
  });

  it('never suggests putting someone on call during their PTO', () => {
    const unavailability = [pto(1, B, '2026-01-01', '2026-06-30')];
    const input = {
      rotation: seedRotation,
      overrides: [],
      engineers,
      unavailability,
      holidays,
      period: { startDate: '2026-01-01', endDate: '2026-03-31' },
    };
    for (const s of suggestSwaps(input, 10)) expect(s.change.add.every((d) => d.engineerId !== B)).toBe(true);
  });
});

describe('diffSchedules', () => {
  it('says who changed on which days since the schedule was published', () => {
    const range = [shiftBounds(seedRotation, 0).startsAt, shiftBounds(seedRotation, 8).startsAt] as const;
    const published = computeSegments(seedRotation, [], ...range);
    const { overrides } = apply([], swapShifts(seedRotation, [], 0, 2, 'trade'));
    const diff = diffSchedules(published, computeSegments(seedRotation, overrides, ...range), NY);
    expect(diff.map((d) => [d.role, d.beforeId, d.afterId, d.dates[0], d.dates[d.dates.length - 1]])).toEqual([
      ['primary', A, C, '2026-01-01', '2026-01-08'],
      ['primary', C, A, '2026-01-15', '2026-01-22'],
    ]);
    expect(diffSchedules(published, published, NY)).toEqual([]);
  });
});
