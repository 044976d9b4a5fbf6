import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Override } from '../../src/shared/model';
import type { ScheduleView } from '../../src/shared/views';
import { api } from './support/api';
import { eachTestOn, expectVisible, screenshot } from './support/browser';

// Thu 10 Dec 2026, 10:00 in New York. The example team's shift of Thu 24 Dec (09:00) is
// Engineer D primary with Engineer A as backup; A is away 24–27 Dec in every test here.
const app = eachTestOn({ now: '2026-12-10T15:00:00Z' });

const CLASH = 'Engineer A is on call (secondary) from Thu 24 Dec to Sun 27 Dec during PTO';
const CHRISTMAS_WEEK = { from: '2026-12-24T05:00:00.000Z', to: '2026-12-31T05:00:00.000Z' };

const idOf = async (page: Page, name: string) =>
  (await api<{ id: number; name: string }[]>(page, 'engineers:list')).find((e) => e.name === name)!.id;
const awayA = async (page: Page) =>
  api(page, 'unavailability:add', {
    engineerId: await idOf(page, 'Engineer A'),
    startDate: '2026-12-24',
    endDate: '2026-12-27',
  });
const christmasOverrides = async (page: Page): Promise<Override[]> =>
  (await api<ScheduleView>(page, 'schedule:get', CHRISTMAS_WEEK)).overrides;

