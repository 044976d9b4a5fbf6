import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { localDateOf } from '../../src/shared/domain/time';
import { eachTestOn, expectVisible } from './support/browser';
import { AWKWARD_INSTANTS } from './support/instants';
import { seed, seededOnCall } from './support/seed';

// The date sweep: the screens that depend on "today" are checked at moments chosen to be
// awkward (a split week, a clock change, New Year's Eve, a leap day). What the screens should
// say is computed from the seed file with the shared rotation rules, not read from the server,
// so a server that got the day wrong cannot agree with itself.

const HOUR_MS = 3_600_000;
const zone = seed.rotation.timeZone;

/** 'January 2027': the month that holds `at` on the team's wall clock. */
function monthTitle(at: Date): string {
  const [year, month] = localDateOf(at.getTime(), zone).split('-').map(Number);
  const name = new Date(Date.UTC(year!, month! - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `${name} ${year}`;
}

/** The engineer named after a role label in a card's text ('Primary\nEngineer C\n…'). */
function pickFrom(text: string, role: string): string | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const index = lines.indexOf(role);
  return index >= 0 ? (lines[index + 1] ?? null) : null;
}

async function openScreen(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: new RegExp(`^${label}`) })
    .click();
  await expectVisible(page.getByRole('heading', { level: 1, name: label }));
}

for (const [moment, instant] of Object.entries(AWKWARD_INSTANTS)) {
  describe(`On ${moment} (${instant})`, () => {
    const app = eachTestOn({ now: instant });
    const at = new Date(instant);

    test('Today names who is on call, the Calendar opens on this month, a drill lists them by role', async () => {
      const { page } = app;
      const expected = seededOnCall(at);
      // A sweep that found nobody on call would check nothing.
      expect(expected.primary).not.toBeNull();
      expect(expected.secondary).not.toBeNull();

      const card = page.getByTestId('oncall-now');
      await expectVisible(card);
      const text = await card.innerText();
      expect({ primary: pickFrom(text, 'Primary'), secondary: pickFrom(text, 'Secondary') }).toEqual(expected);

      await openScreen(page, 'Calendar');
      await expect.poll(() => page.getByTestId('calendar-title').innerText()).toBe(monthTitle(at));

      // The dialog proposes the next whole hour, and who is on call then takes part.
      const drillAt = new Date(Math.ceil(at.getTime() / HOUR_MS) * HOUR_MS);
      const then = seededOnCall(drillAt);
      await openScreen(page, 'Drills');
      await page.getByRole('button', { name: 'Schedule a drill' }).click();
      const dialog = page.getByTestId('schedule-drill');
      await expectVisible(dialog);
      await expectVisible(dialog.getByText('(secondary)'));
      const checked = await dialog.locator('fieldset label:has(input:checked)').allInnerTexts();
      expect(new Set(checked.map((t) => t.replace(/\s+/g, ' ').trim()))).toEqual(
        new Set([`${then.primary} (primary)`, `${then.secondary} (secondary)`]),
      );
      expect(app.session.pageErrors).toEqual([]);
    });
  });
}
