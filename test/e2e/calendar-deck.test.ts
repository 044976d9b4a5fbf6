// The calendar keeps the months either side of the one in view drawn out of sight, so that
// Next and Previous show them at once. What a lead meets: the month that comes into view
// shows what is saved (also an edit made while it was out of sight), works with the keyboard
// and the mouse, and the months out of sight are never reached by keyboard, pointer or a
// screen reader.
import { expect, test } from 'vitest';
import type { ScheduleView } from '../../src/shared/views';
import { api, centerOf, drag } from './support/api';
import { eachTestOn, expectVisible } from './support/browser';
import { IN_VIEW, inView } from './support/calendar';
import { engineerName } from './support/seed';

// Wed 20 Jan 2027, 10:00 in New York: the calendar opens on January; December's grid ends on
// Sun 10 Jan. February is one "Next period" away. Shift 57 (Thu 4 Feb) is B's, 58 (Thu 11 Feb) C's.
const app = eachTestOn({ now: '2027-01-20T15:00:00Z' });
const KEPT = '[data-testid="calendar"] [data-period="kept"]';

const februarySchedule = () =>
  api<ScheduleView>(app.page, 'schedule:get', { from: '2027-02-01T05:00:00.000Z', to: '2027-03-01T05:00:00.000Z' });
const primariesOf = async (shift: number) => [
  ...new Set((await februarySchedule()).segments.filter((s) => s.shiftIndex === shift).map((s) => s.primaryId)),
];

/** Opens the calendar on January 2027 and waits until December and February are drawn out of sight. */
async function openJanuary() {
  const { page } = app;
  await page.getByRole('button', { name: 'Calendar', exact: true }).click();
  await expect.poll(() => page.getByTestId('calendar-title').innerText()).toBe('January 2027');
  await expectVisible(page.locator(inView('.shift')).first());
  await expect.poll(() => page.locator(`${KEPT} .shift`).count()).toBeGreaterThan(0);
  await expect.poll(() => page.locator(KEPT).count()).toBe(2);
}

test('after Previous, December shows its saved covers, also one made while January was shown', async () => {
  const { page } = app;
  await openJanuary();
  const d = engineerName('D');
  // Tue 5 Jan is also on December's last rows: covered in January, while December is drawn out of sight.
  await drag(
    page,
    await centerOf(page, `.roster__item:has-text("${d}")`),
    await centerOf(page, inView('td[data-date="2027-01-05"]')),
  );
  const dialog = page.getByTestId('preview-dialog');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expectVisible(page.getByRole('status').filter({ hasText: `Saved: ${d} covers.` }));

  await page.getByRole('button', { name: 'Previous period' }).click();
  await expect.poll(() => page.getByTestId('calendar-title').innerText()).toBe('December 2026');
  await expectVisible(page.locator(inView('td[data-date="2027-01-05"] .shift'), { hasText: d }).first());
  // Back on January, and on to February: each shows what is saved.
  await page.getByRole('button', { name: 'Next period' }).click();
  await expect.poll(() => page.getByTestId('calendar-title').innerText()).toBe('January 2027');
  await expectVisible(page.locator(inView('td[data-date="2027-01-05"] .shift'), { hasText: d }).first());
  await page.getByRole('button', { name: 'Next period' }).click();
  await expect.poll(() => page.getByTestId('calendar-title').innerText()).toBe('February 2027');
  await expectVisible(page.locator(inView('.shift[data-shift="58"]')).first());
});

test('the month that came into view works with the keyboard and by dragging', async () => {
  const { page } = app;
  await openJanuary();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.getByTestId('calendar-title').innerText()).toBe('February 2027');

  // Enter on a shift of February opens its details.
  await page.locator(inView('.shift[data-shift="57"]')).first().focus();
  await page.keyboard.press('Enter');
  await expectVisible(page.getByRole('dialog', { name: /Shift details/ }));
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

  // Dragging week 57 onto week 58 swaps them after Confirm.
  const [b] = await primariesOf(57);
  const [c] = await primariesOf(58);
  await drag(
    page,
    await centerOf(page, inView('.shift[data-shift="57"]')),
    await centerOf(page, inView('.shift[data-shift="58"]')),
  );
  const dialog = page.getByTestId('preview-dialog');
  await expectVisible(dialog.getByRole('heading', { name: 'Swap these shifts?' }));
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expectVisible(page.getByRole('status').filter({ hasText: 'Saved: Swap shifts' }));
  expect(await primariesOf(57)).toEqual([c]);
  expect(await primariesOf(58)).toEqual([b]);
});

test('the months out of sight are not seen, focused or read out', async () => {
  const { page } = app;
  await openJanuary();
  expect(await page.locator(KEPT).evaluateAll((els) => els.map((el) => el.getAttribute('aria-hidden')))).toEqual([
    'true',
    'true',
  ]);
  // Not seen, nor hit by the pointer: what lies at a kept shift's place belongs to January.
  await expect
    .poll(() =>
      page.locator(`${KEPT} .shift`).evaluateAll(
        (shifts, inView) =>
          shifts.every((shift) => {
            const box = shift.getBoundingClientRect();
            const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
            return !shift.contains(top) && (!top || !!top.closest(inView));
          }),
        IN_VIEW,
      ),
    )
    .toBe(true);

  // A shift out of sight cannot take focus, and Tab never lands in one.
  await page.locator(`${KEPT} .shift`).first().focus();
  expect(await page.evaluate((kept) => !!document.activeElement?.closest(kept), KEPT)).toBe(false);
  await page.locator(inView('.shift')).first().focus();
  const landed: boolean[] = [];
  for (let i = 0; i < 30; i += 1) {
    await page.keyboard.press('Tab');
    landed.push(
      await page.evaluate(
        ([kept, inView]) => !!document.activeElement?.closest(kept) && !document.activeElement?.closest(inView),
        [KEPT, IN_VIEW] as const,
      ),
    );
  }
  expect(landed.some(Boolean)).toBe(false);

  // A screen reader is given January's days only.
  const calendar = page.getByTestId('calendar');
  const januaryDays = await page.locator(inView('td.fc-daygrid-day')).count();
  expect(januaryDays).toBe(42);
  expect(await calendar.getByRole('gridcell').count()).toBe(januaryDays);
  expect(await calendar.getByRole('gridcell', { includeHidden: true }).count()).toBe(3 * januaryDays);
});
