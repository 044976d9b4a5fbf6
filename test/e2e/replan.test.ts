// Planning a quarter again after it was planned: the earlier plan's overrides are kept unless
// the lead asks the planner to replace them, which fixes a clash the earlier plan now holds.
import { describe, expect, test } from 'vitest';
import type { Override } from '../../src/shared/model';
import type { ScheduleView } from '../../src/shared/views';
import { api } from './support/api';
import { eachTestOn, expectVisible, screenshot } from './support/browser';

// Thu 10 Dec 2026, 10:00 in New York: 2027-Q2 lies ahead.
const app = eachTestOn({ now: '2026-12-10T15:00:00Z' });
const Q2 = { from: '2027-04-01', to: '2027-06-30', carry: 'none' } as const;
const Q2_INSTANTS = { from: '2027-04-01T04:00:00.000Z', to: '2027-07-01T04:00:00.000Z' };

describe('Planning a quarter again', () => {
  test('keeps the earlier plan by default; "Plan again, replacing the earlier plan" fixes the clash it held', async () => {
    const { page } = app;
    await api(page, 'schedule:apply', { operation: { op: 'plan', ...Q2 } });
    // A planned primary week inside the quarter (not its first, which an earlier shift reaches into).
    const planned = (await api<ScheduleView>(page, 'schedule:get', Q2_INSTANTS)).overrides.find(
      (o: Override) => o.kind === 'planned' && o.role === 'primary' && o.startsAt >= '2027-05-01',
    )!;
    const day = planned.startsAt.slice(0, 10);
    await api(page, 'unavailability:add', { engineerId: planned.engineerId, startDate: day, endDate: day });

    await page.getByRole('button', { name: 'Calendar', exact: true }).click();
    await page.getByTestId('quarter-picker').selectOption('2027-04-01');
    await page.getByRole('button', { name: 'Plan 2027-Q2', exact: true }).click();
    const panel = page.getByTestId('plan-panel');
    const earlier = panel.getByTestId('plan-earlier');
    await expectVisible(earlier);
    expect(await earlier.innerText()).toMatch(
      /^\d+ overrides in this range come from a plan applied earlier and are kept/,
    );
    // The clash stays, and the panel says which override holds it.
    expect(await panel.getByRole('list', { name: 'Clashes the plan cannot fix' }).innerText()).toMatch(
      /during PTO .*set by an override the plan keeps \(planned 2027-Q2/,
    );
    await screenshot(page, 'replan-kept');

    await earlier.getByRole('button', { name: 'Plan again, replacing the earlier plan' }).click();
    await expect.poll(() => earlier.innerText()).toMatch(/^It replaces the \d+ overrides of the plan applied earlier/);
    expect(await panel.innerText()).toMatch(/It fixes \d+ clash/);
    expect(await panel.innerText()).not.toMatch(/Not fixed: .*during PTO/);
    await screenshot(page, 'replan-replacing');

    await panel.getByRole('button', { name: 'Apply plan' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Saved: Apply plan.' }));
    const after = await api<ScheduleView>(page, 'schedule:get', Q2_INSTANTS);
    expect(after.warnings.filter((w) => w.kind === 'oncall_unavailable')).toEqual([]);
    expect(app.session.pageErrors).toEqual([]);
  });
});
