// The calendar as a lead who works from the keyboard, or reads the names on it, meets it:
// swapping without a mouse, covers that ask before they save, holiday names in every view,
// and where keyboard focus goes.
import { describe, expect, test } from 'vitest';
import type { ScheduleView } from '../../src/shared/views';
import { api, centerOf, drag, planDrill } from './support/api';
import { eachTestOn, expectVisible, screenshot } from './support/browser';
import { engineerName } from './support/seed';
import { inView } from './support/calendar';

// Mon 21 Dec 2026, 10:00 in New York: the calendar opens on December, with Christmas Day on
// Friday 25 and New Year's Day on Friday 1 Jan.
const app = eachTestOn({ now: '2026-12-21T15:00:00Z' });
const DEC = { from: '2026-11-30T05:00:00.000Z', to: '2027-01-11T05:00:00.000Z' };

const schedule = () => api<ScheduleView>(app.page, 'schedule:get', DEC);
const primariesOf = async (shift: number) => [
  ...new Set((await schedule()).segments.filter((s) => s.shiftIndex === shift).map((s) => s.primaryId)),
];

async function openCalendar() {
  const { page } = app;
  await page.getByRole('button', { name: 'Calendar', exact: true }).click();
  await expect.poll(() => page.getByTestId('calendar-title').innerText()).toBe('December 2026');
  await expectVisible(page.locator(inView('.shift')).first());
}

/** The shift shown on Mon 14 Dec: the week that begins on Thu 10 Dec. */
const shiftOn14December = async () =>
  Number(await app.page.locator(inView('td[data-date="2026-12-14"] .shift')).first().getAttribute('data-shift'));

/** Shift details of a shift, opened from the keyboard: focus on it, then Enter. */
async function openDetailsOf(shift: number) {
  await app.page
    .locator(inView(`.shift[data-shift="${shift}"]`))
    .first()
    .focus();
  await app.page.keyboard.press('Enter');
  const details = app.page.getByTestId('event-dialog');
  await expectVisible(details);
  return details;
}

/** Whether an element's text is cut (wider than the box it is shown in). */
const isCut = (selector: string) =>
  app.page
    .locator(selector)
    .first()
    .evaluate((el) => el.scrollWidth > el.clientWidth + 1);

describe('the calendar from the keyboard', () => {
  test('Enter on a shift, then choosing a week in Shift details, swaps them after Confirm', async () => {
    const { page } = app;
    await openCalendar();
    // The week that begins on Thu 10 Dec and the one after it.
    const shift = await shiftOn14December();
    const [mine] = await primariesOf(shift);
    const [theirs] = await primariesOf(shift + 1);
    expect(mine).not.toBe(theirs);

    const details = await openDetailsOf(shift);
    await details.getByLabel('Swap this week with').focus();
    await details.getByLabel('Swap this week with').selectOption(String(shift + 1));
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate<string | null>('document.activeElement?.textContent ?? null')).toBe('Swap…');
    await page.keyboard.press('Enter');

    const preview = page.getByTestId('preview-dialog');
    await expectVisible(preview.getByRole('heading', { name: 'Swap these shifts?' }));
    // Focus is in the dialog while the preview is worked out, and on Confirm once it can be pressed.
    const focused = () => page.evaluate<string | null>('document.activeElement?.textContent ?? null');
    expect(await preview.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
    await expect.poll(focused).toBe('Confirm');
    await page.keyboard.press('Enter');
    await expect.poll(() => primariesOf(shift)).toEqual([theirs]);
    expect(await primariesOf(shift + 1)).toEqual([mine]);
    await expect.poll(() => page.getByTestId('undo').innerText()).toContain('Swap shifts');
  });

  test('Escape leaves a swap unmade: focus is in its dialog from the moment it opens', async () => {
    const { page } = app;
    await openCalendar();
    const shift = await shiftOn14December();
    const [mine] = await primariesOf(shift);
    const details = await openDetailsOf(shift);
    await details.getByLabel('Swap this week with').selectOption(String(shift + 1));
    await details.getByRole('button', { name: 'Swap…' }).press('Enter');
    const preview = page.getByTestId('preview-dialog');
    await expectVisible(preview.getByRole('heading', { name: 'Swap these shifts?' }));
    await page.keyboard.press('Escape');
    await expect.poll(() => preview.count()).toBe(0);
    // Not saved, and the week drawn as it was.
    expect(await primariesOf(shift)).toEqual([mine]);
    const drawn = () =>
      page
        .locator(inView(`.shift[data-shift="${shift}"]`))
        .evaluateAll((els) => [...new Set(els.map((el) => Number(el.getAttribute('data-primary'))))]);
    await expect.poll(drawn).toEqual([mine]);
  });

  test('Shift details of the piece the month begins in tell when it really began, not where the grid does', async () => {
    const { page } = app;
    await openCalendar();
    // December's grid begins on Mon 30 Nov at midnight; the example team's week of Thu 26 Nov
    // has B taking over from Sun 29 Nov at 21:00 to the hand-off on Thu 3 Dec.
    await page.locator(inView('td[data-date="2026-11-30"] .shift')).first().focus();
    await page.keyboard.press('Enter');
    const details = page.getByTestId('event-dialog');
    await expectVisible(details);
    const facts = await details.locator('dl.details').innerText();
    expect(facts).toMatch(/From\s+Sun 29 Nov, 21:00 EST\s+To\s+Thu 3 Dec, 09:00 EST/);
  });

  test('a quarter day’s “+2” opens the day’s whole list, which closes with its own ×', async () => {
    const { page } = app;
    // Mon 21 Dec: a shift, the drills due (one chip) and two drills planned, more than the day's room.
    for (const at of ['2026-12-21T16:00:00Z', '2026-12-21T19:00:00Z'])
      await planDrill(page, { pipeline: 'Aggregate Profit', scenario: 'Job failures', at, facilitator: 'Engineer C' });
    await openCalendar();
    await page.keyboard.press('q');
    await expect.poll(() => page.getByTestId('calendar-title').innerText()).toBe('October – December 2026');
    const more = page.locator(inView('td[data-date="2026-12-21"] .fc-more-link'));
    expect(await more.innerText()).toMatch(/^\+\d$/);
    await more.click();
    const list = page.locator('.fc-popover');
    await expectVisible(list.getByText(/^\d drills due$/));
    expect(await list.getByText('Aggregate Profit — Job failures', { exact: true }).count()).toBe(2);
    // Drawn whole where it is placed, past the grid's right edge: its right edge is its own, not cut off.
    const wholeToTheRight = await list.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return el.contains(document.elementFromPoint(box.right - 2, box.top + box.height / 2));
    });
    expect(wholeToTheRight).toBe(true);
    await list.locator('.fc-popover-close').click();
    await expect.poll(() => list.count()).toBe(0);
  });

  test('Quarter, then Today, then Month shows this month, not the quarter’s first', async () => {
    const { page } = app;
    await openCalendar();
    await page.keyboard.press('q');
    await expect.poll(() => page.getByTestId('calendar-title').innerText()).toBe('October – December 2026');
    await page.keyboard.press('t');
    await page.keyboard.press('m');
    await expect.poll(() => page.getByTestId('calendar-title').innerText()).toBe('December 2026');
  });
});

