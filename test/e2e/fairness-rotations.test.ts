import { describe, expect, test } from 'vitest';
import type { LedgerReport } from '../../src/shared/domain/ledger';
import type { TeamLedger } from '../../src/shared/domain/ledger-team';
import type { Rotation } from '../../src/shared/model';
import { api } from './support/api';
import { eachTestOn, expectVisible, screenshot } from './support/browser';

const Q1_2027 = { kind: 'quarter', date: '2027-01-01' } as const;

// Tue 15 Dec 2026, 10:00 in New York: the screen opens on Q4 2026; the test reads Q1 2027.
const app = eachTestOn({ now: '2026-12-15T15:00:00Z' });

interface Engineer {
  id: number;
  name: string;
}

// Tenths, halves away from zero, a real minus sign: as every fairness figure is shown.
const signed = (n: number) => {
  const r = Math.sign(n) * Math.round(Math.abs(n) * 10);
  return r === 0 ? '0.0' : r > 0 ? `+${(r / 10).toFixed(1)}` : `−${(-r / 10).toFixed(1)}`;
};
const fixed = (n: number) => signed(n).replace('+', '');

/** Beside the example team's rotation, a business-hours one for the experiment pipelines (C, D and a new E). */
async function twoRotations(): Promise<{ layer: Rotation; team: Engineer[] }> {
  const { page } = app;
  await api(page, 'engineers:save', { name: 'Engineer E', color: '#7a4fc2', timeZone: 'America/New_York' });
  const team = await api<Engineer[]>(page, 'engineers:list');
  const id = (name: string) => team.find((e) => e.name === name)!.id;
  const layer = await api<Rotation>(page, 'rotations:create', {
    name: 'Experiments, business hours',
    timeZone: 'America/New_York',
    startDate: '2026-11-02',
    shiftDays: 7,
    handoffTime: '09:00',
    memberIds: [id('Engineer C'), id('Engineer D'), id('Engineer E')],
    coverage: { weekdays: [1, 2, 3, 4, 5], hours: { from: '09:00', until: '18:00' } },
  });
  return { layer, team };
}

const subtitle = () => app.page.locator('.screen-header__subtitle').innerText();

describe('Fairness across rotations', () => {
  test('shows each person’s load by rotation and in total, and one rotation on its own', async () => {
    const { page } = app;
    const { layer, team } = await twoRotations();
    await page.getByRole('button', { name: 'Fairness', exact: true }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Fairness' }));
    const views = page.getByRole('group', { name: 'Rotation', exact: true });
    await expectVisible(views);
    await expect.poll(() => views.getByRole('button', { name: 'In total' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(subtitle).toContain('In total across 2 rotations');
    await page.getByTestId('quarter-picker').selectOption('2027-01-01');
    await expect.poll(subtitle).toContain('2027-01-01 to 2027-03-31');

    const ledger = await api<TeamLedger>(page, 'fairness:team', { period: Q1_2027 });
    expect(ledger.rotations.map((r) => r.rotationName)).toEqual(['Data engineering on-call', layer.name]);
    const table = page.getByTestId('rotation-totals');
    for (const name of ['Engineer A', 'Engineer C', 'Engineer E']) {
      const engineerId = team.find((e) => e.name === name)!.id;
      const total = ledger.totals.find((t) => t.engineerId === engineerId)!;
      const parts = ledger.rotations.map((r) => r.report.engineers.find((row) => row.engineerId === engineerId));
      // What the lead reads: each rotation's part, then the total, which is the parts added up.
      const expected = [
        ...parts.flatMap((row) => (row ? [fixed(row.burden), signed(row.difference)] : ['—', '—'])),
        fixed(total.burden),
        fixed(total.fairShare),
        signed(total.difference),
        signed(total.balance),
      ];
      const row = table.locator(`tbody tr[data-engineer-id="${engineerId}"]`);
      await expect.poll(async () => (await row.locator('td').allInnerTexts()).map((t) => t.trim())).toEqual(expected);
      expect(total.burden).toBeCloseTo(
        parts.reduce((sum, r) => sum + (r?.burden ?? 0), 0),
        9,
      );
    }
    // Engineer C is in both rotations: both parts carry load.
    const c = team.find((e) => e.name === 'Engineer C')!.id;
    expect(
      ledger.rotations.every((r) => r.report.engineers.some((row) => row.engineerId === c && row.burden > 0)),
    ).toBe(true);
    await screenshot(page, 'fairness-rotations-total');

    // One rotation on its own: its ledger, as fairness:get gives it for that rotation.
    await views.getByRole('button', { name: layer.name }).click();
    await expect.poll(() => views.getByRole('button', { name: layer.name }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(subtitle).toContain('This period: 2027-Q1');
    const own = await api<LedgerReport>(page, 'fairness:get', { rotationId: layer.id, period: Q1_2027 });
    const e = team.find((x) => x.name === 'Engineer E')!.id;
    const eRow = own.engineers.find((r) => r.engineerId === e)!;
    const cells = page
      .getByTestId('fairness-table')
      .locator(`tbody tr[data-engineer-id="${e}"] td[data-column="burden"]`);
    await expect.poll(() => cells.innerText()).toBe(fixed(eRow.burden));
    await screenshot(page, 'fairness-rotations-one');

    // Weights saved here count this rotation's burden only.
    await expectVisible(page.getByRole('heading', { name: `Weights for ${layer.name}` }));
    await page.getByLabel('Weekday', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'Save weights' }).click();
    await expectVisible(page.getByText(`Weights saved for ${layer.name}.`));
    const saved = await api<{ own: { weekday: number } | null }>(page, 'fairness:rotation-weights', {
      rotationId: layer.id,
    });
    expect(saved.own?.weekday).toBe(2);
    const teamRotation = ledger.rotations[0]!.rotationId;
    expect(
      (await api<{ own: unknown }>(page, 'fairness:rotation-weights', { rotationId: teamRotation })).own,
    ).toBeNull();
    const doubled = await api<LedgerReport>(page, 'fairness:get', { rotationId: layer.id, period: Q1_2027 });
    await expect.poll(() => cells.innerText()).toBe(fixed(doubled.engineers.find((r) => r.engineerId === e)!.burden));
    expect(doubled.engineers.find((r) => r.engineerId === e)!.burden).toBeGreaterThan(eRow.burden);
  });
});
