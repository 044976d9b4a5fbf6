import type { Locator } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { FairnessWeights } from '../../src/shared/domain/fairness';
import type { LedgerReport as FairnessReport } from '../../src/shared/domain/ledger';
import type { SwapSuggestion } from '../../src/shared/domain/planner';
import type { ScheduleView } from '../../src/shared/views';
import { api } from './support/api';
import { eachTestOn, expectVisible, screenshot } from './support/browser';

const Q1_2027 = { kind: 'quarter', date: '2027-01-01' } as const;

// Tue 15 Dec 2026, 10:00 in New York: the screen opens on the quarter of that day (Q4 2026),
// and the quarter under test, Q1 2027, lies wholly ahead, so any of its shifts may be
// suggested for a swap (suggestions never reach into the past).
const app = eachTestOn({ now: '2026-12-15T15:00:00Z' });

interface Engineer {
  id: number;
  name: string;
}
const engineers = () => api<Engineer[]>(app.page, 'engineers:list');
const idsOf = (team: Engineer[]) => new Set(team.map((e) => e.id));
/** The engineers the elements stand for, by their data-engineer-id. */
const idsIn = async (elements: Locator) =>
  new Set(await elements.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-engineer-id')))));

/** Opens Fairness, which starts on the quarter of the app's today, and picks Q1 2027. */
async function openFairnessForQ1() {
  const { page } = app;
  await page.getByRole('button', { name: 'Fairness', exact: true }).click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Fairness' }));
  await expect.poll(() => page.locator('.screen-header__subtitle').innerText()).toContain('2026-10-01 to 2026-12-31');
  await page.getByTestId('quarter-picker').selectOption('2027-01-01');
  await expect.poll(() => page.locator('.screen-header__subtitle').innerText()).toContain('2027-01-01 to 2027-03-31');
}

// Tenths, halves away from zero, a real minus sign: as every fairness figure is shown.
const signed = (n: number) => {
  const r = Math.sign(n) * Math.round(Math.abs(n) * 10);
  return r === 0 ? '0.0' : r > 0 ? `+${(r / 10).toFixed(1)}` : `−${(-r / 10).toFixed(1)}`;
};
const fixed = (n: number) => signed(n).replace('+', '');

/** The table's cells for one engineer, as shown. */
async function rowOf(name: string): Promise<string[]> {
  const row = app.page.getByTestId('fairness-table').locator('tbody tr', { hasText: name });
  return (await row.locator('td').allInnerTexts()).map((t) => t.trim());
}

/** The table shows one row per engineer, with the main process's figures. */
async function expectTableMatches(report: FairnessReport) {
  const team = await engineers();
  expect(new Set(report.engineers.map((r) => r.engineerId))).toEqual(new Set(team.map((e) => e.id)));
  await expect.poll(() => idsIn(app.page.getByTestId('fairness-table').locator('tbody tr'))).toEqual(idsOf(team));
  for (const r of report.engineers) {
    const name = team.find((e) => e.id === r.engineerId)!.name;
    await expect
      .poll(() => rowOf(name))
      .toEqual([
        fixed(r.primaryDays),
        fixed(r.secondaryDays),
        fixed(r.weekendDays),
        String(r.holidayDays),
        fixed(r.weightedHolidayLoad),
        fixed(r.burden),
        fixed(r.fairShare),
        signed(r.difference),
        signed(r.carriedIn),
        signed(r.balance),
      ]);
  }
}

describe('Fairness', () => {
  test('shows the quarter’s figures per engineer, the team’s spread, charts and weights', async () => {
    const { page } = app;
    await openFairnessForQ1();
    const report = await api<FairnessReport>(page, 'fairness:get', { period: Q1_2027 });
    await expectTableMatches(report);
    const figures = await page.getByTestId('team-figures').innerText();
    expect(figures).toContain(fixed(report.team.spread));
    expect(figures).toMatch(/Grafana OnCall/);
    // Each chart has one group per engineer of the team.
    const team = idsOf(await engineers());
    expect(await idsIn(page.getByTestId('days-chart').locator('g[data-engineer-id]'))).toEqual(team);
    const burdenBars = page.getByTestId('burden-chart').locator('g[data-engineer-id]:has(rect.bar--burden)');
    expect(await idsIn(burdenBars)).toEqual(team);
    expect(await burdenBars.count()).toBe(team.size);
    await expectVisible(page.getByRole('heading', { name: 'Weights in use' }));
    expect(await page.getByLabel('Weekend day', { exact: true }).inputValue()).toBe('1.5');
    await screenshot(page, 'fairness', 'screenshot-fairness.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'fairness-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(app.session.pageErrors).toEqual([]);
  });

  // Suggestions even the balance (carried in plus the quarter's difference), so they never undo a plan that evened it.
  test('a suggested swap applies with one click, narrows the balance spread and can be undone', async () => {
    const { page } = app;
    await openFairnessForQ1();
    // The screen's suggestions first, as the lead sees them: asking the main process meanwhile would
    // replace the screen's computation with the test's (a newer request for suggestions supersedes one).
    const apply = page.getByTestId('suggestions').getByRole('button', { name: 'Apply swap' }).first();
    await expectVisible(apply);
    const suggestions = await api<SwapSuggestion[]>(page, 'swaps:suggest', { period: Q1_2027, limit: 5 });
    expect(suggestions.length).toBeGreaterThan(0);
    const best = suggestions[0]!;
    await apply.click();
    await expectVisible(page.getByText('Swap applied.'));
    const after = await api<FairnessReport>(page, 'fairness:get', { period: Q1_2027 });
    expect(after.team.balanceSpread).toBeCloseTo(best.spreadAfter, 6);
    expect(after.team.balanceSpread).toBeLessThan(best.spreadBefore);
    await expectTableMatches(after);
    await expect.poll(() => page.getByTestId('team-figures').innerText()).toContain(fixed(after.team.balanceSpread));
    const view = await api<ScheduleView>(page, 'schedule:get', {
      from: '2027-01-01T05:00:00.000Z',
      to: '2027-04-01T04:00:00.000Z',
    });
    expect(view.canUndo).toBe('Swap shifts');
    // Undo from the calendar's button brings the figures back.
    await page.getByRole('button', { name: 'Calendar', exact: true }).click();
    await page.getByTestId('undo').click();
    await expect
      .poll(async () => (await api<FairnessReport>(page, 'fairness:get', { period: Q1_2027 })).team.balanceSpread)
      .toBeCloseTo(best.spreadBefore, 6);
    await page.getByRole('button', { name: 'Fairness', exact: true }).click();
    await expect.poll(() => page.getByTestId('team-figures').innerText()).toContain(fixed(best.spreadBefore));
    expect(app.session.pageErrors).toEqual([]);
  });

  test('changing a weight is saved and recomputes the figures', async () => {
    const { page } = app;
    await openFairnessForQ1();
    const before = await api<FairnessReport>(page, 'fairness:get', { period: Q1_2027 });
    await expectTableMatches(before);
    const weekend = page.getByLabel('Weekend day', { exact: true });
    await weekend.fill('3');
    await page.getByRole('button', { name: 'Save weights' }).click();
    await expectVisible(page.getByText('Weights saved.'));
    const weights = await api<FairnessWeights>(page, 'fairness:weights');
    expect(weights.weekendDay).toBe(3);
    const report = await api<FairnessReport>(page, 'fairness:get', { period: Q1_2027 });
    // Weekends weigh more now, so the burdens are not what they were: the table shows the new ones.
    expect(report.engineers.map((r) => r.burden)).not.toEqual(before.engineers.map((r) => r.burden));
    await expectTableMatches(report);
    await page.reload();
    await page.getByRole('button', { name: 'Fairness', exact: true }).click();
    await expect.poll(() => page.getByLabel('Weekend day', { exact: true }).inputValue()).toBe('3');
    expect(app.session.pageErrors).toEqual([]);
  });
});
