import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectVisible, openWatchbill, screenshot, type Session } from './support/browser';
import { THANKSGIVING_SPLIT } from './support/instants';

let session: Session;

beforeAll(async () => {
  session = await openWatchbill({ now: THANKSGIVING_SPLIT, empty: true });
});

afterAll(async () => {
  await session?.close();
});

/** A day as YYYY-MM-DD in the browser's zone (Europe/Berlin), `offset` days from today. */
function day(offset: number): string {
  const date = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(date);
}

const ENGINEERS = ['Ada Byron', 'Bo Chen', 'Cy Okafor'];

describe('Building the team from an empty database', () => {
  test('adds three engineers and creates the rotation; the Calendar shows their shifts', async () => {
    const { page } = session;
    const nav = page.getByRole('navigation', { name: 'Screens' });
    await nav.getByRole('button', { name: 'Team' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Team' }));
    await expectVisible(page.getByText('No engineers yet'));

    for (const name of ENGINEERS) {
      await page.getByRole('button', { name: 'Add engineer' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add an engineer' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
      await dialog.getByRole('textbox', { name: 'Email' }).fill(`${name.split(' ')[0]!.toLowerCase()}@example.com`);
      await dialog.getByRole('button', { name: 'Add engineer' }).click();
      await expectVisible(page.getByRole('row', { name: new RegExp(name) }));
    }

    // The new rotation offers everyone, in the list's order; the keyboard reorders it.
    const form = page.getByRole('form', { name: 'Create the rotation' });
    await form.getByRole('button', { name: 'Move Cy Okafor up' }).focus();
    await page.keyboard.press('Enter');
    expect(await form.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringContaining('Ada Byron'),
      expect.stringContaining('Cy Okafor'),
      expect.stringContaining('Bo Chen'),
    ]);
    await form.getByRole('button', { name: 'Create rotation' }).click();
    await expectVisible(page.getByRole('form', { name: 'The rotation' }));
    await expectVisible(page.getByText('Rotation created.'));
    await screenshot(page, 'team');

    await nav.getByRole('button', { name: 'Calendar' }).click();
    await expectVisible(page.locator('.shift', { hasText: 'Ada Byron' }).first());
    expect(session.pageErrors).toEqual([]);
  });

  test('time away for whoever is on call shows on Today, and everything is still there after a reload', async () => {
    const { page } = session;
    const nav = page.getByRole('navigation', { name: 'Screens' });
    await nav.getByRole('button', { name: 'Team' }).click();
    await page.getByRole('button', { name: 'Add time away for Ada Byron' }).click();
    const dialog = page.getByRole('dialog', { name: 'Time away for Ada Byron' });
    await dialog.getByLabel('First day away').fill(day(2));
    await dialog.getByLabel('Last day away').fill(day(1));
    await dialog.getByRole('button', { name: 'Add time away' }).click();
    await expectVisible(dialog.getByText('Must not be before the first day.'));
    await dialog.getByLabel('Last day away').fill(day(3));
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Conference');
    await dialog.getByRole('button', { name: 'Add time away' }).click();
    const away = page.getByRole('region', { name: 'Time away' });
    await expectVisible(away.getByRole('row', { name: /Ada Byron.*Conference/ }));
    await screenshot(page, 'team-with-time-away');

    // Ada holds the first shift, which started today: she is on call while away.
    await nav.getByRole('button', { name: /^Today/ }).click();
    await expectVisible(page.getByText(/Ada Byron is on call \(primary\) .* during PTO \(Conference\)/));

    await page.reload();
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Team' }).click();
    await expectVisible(page.getByRole('region', { name: 'Time away' }).getByRole('row', { name: /Conference/ }));
    const form = page.getByRole('form', { name: 'The rotation' });
    await expectVisible(form);
    expect(await form.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringContaining('Ada Byron'),
      expect.stringContaining('Cy Okafor'),
      expect.stringContaining('Bo Chen'),
    ]);
    expect(await page.getByRole('row', { name: /Bo Chen/ }).innerText()).toContain('bo@example.com');
    expect(session.pageErrors).toEqual([]);
  });
});