/** Opens the fixes of the clash in `where`, applies the first, and checks what was saved. */
async function applyFirstFix(page: Page, where: ReturnType<Page['locator']>, shot: string) {
  await where.getByRole('button', { name: `Fix: ${CLASH}` }).click();
  const fixes = where.getByRole('group', { name: `Fixes: ${CLASH}` });
  const apply = fixes.getByRole('button', { name: /^Apply: / });
  await expectVisible(apply.first());
  // Two or three people who could take over, each with the fairness effect and any new clash.
  expect(await apply.count()).toBeGreaterThanOrEqual(2);
  expect(await apply.count()).toBeLessThanOrEqual(3);
  const first = fixes.getByRole('listitem').first();
  expect(await first.innerText()).toMatch(
    /Engineer [BC] covers secondary for Engineer A from Thu 24 Dec, 09:00 EST to Mon 28 Dec, 00:00 EST/,
  );
  expect(await first.innerText()).toMatch(
    /Fairness 2026-Q4 .*: Engineer A \+\d+\.\d → \+\d+\.\d · Engineer [BC] [+−]\d+\.\d → [+−]?\d+\.\d/,
  );
  expect(await first.innerText()).toMatch(/No new clash\.|New clash: /);
  await fixes.scrollIntoViewIfNeeded();
  await screenshot(page, `${shot}-options`);
  const before = (await christmasOverrides(page)).length;
  await apply.first().click();
  await expect.poll(async () => (await christmasOverrides(page)).length).toBe(before + 1);
  const made = (await christmasOverrides(page)).at(-1)!;
  expect(made).toMatchObject({ kind: 'time_away_cover', role: 'secondary' });
  expect(made.reason).toMatch(/^Engineer [BC] covers Engineer A's time away$/);
}

describe('Fixing a clash', () => {
  test('from the calendar: the warning offers a fix, one click applies it, Undo brings the warning back', async () => {
    const { page } = app;
    await awayA(page);
    await page.getByRole('button', { name: 'Calendar', exact: true }).click();
    const warnings = page.getByRole('region', { name: /^Warnings/ });
    await expectVisible(warnings.getByText(CLASH, { exact: true }));
    await applyFirstFix(page, warnings, 'clash-fix-calendar');
    await expect.poll(() => warnings.getByText(CLASH, { exact: true }).count()).toBe(0);
    await expectVisible(warnings.getByRole('status').getByText(/^Fixed: Engineer [BC] covers secondary/));
    await screenshot(page, 'clash-fix-calendar-applied');

    await warnings.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expectVisible(warnings.getByText(CLASH, { exact: true }));
    expect((await christmasOverrides(page)).some((o) => o.kind === 'time_away_cover')).toBe(false);
    expect(app.session.pageErrors).toEqual([]);
  });

  test('from Today', async () => {
    const { page } = app;
    await awayA(page);
    await page.reload();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Today' }));
    const group = page.getByRole('region', { name: /^On call during time away/ });
    await expectVisible(group.getByText(CLASH, { exact: true }));
    await applyFirstFix(page, group, 'clash-fix-today');
    await expect.poll(() => page.getByText(CLASH, { exact: true }).count()).toBe(0);
    await screenshot(page, 'clash-fix-today-applied');

    await page
      .getByRole('status')
      .filter({ hasText: /^Fixed: / })
      .getByRole('button', { name: 'Undo' })
      .click();
    await expectVisible(page.getByText(CLASH, { exact: true }));
    expect(app.session.pageErrors).toEqual([]);
  });

  test('from the Team screen: saving time away that clashes asks right there and offers the fixes', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Team' }).click();
    await page.getByRole('button', { name: 'Add time away for Engineer A' }).click();
    const dialog = page.getByRole('dialog', { name: 'Time away for Engineer A' });
    await dialog.getByLabel('First day away').fill('2026-12-24');
    await dialog.getByLabel('Last day away').fill('2026-12-27');
    await dialog.getByRole('button', { name: 'Add time away' }).click();

    const asks = page.getByRole('dialog', { name: 'Time away saved: Engineer A is on call then' });
    await expectVisible(asks.getByText(CLASH, { exact: true }));
    // The fixes are open at once: nothing more to click to see them.
    const apply = asks.getByRole('button', { name: /^Apply: / });
    await expectVisible(apply.first());
    await screenshot(page, 'clash-fix-team-options');
    const before = (await christmasOverrides(page)).length;
    await apply.first().click();
    await expectVisible(asks.getByRole('status').getByText(/^Fixed: Engineer [BC] covers secondary/));
    expect((await christmasOverrides(page)).length).toBe(before + 1);
    await screenshot(page, 'clash-fix-team-applied');

    await asks.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await christmasOverrides(page)).length).toBe(before);
    await expectVisible(asks.getByRole('button', { name: /^Apply: / }).first());
    await asks.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => asks.count()).toBe(0);
    // The time away itself was kept.
    expect(
      await page
        .getByRole('region', { name: 'Time away' })
        .getByRole('row', { name: /Engineer A/ })
        .count(),
    ).toBe(1);
    expect(app.session.pageErrors).toEqual([]);
  });

  test('a double duty from Today: fixed in the rotation the warning names, which the calendar then works on', async () => {
    const { page } = app;
    const e = await api<{ id: number }>(page, 'engineers:save', {
      name: 'Engineer E',
      color: '#0e7490',
      timeZone: 'America/New_York',
    });
    await api(page, 'rotations:create', {
      name: 'Experiments, business hours',
      timeZone: 'America/New_York',
      startDate: '2026-11-02',
      shiftDays: 7,
      handoffTime: '09:00',
      memberIds: [await idOf(page, 'Engineer C'), await idOf(page, 'Engineer A'), e.id],
      coverage: { weekdays: [1, 2, 3, 4, 5], hours: { from: '09:00', until: '18:00' } },
    });
    await page.reload();
    const group = page.getByRole('region', { name: /^On call in two rotations at once/ });
    const fix = group.getByRole('button', { name: /^Fix: / }).first();
    await expectVisible(fix);
    const clash = ((await fix.getAttribute('aria-label')) ?? '').replace(/^Fix: /, '');
    expect(clash).toMatch(/is on call in Data engineering on-call and Experiments, business hours at once/);
    await fix.click();
    const apply = group.getByRole('group', { name: `Fixes: ${clash}` }).getByRole('button', { name: /^Apply: / });
    await expectVisible(apply.first());
    // Each option says which rotation it changes.
    expect(await apply.first().getAttribute('aria-label')).toMatch(/in Experiments, business hours/);
    await screenshot(page, 'clash-fix-double-duty-options');
    await apply.first().click();
    await expect.poll(() => page.getByText(clash, { exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: 'Calendar', exact: true }).click();
    await expectVisible(
      page
        .getByTestId('calendar-rotation')
        .filter({ hasText: 'Working on' })
        .filter({ hasText: 'Experiments, business hours' }),
    );
    expect(app.session.pageErrors).toEqual([]);
  });
});
