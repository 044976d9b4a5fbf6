// "Who do I call now?" for a pipeline answered by a business-hours rotation: its engineer in
// its hours, and outside them nobody from it, with the call falling through to the next level.
import { expect, test } from 'vitest';
import { eachTestOn, expectVisible, screenshot } from './support/browser';
import { addEngineer, addRotation, routePipeline } from './support/rotations';

// Tue 24 Nov 2026, 10:00 in New York (EST).
const app = eachTestOn({ now: '2026-11-24T15:00:00Z' });

const levelTexts = async () =>
  (await app.page.getByTestId('who-panel').locator('.who__level').allInnerTexts()).map((t) =>
    t.replace(/\s+/g, ' ').trim(),
  );

test('Daily Growth at Tue 10:00 calls the business-hours engineer; at Tue 22:00 nobody from that rotation, so the owner', async () => {
  const { page } = app;
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Today' }));
  const ema = await addEngineer(page, 'Ema Experiments', '#2a9d8f', 'America/New_York');
  const finn = await addEngineer(page, 'Finn Experiments', '#e76f51', 'America/New_York');
  const layer = await addRotation(page, {
    name: 'Experiments, business hours',
    timeZone: 'America/New_York',
    startDate: '2026-11-23',
    handoffTime: '09:00',
    members: [ema, finn],
    coverage: { weekdays: [1, 2, 3, 4, 5], hours: { from: '09:00', until: '18:00' } },
  });
  await routePipeline(page, 'Daily Growth', layer);
  await page.reload();

  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Runbooks' }).click();
  await page.getByTestId('runbook-pick').filter({ hasText: 'Daily Growth' }).click();
  await expectVisible(page.getByRole('heading', { level: 2, name: 'Daily Growth' }));
  const who = page.getByTestId('who-panel');
  await expectVisible(who.getByText('On-call primary'));
  expect(await who.getByTestId('who-rotation').innerText()).toBe('On call from Experiments, business hours');
  const day = await levelTexts();
  expect(day[0]).toContain('On-call primary Ema Experiments');
  expect(day[1]).toContain('On-call secondary Finn Experiments');
  expect(day[2]).toContain('Pipeline primary owner Engineer D');
  expect(day.join(' ')).not.toContain('falls through');
  await screenshot(page, 'who-now-business-hours-day');

  // The same question for an incident at 22:00, as the lead asks it.
  await who.getByLabel(/Incident starts/).fill('2026-11-24T22:00');
  await expect.poll(async () => (await levelTexts())[0]).toContain('nobody');
  const night = await levelTexts();
  expect(night[0]).toBe(
    'at once On-call primary nobody Nobody from Experiments, business hours is on call now: it covers Mon–Fri 09:00–18:00 New York time → the call falls through to level 3: Engineer D',
  );
  expect(night[1]).toContain('Nobody from Experiments, business hours is on call then');
  expect(night[1]).toContain('→ the call falls through to level 3: Engineer D');
  expect(night[2]).toContain('Pipeline primary owner Engineer D');
  expect(await who.innerText()).toContain('For an incident starting Tue 24 Nov, 22:00 EST');
  await screenshot(page, 'who-now-business-hours-night');
  expect(app.session.pageErrors).toEqual([]);
});
