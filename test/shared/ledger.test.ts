import { describe, expect, it } from 'vitest';
import type { Holiday, Rotation } from '../../src/shared/model';
import {
  applyCarryPolicy,
  computeLedger,
  oneShiftWorth,
  pastDifferences,
  type LedgerInput,
} from '../../src/shared/domain/ledger';
import { figureTexts, formatSignedFigure, roundFigure } from '../../src/shared/domain/figures';
import { A, B, C, engineers, seedRotation } from './fixtures';

// Monday 5 January 2026, noon hand-offs in UTC: a hand-off splits a day between two people.
const pair: Rotation = {
  ...seedRotation,
  timeZone: 'UTC',
  startDate: '2026-01-05',
  handoffTime: '12:00',
  memberIds: [A, B],
};
const utcEngineers = engineers.map((e) => ({ ...e, timeZone: 'UTC' }));
const input = (fields: Partial<LedgerInput> = {}): LedgerInput => ({
  rotation: pair,
  overrides: [],
  engineers: utcEngineers,
  unavailability: [],
  holidays: [],
  period: { startDate: '2026-01-19', endDate: '2026-02-01' },
  carry: 'full',
  historyFrom: '2026-01-05',
  pastShifts: [],
  openingBalances: {},
  ...fields,
});

describe('carry-over policy', () => {
  it('none carries nothing, full everything, capped at most one shift either way', () => {
    expect(applyCarryPolicy(20, 'none', 8)).toBe(0);
    expect(applyCarryPolicy(20, 'full', 8)).toBe(20);
    expect(applyCarryPolicy(20, 'capped', 8)).toBe(8);
    expect(applyCarryPolicy(-20, 'capped', 8)).toBe(-8);
    expect(applyCarryPolicy(3, 'capped', 8)).toBe(3);
  });

  it('measures one shift as an ordinary week as primary: five weekdays and two weekend days', () => {
    expect(oneShiftWorth(pair)).toBeCloseTo(5 + 2 * 1.5);
    expect(oneShiftWorth({ ...pair, shiftDays: 14 })).toBeCloseTo(16);
  });

  it('carries the balance of the weeks before the period, plus opening balances, as the policy counts it', () => {
    // Before 19 January, A was primary for one week and a half (the rotation started at noon on 5 January).
    const full = computeLedger(input({ openingBalances: { [B]: 1 } }));
    const a = full.engineers.find((r) => r.engineerId === A)!;
    const b = full.engineers.find((r) => r.engineerId === B)!;
    expect(a.carriedIn).toBeGreaterThan(0);
    expect(a.carriedIn + b.carriedIn).toBeCloseTo(1, 9); // differences sum to zero; B's opening balance on top
    expect(a.balance).toBeCloseTo(a.carriedIn + a.difference, 9);
    const none = computeLedger(input({ carry: 'none' }));
    expect(none.engineers.every((r) => r.carriedIn === 0)).toBe(true);
    expect(none.engineers.map((r) => r.difference)).toEqual(full.engineers.map((r) => r.difference));
    expect(full.covers).toBe(
      'This period: 2026-01-19 to 2026-02-01; carried in: the whole balance from before 2026-01-19 (carry-over: full).',
    );
  });

  it('counts imported history among the engineers it names', () => {
    const differences = pastDifferences(
      input({
        pastShifts: [
          { engineerId: A, startsAt: '2025-12-01T12:00:00.000Z', endsAt: '2025-12-15T12:00:00.000Z', role: 'primary' },
          { engineerId: C, startsAt: '2025-12-15T12:00:00.000Z', endsAt: '2025-12-22T12:00:00.000Z', role: 'primary' },
        ],
      }),
      '2026-01-05',
    );
    // A held two of the three weeks; B is not in the record and owes nothing.
    expect(differences.get(A)!).toBeGreaterThan(0);
    expect(differences.get(C)!).toBeCloseTo(-differences.get(A)!, 9);
    expect(differences.has(B)).toBe(false);
  });
});

describe('figures', () => {
  it('counts holidays as whole days: a hand-off on a holiday is a holiday on call for both', () => {
    const holidays: Holiday[] = [
      { date: '2026-01-26', name: 'Team holiday', weight: 3, source: 'custom', type: 'custom', substitute: false },
    ];
    const report = computeLedger(input({ holidays, carry: 'none' }));
    // The shifts hand over at noon on Monday 26 January.
    expect(report.engineers.map((r) => r.holidayDays)).toEqual([1, 1]);
  });

  it('rounds one way, to one decimal, halves away from zero, with a real minus sign and no −0', () => {
    expect(roundFigure(2.349)).toBe(2.3);
    expect(roundFigure(-0.04)).toBe(0);
    expect(formatSignedFigure(-0.04)).toBe('0.0');
    expect(formatSignedFigure(1.25)).toBe('+1.3');
    expect(formatSignedFigure(-1.25)).toBe('−1.3');
    const report = computeLedger(input({ carry: 'none' }));
    expect(figureTexts(report.engineers[0]!)).toHaveLength(10);
  });
});
