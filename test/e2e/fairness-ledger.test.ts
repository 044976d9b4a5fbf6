import { describe, expect, test } from 'vitest';
import type { LedgerReport } from '../../src/shared/domain/ledger';
import type { PlanProposal } from '../../src/shared/domain/ledger-plan';
import type { LedgerSettings } from '../../src/shared/ipc/channels/ledger';
import { api } from './support/api';
import { eachTestOn, expectVisible, screenshot } from './support/browser';

// Tue 15 Dec 2026, 10:00 in New York: Q1 2027 lies ahead, and 2026 is the history it carries.
const app = eachTestOn({ now: '2026-12-15T15:00:00Z' });
const Q1_2027 = { kind: 'quarter', date: '2027-01-01' } as const;

/** '+1.5', '−0.5', '0.0', as a lead reads them. */
const signed = (n: number) => {
  const r = Math.sign(n) * Math.round(Math.abs(n) * 10);
  return r === 0 ? '0.0' : r > 0 ? `+${(r / 10).toFixed(1)}` : `−${(-r / 10).toFixed(1)}`;
};
const fixed = (n: number) => signed(n).replace('+', '');

async function openFairnessForQ1() {
  const { page } = app;
  await page.getByRole('button', { name: 'Fairness', exact: true }).click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Fairness' }));
  await expect.poll(() => page.locator('.screen-header__subtitle').innerText()).toContain('2026-Q4');
  await page.getByTestId('quarter-picker').selectOption('2027-01-01');
  await expect.poll(() => page.locator('.screen-header__subtitle').innerText()).toContain('2027-Q1');
}

/** The "Carried in" cell per engineer id, as shown. */
const carriedShown = () =>
  app.page
    .getByTestId('fairness-table')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((row) => [
          row.getAttribute('data-engineer-id'),
          row.querySelector('td[data-column="carriedIn"]')?.textContent ?? '',
        ]),
      ),
    );
const carriedOf = (report: LedgerReport) =>
  Object.fromEntries(report.engineers.map((r) => [String(r.engineerId), signed(r.carriedIn)]));

