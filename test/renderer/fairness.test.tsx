// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { LedgerReport, LedgerRow } from '../../src/shared/domain/ledger';
import type { Engineer } from '../../src/shared/model';
import { BurdenChart, DaysChart, dayKinds } from '../../src/renderer/features/fairness/FairnessCharts';
import { FairnessTable } from '../../src/renderer/features/fairness/FairnessTable';

afterEach(cleanup);

const engineer = (id: number, name: string): Engineer => ({
  id,
  name,
  email: null,
  color: '#2563eb',
  active: true,
  timeZone: 'America/New_York',
});
const engineers = new Map([
  [1, engineer(1, 'Ada')],
  [2, engineer(2, 'Brook')],
]);

const row = (engineerId: number, over: Partial<LedgerRow>): LedgerRow => ({
  engineerId,
  primaryDays: 0,
  secondaryDays: 0,
  weekendDays: 0,
  holidayDays: 0,
  weightedHolidayLoad: 0,
  burden: 0,
  eligibleDays: 90,
  fairShare: 0,
  difference: 0,
  onCallHours: 0,
  carriedIn: 0,
  balance: 0,
  ...over,
});

// Ada: 14 primary + 7 backup days, 6 of them weekend days and 2 holidays; Brook: 7 + 14, 4 weekend, none.
const report: LedgerReport = {
  period: { startDate: '2027-01-01', endDate: '2027-03-31', label: '2027-Q1' },
  engineers: [
    row(1, {
      primaryDays: 14,
      secondaryDays: 7,
      weekendDays: 6,
      holidayDays: 2,
      weightedHolidayLoad: 6,
      burden: 20,
      fairShare: 16,
      difference: 4,
      carriedIn: -1,
      balance: 3,
    }),
    row(2, {
      primaryDays: 7,
      secondaryDays: 14,
      weekendDays: 4,
      burden: 12,
      fairShare: 16,
      difference: -4,
      carriedIn: 1,
      balance: -3,
    }),
  ],
  team: { totalBurden: 32, spread: 8, standardDeviation: 4, balanceScore: 1, balanceSpread: 6 },
  carry: 'capped',
  carryCap: 8,
  covers: 'This period: 2027-Q1 (2027-01-01 to 2027-03-31); carried in: the balance from before 2027-01-01.',
  meanings: { weightedBurden: 'Weighted burden: …', fairShare: 'Fair share: …', carriedIn: 'Carried in: …' },
};

describe('FairnessTable', () => {
  test('lists each engineer with their figures, most loaded first, differences signed', () => {
    render(<FairnessTable report={report} engineers={engineers} />);
    const rows = within(screen.getByTestId('fairness-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Ada', 'Brook']);
    const cells = (r: HTMLElement) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    // Holiday days are whole days; the balance is carried in plus this period's difference.
    expect(cells(rows[0]!)).toEqual(['14.0', '7.0', '6.0', '2', '6.0', '20.0', '16.0', '+4.0', '−1.0', '+3.0']);
    expect(cells(rows[1]!)).toEqual(['7.0', '14.0', '4.0', '0', '0.0', '12.0', '16.0', '−4.0', '+1.0', '−3.0']);
    expect(within(rows[0]!).getByText('+4.0').className).toContain('is-over');
    expect(within(rows[0]!).getByText('−1.0').className).toContain('is-under');
    expect(within(rows[1]!).getByText('−4.0').className).toContain('is-under');
  });
});

describe('DaysChart', () => {
  test('splits days into weekdays, weekend days and holidays, holidays counted once', () => {
    expect(dayKinds(report.engineers[0]!)).toEqual({ weekday: 13, weekend: 6, holiday: 2 });
    expect(dayKinds(report.engineers[1]!)).toEqual({ weekday: 17, weekend: 4, holiday: 0 });
  });

  test('draws one stacked bar per engineer, widths proportional to the days, with a text alternative', () => {
    render(<DaysChart report={report} engineers={engineers} />);
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-label')).toContain('Ada: 13.0 weekdays, 6.0 weekend days, 2.0 holidays');
    const bars = (id: number) =>
      [...chart.querySelectorAll(`g[data-engineer-id="${id}"] rect`)].map((r) => [
        r.getAttribute('data-kind'),
        Number(r.getAttribute('width')),
      ]);
    const ada = bars(1);
    const brook = bars(2);
    expect(ada.map(([kind]) => kind)).toEqual(['weekday', 'weekend', 'holiday']);
    // Both have 21 days in all: the bars are equally long, and a day is the same width everywhere.
    const total = (list: (string | number | null)[][]) => list.reduce((sum, [, w]) => sum + Number(w), 0);
    expect(total(ada)).toBeCloseTo(total(brook), 6);
    expect(Number(ada[0]![1]) / 13).toBeCloseTo(Number(brook[0]![1]) / 17, 6);
  });
});

describe('BurdenChart', () => {
  test('shows burden bars against a fair-share mark, over-loaded bars marked', () => {
    render(<BurdenChart report={report} engineers={engineers} />);
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-label')).toContain('Ada: burden 20.0, fair share 16.0');
    const bar = (id: number) => chart.querySelector(`g[data-engineer-id="${id}"] rect`)!;
    const mark = (id: number) => chart.querySelector(`g[data-engineer-id="${id}"] line`)!;
    expect(bar(1).getAttribute('class')).toContain('is-over');
    expect(bar(2).getAttribute('class')).not.toContain('is-over');
    expect(Number(bar(1).getAttribute('width')) / Number(bar(2).getAttribute('width'))).toBeCloseTo(20 / 12, 6);
    // The same fair share: the marks line up.
    expect(mark(1).getAttribute('x1')).toBe(mark(2).getAttribute('x1'));
    expect(chart.textContent).toContain('20.0 / 16.0');
  });
});
