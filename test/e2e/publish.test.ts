// Publishing from the Calendar to a real CalDAV server (Radicale): the lead adds the team's
// calendar once, one click puts the quarter there, and after a swap a second click brings it
// in step, each time with the summary shown.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api } from './support/api';
import { eachTestOn, expectVisible, screenshot } from './support/browser';
import { readCalendar, startRadicale, type Radicale } from '../support/radicale';

// Sat 21 Nov 2026, 10:00 in New York: the Calendar's quarter is 2026-Q4.
const app = eachTestOn({ now: '2026-11-21T15:00:00Z' });

let server: Radicale;
beforeAll(async () => {
  server = await startRadicale();
});
afterAll(async () => {
  await server?.remove();
});

async function openPublish() {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Calendar' }).click();
  await page.getByRole('button', { name: 'Publish 2026-Q4' }).click();
  await expectVisible(page.getByTestId('publish-dialog'));
}

describe('Publish to the team calendar', () => {
  test('one click puts the quarter on the calendar server; after a swap, a second click updates just that', async () => {
    const { page } = app;
    const calendarUrl = await server.makeCalendar('team');
    await openPublish();
    const dialog = page.getByTestId('publish-dialog');
    await dialog.getByRole('button', { name: 'Add a calendar server' }).click();
    const form = dialog.getByRole('form', { name: 'New calendar server' });
    await form.getByLabel('Calendar address (CalDAV)').fill(calendarUrl);
    await form.getByLabel('User name').fill(server.user);
    await form.getByLabel('Password or app token').fill(server.password);
    await screenshot(page, 'publish-add-server');
    await form.getByRole('button', { name: 'Add' }).click();
    await expectVisible(dialog.getByTestId('publish-target').filter({ hasText: 'Team calendar' }));

    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    const result = dialog.getByTestId('publish-result');
    await expectVisible(result, 30_000);
    const summary = (await result.locator('strong').first().textContent()) ?? '';
    const created = Number(/^(\d+) created, 0 updated, 0 removed; 0 conflicts$/.exec(summary)?.[1]);
    expect(created).toBeGreaterThan(20);
    expect(await readCalendar(calendarUrl, server.authHeaders())).toHaveLength(created);
    await expectVisible(page.getByTestId('publish-state').filter({ hasText: 'Calendar: published' }));
    await screenshot(page, 'publish-result');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Shifts 40 and 42 (8 and 22 October): both roles of each week, and Columbus Day inside the first.
    const before = await readCalendar(calendarUrl, server.authHeaders());
    await api(page, 'schedule:apply', { operation: { op: 'swap', shiftA: 40, shiftB: 42, reason: 'school holidays' } });
    await openPublish();
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await expectVisible(result.filter({ hasText: '0 created, 5 updated, 0 removed; 0 conflicts' }), 30_000);
    const after = await readCalendar(calendarUrl, server.authHeaders());
    expect(after.map((o) => o.href).sort()).toEqual(before.map((o) => o.href).sort());
    const changed = after.filter((o) => before.find((b) => b.href === o.href)?.etag !== o.etag);
    expect(changed).toHaveLength(5);
    expect(changed.filter((o) => /Engineer A/.test(o.ics) || /Engineer C/.test(o.ics))).toHaveLength(5);
    expect(app.session.pageErrors).toEqual([]);
  });

  test('asks for the password the browser version does not keep, and says "not yet published" while the server is down', async () => {
    const { page } = app;
    const calendarUrl = await server.makeCalendar('offline');
    await api(page, 'publish:save-target', {
      kind: 'caldav',
      name: 'Team calendar',
      calendarUrl,
      username: server.user,
      syncOnSave: true,
    });
    await openPublish();
    const dialog = page.getByTestId('publish-dialog');
    const prompt = dialog.getByRole('form', { name: 'Password for Team calendar' });
    await prompt.getByLabel('Password or app token for Team calendar').fill(server.password);
    await prompt.getByRole('button', { name: 'Use' }).click();
    await prompt.waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await expectVisible(dialog.getByTestId('publish-result').filter({ hasText: /\d+ created, 0 updated/ }), 30_000);
    await dialog.getByRole('button', { name: 'Close' }).click();

    await server.stop();
    try {
      // A saved edit is published by itself (the option is on); the server is away, so it waits.
      await api(page, 'schedule:apply', { operation: { op: 'swap', shiftA: 40, shiftB: 42, reason: 'fair is fair' } });
      await expectVisible(page.getByTestId('publish-state').filter({ hasText: 'Calendar: not yet published' }));
      expect(await api<{ pending: boolean }>(page, 'publish:status')).toMatchObject({ pending: true });
      await screenshot(page, 'publish-not-yet-published');
    } finally {
      await server.start();
    }
    await openPublish();
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await expectVisible(
      dialog.getByTestId('publish-result').filter({ hasText: '0 created, 5 updated, 0 removed' }),
      30_000,
    );
    await expectVisible(page.getByTestId('publish-state').filter({ hasText: 'Calendar: published' }));
    expect(app.session.pageErrors).toEqual([]);
  });
});