describe('the fairness ledger', () => {
  test('the lead sets the carry-over on the Fairness screen; the figures say what they cover and keep it', async () => {
    const { page } = app;
    await openFairnessForQ1();
    const panel = page.getByTestId('carry-panel');
    await expectVisible(panel);
    // The default: capped at one shift, said in the subtitle with the period.
    expect(await panel.getByRole('radio', { name: /Capped at one shift/ }).isChecked()).toBe(true);
    await expect.poll(() => page.locator('.screen-header__subtitle').innerText()).toMatch(/capped at one shift/);
    const capped = await api<LedgerReport>(page, 'fairness:get', { period: Q1_2027 });
    await expect.poll(carriedShown).toEqual(carriedOf(capped));
    // What the words mean is on the screen, beside the figures.
    const meanings = await page.getByTestId('fairness-meanings').innerText();
    expect(meanings).toMatch(/Weighted burden: on-call days counted by what they cost/);
    expect(meanings).toMatch(/Fair share: .*not away that day/);

    await panel.getByRole('radio', { name: /^Full/ }).check();
    await expect.poll(() => page.locator('.screen-header__subtitle').innerText()).toMatch(/\(carry-over: full\)/);
    const full = await api<LedgerReport>(page, 'fairness:get', { period: Q1_2027 });
    expect(full.carry).toBe('full');
    await expect.poll(carriedShown).toEqual(carriedOf(full));
    expect((await api<LedgerSettings>(page, 'ledger:settings')).carry).toBe('full');
    await screenshot(page, 'fairness-carry-over');

    // Stored in the file: a new start of the screen shows it again.
    await page.reload();
    await openFairnessForQ1();
    expect(await page.getByTestId('carry-panel').getByRole('radio', { name: /^Full/ }).isChecked()).toBe(true);

    await page.getByRole('radio', { name: /^None/ }).check();
    await expect.poll(() => page.locator('.screen-header__subtitle').innerText()).toMatch(/nothing carried in/);
    await expect.poll(async () => Object.values(await carriedShown()).every((text) => text === '0.0')).toBe(true);
    expect(app.session.pageErrors).toEqual([]);
  });

  test('imported history shows on the Fairness screen and can be removed there, after a confirmation', async () => {
    const { page } = app;
    const sheet = [
      'name,start,end,role',
      'Engineer A,2025-12-04 09:00,2025-12-11 09:00,primary',
      'Engineer A,2025-12-18 09:00,2025-12-25 09:00,primary',
      'Engineer B,2025-12-11 09:00,2025-12-18 09:00,primary',
    ].join('\r\n');
    await api(page, 'ledger:set-carry', { carry: 'full' });
    const none = await api<LedgerReport>(page, 'fairness:get', { period: Q1_2027 });
    await api(page, 'import:apply', { kind: 'history', filename: 'pagerduty.csv', content: sheet });
    const imported = await api<LedgerReport>(page, 'fairness:get', { period: Q1_2027 });
    expect(carriedOf(imported)).not.toEqual(carriedOf(none));
    await openFairnessForQ1();
    const panel = page.getByTestId('carry-panel');
    await expectVisible(panel.getByText('Imported history: 3 past shifts, 2025-12-04 to 2025-12-25.'));
    await expect.poll(carriedShown).toEqual(carriedOf(imported));

    // Keeping them changes nothing.
    await panel.getByRole('button', { name: 'Remove imported history…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove the 3 imported past shifts?' });
    await expectVisible(dialog);
    await screenshot(page, 'fairness-remove-history');
    await dialog.getByRole('button', { name: 'Keep them' }).click();
    expect((await api<LedgerSettings>(page, 'ledger:settings')).pastShifts.count).toBe(3);

    await panel.getByRole('button', { name: 'Remove imported history…' }).click();
    await dialog.getByRole('button', { name: 'Remove history' }).click();
    await expectVisible(panel.getByText(/^No imported history\./));
    expect((await api<LedgerSettings>(page, 'ledger:settings')).pastShifts.count).toBe(0);
    // The balances carried in are as before the import.
    await expect.poll(carriedShown).toEqual(carriedOf(none));
    expect(app.session.pageErrors).toEqual([]);
  });

  test('the plan preview shows the quarter’s spread and the balance spread, before → after, under the policy set', async () => {
    const { page } = app;
    await api(page, 'ledger:set-carry', { carry: 'none' });
    await page.getByRole('button', { name: 'Calendar', exact: true }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Calendar' }));
    await page.getByTestId('quarter-picker').selectOption('2027-01-01');
    await page.getByRole('button', { name: 'Plan 2027-Q1', exact: true }).click();
    const panel = page.getByTestId('plan-panel');
    await expectVisible(panel);
    const plan = await api<PlanProposal>(page, 'plan:propose', { from: '2027-01-01', to: '2027-03-31' });
    const carry = await panel.getByTestId('plan-carry').innerText();
    expect(carry).toContain('Carry-over: None');
    expect(carry).toContain(`Spread this period ${fixed(plan.before.team.spread)} → ${fixed(plan.after.team.spread)}`);
    expect(carry).toContain(
      `balance spread ${fixed(plan.before.team.balanceSpread)} → ${fixed(plan.after.team.balanceSpread)}`,
    );
    // With nothing carried in, the plan never leaves the quarter less even than it was.
    expect(plan.after.team.spread).toBeLessThanOrEqual(plan.before.team.spread + 1e-9);
    const compare = panel.getByTestId('fairness-compare');
    expect(await compare.innerText()).toMatch(/This period: 2027-Q1 \(2027-01-01 to 2027-03-31\); nothing carried in/);
    await screenshot(page, 'plan-preview-carry-none');

    // Capped: the same panel now says so, and shows the balance carried in per engineer.
    await panel.getByRole('button', { name: 'Discard' }).click();
    await api(page, 'ledger:set-carry', { carry: 'capped' });
    await page.getByRole('button', { name: 'Plan 2027-Q1', exact: true }).click();
    await expectVisible(panel);
    await expect.poll(() => panel.getByTestId('plan-carry').innerText()).toContain('Carry-over: Capped at one shift');
    const capped = await api<PlanProposal>(page, 'plan:propose', { from: '2027-01-01', to: '2027-03-31' });
    for (const row of capped.before.engineers) {
      const cells = await compare.locator(`tbody tr[data-engineer-id="${row.engineerId}"] td`).allInnerTexts();
      expect(cells[4]).toBe(signed(row.carriedIn));
    }
    expect(app.session.pageErrors).toEqual([]);
  });
});
