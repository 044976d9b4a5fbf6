import { describe, expect, test } from 'vitest';
import type { PipelineRow } from '../../src/shared/views';
import { api } from './support/api';
import { eachTestOn, expectVisible, screenshot } from './support/browser';
import { THANKSGIVING_SPLIT } from './support/instants';
import { engineerName, seed, seededOnCall } from './support/seed';

// Wed 2 Dec 2026, 21:00 in New York: the second half of the Thanksgiving split, with Engineer B
// primary over Engineer A — the primary's id above the secondary's — and the 09:00 hand-off
// back to the regular rotation twelve hours away.
const app = eachTestOn({ now: THANKSGIVING_SPLIT });

describe('Today', () => {
  test('at the Thanksgiving split: B primary, A secondary, the hand-off to A and the holidays ahead', async () => {
    const { page } = app;
    // The seed's own rotation rules agree with what this file expects of the moment.
    expect(seededOnCall(new Date(THANKSGIVING_SPLIT))).toEqual({ primary: 'Engineer B', secondary: 'Engineer A' });
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Today' }));
    // The subtitle fills in once the rotation has loaded.
    await expect
      .poll(() => page.locator('.screen-header__subtitle').innerText())
      .toBe(`${seed.rotation.name} · times in ${seed.rotation.timeZone} · as of Wed 2 Dec, 21:00 EST`);

    // Times in the rotation's zone (New York), not the browser's (Berlin, where it is already Thursday).
    const now = page.getByTestId('oncall-now');
    await expectVisible(now);
    const nowText = await now.innerText();
    expect(pickFrom(nowText, 'Primary')).toBe('Engineer B');
    expect(pickFrom(nowText, 'Secondary')).toBe('Engineer A');
    expect(flat(nowText)).toContain('until Thu 3 Dec, 09:00 EST in 12 hours');

    const next = await page.getByTestId('oncall-next').innerText();
    expect(pickFrom(next, 'Primary')).toBe('Engineer A');
    expect(pickFrom(next, 'Secondary')).toBe('Engineer B');
    expect(flat(next)).toContain('from Thu 3 Dec, 09:00 EST until Thu 10 Dec, 09:00 EST');

    const handoff = await page.getByRole('group', { name: 'Next hand-off' }).innerText();
    expect(flat(handoff)).toContain('Thu 3 Dec, 09:00 EST in 12 hours Engineer B → Engineer A');

    await expectVisible(page.getByRole('heading', { name: /^Warnings/ }));
    // The next 60 days from 2 Dec, by date, with who holds each: the seed's holiday covers put
    // Engineer D on Christmas and Engineer C on New Year.
    const holidays = page.getByRole('region', { name: 'Upcoming holidays' });
    await expectVisible(holidays.locator('tbody tr').first());
    const rows = await Promise.all(
      (await holidays.locator('tbody tr').all()).map(async (tr) =>
        (await tr.locator('td').allInnerTexts()).map((cell) => cell.trim()),
      ),
    );
    expect(rows).toEqual([
      ['Thu 24 Dec', 'Christmas Eve', '3', 'Engineer D', 'Engineer A'],
      ['Fri 25 Dec', 'Christmas Day', '3', 'Engineer D', 'Engineer A'],
      ['Thu 31 Dec', "New Year's Eve", '3', 'Engineer C', 'Engineer B'],
      ['Fri 1 Jan 2027', "New Year's Day", '3', 'Engineer C', 'Engineer B'],
      ['Mon 18 Jan 2027', 'Martin Luther King Jr. Day', '2', 'Engineer C', 'Engineer D'],
    ]);

    await screenshot(page, 'today', 'screenshot-today.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'today-dark');
    expect(app.session.pageErrors).toEqual([]);
  });

  test('a warning is a button that opens the screen where it is fixed', async () => {
    const { page } = app;
    await expectVisible(page.getByTestId('oncall-now'));
    // Give a pipeline no secondary owner, through the app's own API, then look at Today again.
    const unitProfit = seed.pipelines[0]!;
    const row = (await api<PipelineRow[]>(page, 'pipelines:list')).find((r) => r.pipeline.name === unitProfit.name)!;
    await api(page, 'ownership:set', {
      pipelineId: row.pipeline.id,
      primaryEngineerId: row.ownership!.primaryEngineerId,
      secondaryEngineerId: null,
      reason: row.ownership!.reason,
    });

    await page.getByRole('button', { name: 'Refresh' }).click();
    const warning = page.getByRole('button', {
      name: new RegExp(`^${escape(unitProfit.name)} has no secondary owner\\.`),
    });
    await expectVisible(warning);
    await warning.click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Ownership' }));
    const focused = page.locator('tr.row--focused');
    await expectVisible(focused);
    expect(await focused.locator('th').innerText()).toBe(unitProfit.name);
    expect(await focused.innerText()).toContain(engineerName(unitProfit.primary));
  });

  test('every screen in the sidebar opens with its title, without errors in the page', async () => {
    const { page } = app;
    await expectVisible(page.getByTestId('oncall-now'));
    for (const label of ['Calendar', 'Team', 'Fairness', 'Ownership', 'Runbooks', 'Drills', 'SLAs & risks', 'Export']) {
      await page
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('button', { name: new RegExp(`^${escape(label)}`) })
        .click();
      await expectVisible(page.getByRole('heading', { level: 1, name: label }));
    }
    expect(app.session.pageErrors).toEqual([]);
    await page.getByRole('button', { name: /^Today/ }).click();
    await expectVisible(page.getByTestId('oncall-now'));
  });
});

/** The engineer named after a role label in a card's text ('Primary\nEngineer C\n…'). */
function pickFrom(text: string, role: string): string | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const index = lines.indexOf(role);
  return index >= 0 ? (lines[index + 1] ?? null) : null;
}

/** A card's text on one line, as it reads. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