describe('covering by dragging a name', () => {
  test('asks first: Cancel leaves the day as it was, Confirm saves the cover', async () => {
    const { page } = app;
    await openCalendar();
    const d = engineerName('D');
    const day = '2026-12-16';
    const before = (await schedule()).overrides.length;
    const dropD = async () =>
      drag(
        page,
        await centerOf(page, `.roster__item:has-text("${d}")`),
        await centerOf(page, inView(`td[data-date="${day}"]`)),
      );

    await dropD();
    const dialog = page.getByTestId('preview-dialog');
    await expectVisible(dialog.getByRole('heading', { name: `${d} covers this day?` }));
    await expect.poll(() => dialog.innerText()).toContain(`${d} takes primary from`);
    await screenshot(page, 'calendar-cover-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await schedule()).overrides).toHaveLength(before);

    await dropD();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: `Saved: ${d} covers.` }));
    expect((await schedule()).overrides.length).toBeGreaterThan(before);
    // The one-day cover names its backup too, whole.
    const cover = page.locator(inView(`td[data-date="${day}"] .shift`), { hasText: d }).first();
    await expectVisible(cover.locator('.shift__backup'));
    expect(await cover.locator('.shift__backup').innerText()).toMatch(/^backup Engineer [A-D]$/);
    expect(await cover.locator('.shift__backup').evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  });
});

describe('holiday names', () => {
  test('are shown whole in the month, in the week’s day headers, under the quarter and in the list', async () => {
    const { page } = app;
    await openCalendar();
    const month = page.locator(inView('td[data-date="2026-12-25"] .day-holiday'));
    await expect.poll(() => month.innerText()).toBe('Christmas Day');
    expect(await isCut(inView('td[data-date="2026-12-25"] .day-holiday'))).toBe(false);
    await screenshot(page, 'calendar-holidays-month');

    await page.keyboard.press('w');
    await expect.poll(() => page.getByTestId('calendar-title').innerText()).toBe('Dec 21 – 27, 2026');
    const header = page.locator(inView('th.fc-col-header-cell[data-date="2026-12-25"]'));
    await expect.poll(() => header.innerText()).toContain('Christmas Day');
    expect(await isCut(inView('th.fc-col-header-cell[data-date="2026-12-25"] .day-holiday'))).toBe(false);

    await page.keyboard.press('q');
    const strip = page.getByTestId('holiday-strip');
    await expectVisible(strip);
    const text = await strip.innerText();
    expect(text).toContain('Fri 25 Dec Christmas Day');
    expect(text).toContain('Thu 26 Nov Thanksgiving Day');
    // December's grid shows 1 January greyed: that holiday is the next quarter's.
    expect(text).not.toContain('New Year’s Day');
    expect(text).not.toContain("New Year's Day");
    await screenshot(page, 'calendar-holidays-quarter');

    await page.keyboard.press('l');
    await expect.poll(() => page.getByTestId('calendar-title').innerText()).toBe('December 2026');
    const listed = page.locator(inView('.fc-list-day[data-date="2026-12-25"]'));
    await expect.poll(() => listed.innerText()).toMatch(/December 25, 2026\s*Christmas Day\s*Friday/);
    expect(await isCut(inView('.fc-list-day[data-date="2026-12-25"] .day-holiday'))).toBe(false);
    await screenshot(page, 'calendar-holidays-list');
  });
});

describe('focus after changing screens', () => {
  test('lands on the new screen’s title, also when the screen draws it after loading', async () => {
    const { page } = app;
    const focusedHeading = () =>
      page.evaluate<string | null>(
        "document.activeElement?.tagName === 'H1' ? document.activeElement.textContent : null",
      );
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Team' }).click();
    await expect.poll(focusedHeading).toBe('Team');
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Calendar' }).click();
    await expectVisible(page.locator(inView('.shift')).first());
    await expect.poll(focusedHeading).toBe('Calendar');
    // From the keyboard too: the Enter that chose the screen leaves focus on its title.
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Fairness' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focusedHeading).toBe('Fairness');
  });
});
