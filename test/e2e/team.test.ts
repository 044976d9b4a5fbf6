import type { Locator } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Engineer, Rotation } from '../../src/shared/model';
import { api } from './support/api';
import { eachTestOn, expectVisible, screenshot } from './support/browser';
import { inView } from './support/calendar';

// Thu 3 Dec 2026, 11:00 in Berlin, the browser's zone, which a new rotation and its engineers
// take by default: the rotation starts today at 09:00, so its first shift (Ada's) has begun.
const FIRST_MORNING = '2026-12-03T10:00:00Z';
const TODAY = '2026-12-03';

const app = eachTestOn({ now: FIRST_MORNING, empty: true });

const ENGINEERS = ['Ada Byron', 'Bo Chen', 'Cy Okafor'];
const emailOf = (name: string) => `${name.split(' ')[0]!.toLowerCase()}@example.com`;
/** The order the first test sets with the keyboard: Cy moved above Bo. */
const ROTATION_ORDER = ['Ada Byron', 'Cy Okafor', 'Bo Chen'];

/** The engineers a rotation form lists, in its order. */
const listed = async (form: Locator) =>
  (await form.getByRole('listitem').allInnerTexts()).map((text) => ENGINEERS.find((name) => text.includes(name)));

describe('Building the team from an empty database', () => {
  test('adds three engineers and creates the rotation, starting today; the Calendar shows their shifts', async () => {
    const { page } = app;
    const nav = page.getByRole('navigation', { name: 'Screens' });
    await nav.getByRole('button', { name: 'Team' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Team' }));
    await expectVisible(page.getByText('No engineers yet'));

    for (const name of ENGINEERS) {
      await page.getByRole('button', { name: 'Add engineer' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add an engineer' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
      await dialog.getByRole('textbox', { name: 'Email' }).fill(emailOf(name));
      await dialog.getByRole('button', { name: 'Add engineer' }).click();
      await expectVisible(page.getByRole('row', { name: new RegExp(name) }));
    }

    // The new rotation offers everyone, in the list's order; the keyboard reorders it.
    const form = page.getByRole('form', { name: 'Create the rotation' });
    await form.getByRole('button', { name: 'Move Cy Okafor up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => listed(form)).toEqual(ROTATION_ORDER);
    await form.getByRole('button', { name: 'Create rotation' }).click();
    await expectVisible(page.getByRole('form', { name: 'The rotation' }));
    await expectVisible(page.getByText('Rotation created.'));
    await screenshot(page, 'team');

    // Saved as shown, starting on the app's today (not the computer's).
    const [rotation] = await api<Rotation[]>(page, 'rotations:list');
    const engineers = await api<Engineer[]>(page, 'engineers:list');
    const nameOf = (id: number) => engineers.find((e) => e.id === id)?.name;
    expect(rotation).toMatchObject({ startDate: TODAY, timeZone: 'Europe/Berlin', handoffTime: '09:00' });
    expect(rotation!.memberIds.map(nameOf)).toEqual(ROTATION_ORDER);

    await nav.getByRole('button', { name: 'Calendar' }).click();
    await expectVisible(page.locator(inView('.shift'), { hasText: 'Ada Byron' }).first());

    await page.reload();
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Team' }).click();
    const kept = page.getByRole('form', { name: 'The rotation' });
    await expectVisible(kept);
    await expect.poll(() => listed(kept)).toEqual(ROTATION_ORDER);
    expect(await page.getByRole('row', { name: /Bo Chen/ }).innerText()).toContain(emailOf('Bo Chen'));
    expect(app.session.pageErrors).toEqual([]);
  });

  test('time away for whoever is on call shows on Today, and is still there after a reload', async () => {
    const { page } = app;
    // The team and its rotation, as the first test builds them, through the API.
    const ids = new Map<string, number>();
    for (const [index, name] of ENGINEERS.entries()) {
      const engineer = await api<Engineer>(page, 'engineers:save', {
        name,
        email: emailOf(name),
        color: ['#2563eb', '#c2410c', '#047857'][index],
        timeZone: 'Europe/Berlin',
      });
      ids.set(name, engineer.id);
    }
    await api(page, 'rotations:create', {
      name: 'On call',
      timeZone: 'Europe/Berlin',
      startDate: TODAY,
      shiftDays: 7,
      handoffTime: '09:00',
      memberIds: ROTATION_ORDER.map((name) => ids.get(name)),
    });
    await page.reload();

    const nav = page.getByRole('navigation', { name: 'Screens' });
    await nav.getByRole('button', { name: 'Team' }).click();
    await page.getByRole('button', { name: 'Add time away for Ada Byron' }).click();
    const dialog = page.getByRole('dialog', { name: 'Time away for Ada Byron' });
    // Sat 5 to Sun 6 Dec, after a last day before the first is refused.
    await dialog.getByLabel('First day away').fill('2026-12-05');
    await dialog.getByLabel('Last day away').fill('2026-12-04');
    await dialog.getByRole('button', { name: 'Add time away' }).click();
    await expectVisible(dialog.getByText('Must not be before the first day.'));
    await dialog.getByLabel('Last day away').fill('2026-12-06');
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Conference');
    await dialog.getByRole('button', { name: 'Add time away' }).click();
    // Ada is on call then: saving asks right there whether to fix it; this test leaves it for now.
    const asks = page.getByRole('dialog', { name: 'Time away saved: Ada Byron is on call then' });
    await expectVisible(asks.getByRole('button', { name: /^Apply: / }).first());
    await asks.getByRole('button', { name: 'Done' }).click();
    const away = page.getByRole('region', { name: 'Time away' });
    await expectVisible(away.getByRole('row', { name: /Ada Byron.*Conference/ }));
    await screenshot(page, 'team-with-time-away');

    // Ada holds the first shift (Thu 3 Dec to Thu 10 Dec), so she is on call the whole time away.
    await nav.getByRole('button', { name: /^Today/ }).click();
    await expectVisible(
      page.getByText('Ada Byron is on call (primary) from Sat 5 Dec to Sun 6 Dec during PTO (Conference)', {
        exact: true,
      }),
    );

    await page.reload();
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Team' }).click();
    await expectVisible(page.getByRole('region', { name: 'Time away' }).getByRole('row', { name: /Conference/ }));
    expect(app.session.pageErrors).toEqual([]);
  });
});
