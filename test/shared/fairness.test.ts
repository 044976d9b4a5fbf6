import { describe, expect, it } from 'vitest';
import type { Holiday, Rotation } from '../../src/shared/model';
import {
  balanceScore,
  computeFairness,
  dayCost,
  DEFAULT_FAIRNESS_WEIGHTS,
  quarterOf,
  rolling12Months,
  sinceRotationStart,
  yearToDate,
  type FairnessInput,
} from '../../src/shared/domain/fairness';
import { ledgerWhatIf } from '../../src/shared/domain/ledger';
import { shiftMidpoint, splitShift, swapShifts } from '../../src/shared/domain/rotation';
import { A, B, C, apply, engineers, pto, seedRotation } from './fixtures';

// Monday 5 January 2026, midnight hand-offs in UTC: whole shifts are whole days.
const pair: Rotation = {
  ...seedRotation,
  timeZone: 'UTC',
  startDate: '2026-01-05',
  handoffTime: '00:00',
  memberIds: [A, B],
};
const utcEngineers = engineers.map((e) => ({ ...e, timeZone: 'UTC' }));
const input = (fields: Partial<FairnessInput> = {}): FairnessInput => ({
  rotation: pair,
  overrides: [],
  engineers: utcEngineers,
  unavailability: [],
  holidays: [],
  period: { startDate: '2026-01-05', endDate: '2026-01-18' },
  ...fields,
});
const row = (report: ReturnType<typeof computeFairness>, id: number) =>
  report.engineers.find((r) => r.engineerId === id)!;

describe('day cost', () => {
  it('weighs weekdays 1, weekend days 1.5, a holiday its own weight but never less than its day', () => {
    expect(dayCost('2026-01-07', null)).toBe(1);
    expect(dayCost('2026-01-10', null)).toBe(1.5);
    expect(dayCost('2026-12-25', 3)).toBe(3);
    expect(dayCost('2026-07-04', 1.2)).toBe(1.5); // a Saturday holiday is at least a weekend day
  });
});

describe('computeFairness', () => {
  it('counts primary, secondary and weekend days and the weighted burden of a two-person fortnight', () => {
    const report = computeFairness(input());
    const a = row(report, A);
    expect([a.primaryDays, a.secondaryDays, a.weekendDays]).toEqual([7, 7, 4]);
    // 5 weekdays + 2 weekend days at 1.5 = 8 as primary, a quarter of that as secondary.
    expect(a.burden).toBeCloseTo(8 + 2);
    expect(a.fairShare).toBeCloseTo(10);
    expect(report.team.spread).toBeCloseTo(0);
    expect(report.team.balanceScore).toBeCloseTo(1);
  });

  it('weighs holiday days and reports the holiday load apart', () => {
    const holidays: Holiday[] = [
      { date: '2026-01-07', name: 'Team holiday', weight: 3, source: 'custom', type: 'custom', substitute: false },
    ];
    const report = computeFairness(input({ holidays }));
    expect(row(report, A).holidayDays).toBe(1);
    expect(row(report, A).weightedHolidayLoad).toBeCloseTo(3);
    expect(row(report, B).weightedHolidayLoad).toBeCloseTo(0.75);
    expect(row(report, A).burden - row(report, B).burden).toBeCloseTo(2 - 0.5);
    expect(report.team.spread).toBeCloseTo(1.5);
  });

  it('counts half days exactly when a shift is split in the middle', () => {
    const { overrides } = apply([], splitShift(pair, [], 0, shiftMidpoint(pair, 0), A, B, 'half'));
    const report = computeFairness(input({ overrides, period: { startDate: '2026-01-05', endDate: '2026-01-11' } }));
    expect(row(report, A).primaryDays).toBeCloseTo(3.5);
    expect(row(report, B).primaryDays).toBeCloseTo(3.5);
    // The exchange rule: A's secondary duty goes to B for the first half and back after.
    expect(row(report, A).secondaryDays + row(report, B).secondaryDays).toBeCloseTo(7);
  });

  it('counts days exactly in a 23-hour DST day', () => {
    const ny: Rotation = { ...pair, timeZone: 'America/New_York', startDate: '2026-03-02' };
    const report = computeFairness({
      ...input(),
      rotation: ny,
      period: { startDate: '2026-03-02', endDate: '2026-03-15' },
    });
    expect(row(report, A).primaryDays + row(report, B).primaryDays).toBeCloseTo(14);
  });

  it('pro-rates the fair share by the days each was available and a member', () => {
    const report = computeFairness(input({ unavailability: [pto(1, B, '2026-01-05', '2026-01-11')] }));
    // Week 1 is borne by A alone as the only one available: all of its burden is A's fair share.
    expect(row(report, B).eligibleDays).toBe(7);
    expect(row(report, A).fairShare).toBeCloseTo(10 + 5);
    expect(row(report, B).fairShare).toBeCloseTo(5);
    const joinedLate = computeFairness(
      input({
        memberships: [
          { engineerId: A, startDate: '2026-01-05', endDate: null },
          { engineerId: B, startDate: '2026-01-12', endDate: null },
        ],
      }),
    );
    expect(row(joinedLate, B).eligibleDays).toBe(7);
    expect(row(joinedLate, B).fairShare).toBeCloseTo(5);
  });

  it('reports the balance score as Grafana defines it', () => {
    expect(balanceScore([10, 10, 10])).toBe(1);
    expect(balanceScore([10, 5])).toBe(0.5);
    expect(balanceScore([10, 5, 0])).toBeCloseTo((0.5 + 0 + 0) / 3);
  });
});

