import { afterAll, beforeAll, test } from 'vitest';
import { centerOf, drag } from './support/api';
import { openWatchbill, screenshot, type Session } from './support/browser';

let session: Session;
beforeAll(async () => { session = await openWatchbill(); });
afterAll(async () => { await session?.close(); });

test('debug', async () => {
  const { page } = session;
  await page.getByRole('button', { name: 'Calendar', exact: true }).click();
  await page.getByTestId('quarter-picker').selectOption('2027-01-01');
  await page.getByRole('button', { name: 'Next period' }).click();
  await page.waitForTimeout(500);
  const from = await centerOf(page, '.roster__item:has-text("Engineer D")');
  const to = await centerOf(page, 'td[data-date="2027-02-16"]');
  console.log(from, to);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 16; i++) { await page.mouse.move(from.x + ((to.x - from.x) * i) / 16, from.y + ((to.y - from.y) * i) / 16); await page.waitForTimeout(12); }
  await screenshot(page, 'debug-mid');
  await page.mouse.up();
  await page.waitForTimeout(800);
  await screenshot(page, 'debug-after');
  console.log(session.pageErrors);
  void drag;
});
