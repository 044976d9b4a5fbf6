import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FairnessReport, FairnessWeights } from '../../src/shared/domain/fairness';
import type { SwapSuggestion } from '../../src/shared/domain/planner';
import type { ScheduleView } from '../../src/shared/views';
import { api } from './support/api';
import { expectVisible, openWatchbill, screenshot, type Session } from './support/browser';
import { THANKSGIVING_SPLIT } from './support/instants';
import { engineerName } from './support/seed';

let session: Session;
const Q1_2027 = { kind: 'quarter', date: '2027-01-01' } as const;

beforeAll(async () => {
  session = await openWatchbill({ now: THANKSGIVING_SPLIT });
});

afterAll(async () => {
  await session?.close();
});

const fixed = (n: number) => {
  const r = Number(n.toFixed(1));
  return r < 0 ? `−${Math.abs(r).toFixed(1)}` : r.toFixed(1);
};
const signed = (n: number) => {
  const r = Number(n.toFixed(1));
  return r === 0 ? '0.0' : r > 0 ? `+${r.toFixed(1)}` : `−${Math.abs(r).toFixed(1)}`;
};

/** The table's cells for one engineer, as shown. */
async function rowOf(name: string): Promise<string[]> {
  const row = session.page.getByTestId('fairness-table').locator('tbody tr', { hasText: name });
  return (await row.locator('td').allInnerTexts()).map((t) => t.trim());
}

async function expectTableMatches(report: FairnessReport) {
  for (const r of report.engineers) {
    const name = engineerName(['A', 'B', 'C', 'D'][r.engineerId - 1]!);
    await expect
      .poll(() => rowOf(name))
      .toEqual([
        fixed(r.primaryDays),
        fixed(r.secondaryDays),
        fixed(r.weekendDays),
        fixed(r.holidayDays),
        fixed(r.weightedHolidayLoad),
        fixed(r.burden),
        fixed(r.fairShare),
        signed(r.difference),
      ]);
  }
}

describe('Fairness', () => {
  test('shows the quarter’s figures per engineer, the team’s spread, charts and weights', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Fairness', exact: true }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Fairness' }));
    await page.getByTestId('quarter-picker').selectOption('2027-01-01');
    await expect.poll(() => page.locator('.screen-header__subtitle').innerText()).toContain('2027-01-01 to 2027-03-31');
    const report = await api<FairnessReport>(page, 'fairness:get', { period: Q1_2027 });
    await expectTableMatches(report);
    const figures = await page.getByTestId('team-figures').innerText();
    expect(figures).toContain(fixed(report.team.spread));
    expect(figures).toMatch(/Grafana OnCall/);
    expect(await page.getByTestId('days-chart').locator('g[data-engineer-id]').count()).toBe(4);
    expect(await page.getByTestId('burden-chart').locator('g[data-engineer-id] rect.bar--burden').count()).toBe(4);
    await expectVisible(page.getByRole('heading', { name: 'Weights in use' }));
    expect(await page.getByLabel('Weekend day', { exact: true }).inputValue()).toBe('1.5');
    await screenshot(page, 'fairness', 'screenshot-fairness.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'fairness-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('a suggested swap applies with one click, narrows the spread and can be undone', async () => {
    const { page } = session;
    const suggestions = await api<SwapSuggestion[]>(page, 'swaps:suggest', { period: Q1_2027, limit: 5 });
    expect(suggestions.length).toBeGreaterThan(0);
    const best = suggestions[0]!;
    await page.getByTestId('suggestions').getByRole('button', { name: 'Apply swap' }).first().click();
    await expectVisible(page.getByText('Swap applied.'));
    const after = await api<FairnessReport>(page, 'fairness:get', { period: Q1_2027 });
    expect(after.team.spread).toBeCloseTo(best.spreadAfter, 6);
    expect(after.team.spread).toBeLessThan(best.spreadBefore);
    await expectTableMatches(after);
    await expect.poll(() => page.getByTestId('team-figures').innerText()).toContain(fixed(after.team.spread));
    const view = await api<ScheduleView>(page, 'schedule:get', {
      from: '2027-01-01T05:00:00.000Z',
      to: '2027-04-01T04:00:00.000Z',
    });
    expect(view.canUndo).toBe('Swap shifts');
    // Undo from the calendar's button brings the figures back.
    await page.getByRole('button', { name: 'Calendar', exact: true }).click();
    await page.getByTestId('undo').click();
    await expect
      .poll(async () => (await api<FairnessReport>(page, 'fairness:get', { period: Q1_2027 })).team.spread)
      .toBeCloseTo(best.spreadBefore, 6);
    await page.getByRole('button', { name: 'Fairness', exact: true }).click();
    await expect.poll(() => page.getByTestId('team-figures').innerText()).toContain(fixed(best.spreadBefore));
  });

  test('changing a weight is saved and recomputes the figures', async () => {
    const { page } = session;
    const weekend = page.getByLabel('Weekend day', { exact: true });
    await weekend.fill('3');
    await page.getByRole('button', { name: 'Save weights' }).click();
    await expectVisible(page.getByText('Weights saved.'));
    const weights = await api<FairnessWeights>(page, 'fairness:weights');
    expect(weights.weekendDay).toBe(3);
    const report = await api<FairnessReport>(page, 'fairness:get', { period: Q1_2027 });
    await expectTableMatches(report);
    await page.reload();
    await page.getByRole('button', { name: 'Fairness', exact: true }).click();
    await expect.poll(() => page.getByLabel('Weekend day', { exact: true }).inputValue()).toBe('3');
    expect(session.pageErrors).toEqual([]);
  });
});