describe('what-if and swaps', () => {
  it('shows the effect of a swap before it is applied, and a swap keeps the team total', () => {
    const holidays: Holiday[] = [
      { date: '2026-01-07', name: 'Team holiday', weight: 3, source: 'custom', type: 'custom', substitute: false },
    ];
    const trio: Rotation = { ...pair, memberIds: [A, B, C] };
    const base = input({ rotation: trio, holidays, period: { startDate: '2026-01-05', endDate: '2026-01-25' } });
    const ledger = { ...base, carry: 'none' as const, historyFrom: '2026-01-05', pastShifts: [], openingBalances: {} };
    const whatIf = ledgerWhatIf(ledger, swapShifts(trio, [], 0, 2, 'trade')); // A/B holiday week ↔ C/A
    expect(whatIf.after.team.totalBurden).toBeCloseTo(whatIf.before.team.totalBurden);
    const a = whatIf.deltas.find((d) => d.engineerId === A)!;
    expect(a.burdenBefore).toBeCloseTo(10 + 2); // holiday week as primary, C's week as backup
    expect(a.burdenAfter).toBeCloseTo(8); // C's week as primary; the holiday went to C
    expect(whatIf.before.engineers).toEqual(
      computeFairness(base).engineers.map((r) => ({ ...r, carriedIn: 0, balance: r.difference })),
    );
  });
});

describe('periods', () => {
  it('gives the quarter, year to date, rolling twelve months and the cumulative period', () => {
    expect(quarterOf('2026-11-26')).toEqual({ startDate: '2026-10-01', endDate: '2026-12-31', label: '2026-Q4' });
    expect(quarterOf('2026-02-10')).toMatchObject({ startDate: '2026-01-01', endDate: '2026-03-31' });
    expect(yearToDate('2026-05-04')).toMatchObject({ startDate: '2026-01-01', endDate: '2026-05-04' });
    expect(rolling12Months('2026-05-04')).toMatchObject({ startDate: '2025-05-05', endDate: '2026-05-04' });
    expect(rolling12Months('2028-02-29')).toMatchObject({ startDate: '2027-03-01' });
    expect(sinceRotationStart(seedRotation, '2026-05-04')).toMatchObject({
      startDate: '2026-01-01',
      endDate: '2026-05-04',
    });
  });

  it('looks back at most ten years for the cumulative period, however old the rotation', () => {
    const ancient = { ...seedRotation, startDate: '0001-01-01', shiftDays: 1 };
    expect(sinceRotationStart(ancient, '2026-05-04')).toEqual({
      startDate: '2016-01-01',
      endDate: '2026-05-04',
      label: 'since 2016-01-01',
    });
    expect(sinceRotationStart({ ...seedRotation, startDate: '2017-03-06' }, '2026-05-04')).toMatchObject({
      startDate: '2017-03-06',
      label: 'since the rotation started',
    });
  });

  it('uses defaults shown in the UI', () => {
    expect(DEFAULT_FAIRNESS_WEIGHTS).toMatchObject({ weekday: 1, weekendDay: 1.5, secondaryFactor: 0.25 });
  });
});
