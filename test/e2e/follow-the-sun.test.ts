// A follow-the-sun pair on Today: New York answers 08:00–20:00 New York time, the Berlin
// members 20:00–08:00 New York time. The hand-off stays at 20:00 in New York on both sides of
// the US clock change (Sun 1 Nov 2026), so for the Berlin members it moves from 01:00 (the week
// Europe has already changed and the US has not) to 02:00 their time.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectVisible, openWatchbill, screenshot, type Session } from './support/browser';
import { addEngineer, addRotation } from './support/rotations';

const NEW_YORK = 'America/New_York';
const DAY = 'Follow the sun: New York';
const NIGHT = 'Follow the sun: Berlin';

/** The pair, from Mon 26 Oct 2026, weekly: Ana then Bo by day, Clara then Dirk by night. */
async function followTheSun(page: Page) {
  const ana = await addEngineer(page, 'Ana', '#2a9d8f', NEW_YORK);
  const bo = await addEngineer(page, 'Bo', '#e9c46a', NEW_YORK);
  const clara = await addEngineer(page, 'Clara', '#e76f51', 'Europe/Berlin');
  const dirk = await addEngineer(page, 'Dirk', '#6d597a', 'Europe/Berlin');
  const common = { timeZone: NEW_YORK, startDate: '2026-10-26' };
  await addRotation(page, {
    ...common,
    name: DAY,
    handoffTime: '08:00',
    members: [ana, bo],
    coverage: { weekdays: null, hours: { from: '08:00', until: '20:00' } },
  });
  await addRotation(page, {
    ...common,
    name: NIGHT,
    handoffTime: '20:00',
    members: [clara, dirk],
    coverage: { weekdays: null, hours: { from: '20:00', until: '08:00' } },
  });
  await page.reload();
}

/** Today's section for one rotation, once it shows. */
async function rotationOnToday(page: Page, name: string) {
  const section = page.getByRole('region', { name });
  await expectVisible(section);
  return section;
}
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

async function onToday(now: string, check: (page: Page) => Promise<void>, shot: string) {
  const session: Session = await openWatchbill({ now });
  try {
    const { page } = session;
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Today' }));
    await followTheSun(page);
    await check(page);
    await screenshot(page, shot);
    expect(session.pageErrors).toEqual([]);
  } finally {
    await session.close();
  }
}

describe('a follow-the-sun pair across the US clock change', () => {
  test('Fri 30 Oct, 19:00 EDT: Ana by day until 20:00 New York, Clara from then, 01:00 in Berlin', async () => {
    await onToday(
      '2026-10-30T23:00:00Z',
      async (page) => {
        const day = await rotationOnToday(page, DAY);
        const dayNow = flat(await day.getByTestId('oncall-now').innerText());
        expect(dayNow).toContain('Primary Ana Secondary Bo');
        expect(dayNow).toContain('until Fri 30 Oct, 20:00 EDT in 1 hour');
        // At 20:00 the New York half stops answering: Ana hands over to nobody from it.
        expect(flat(await day.getByRole('group', { name: 'Next hand-off' }).innerText())).toContain(
          'Fri 30 Oct, 20:00 EDT in 1 hour Ana → Nobody',
        );

        const night = await rotationOnToday(page, NIGHT);
        expect(flat(await night.getByTestId('nobody-now').innerText())).toBe(
          `Nobody from ${NIGHT} is on call now: it covers every day 20:00–08:00 New York time.`,
        );
        expect(flat(await night.getByRole('group', { name: 'Next hand-off' }).innerText())).toContain(
          'Fri 30 Oct, 20:00 EDT in 1 hour Nobody → Clara',
        );
        const nightNext = flat(await night.getByTestId('oncall-next').innerText());
        expect(nightNext).toContain('Primary Clara Secondary Dirk');
        expect(nightNext).toContain('from Fri 30 Oct, 20:00 EDT until Sat 31 Oct, 08:00 EDT');
        // Europe changed its clocks last Sunday, the US has not yet: five hours apart.
        expect(flat(await night.getByTestId('primary-clock').innerText())).toMatch(
          /^Sat 31 Oct, 01:00 \S+ for Clara \(Berlin time\)$/,
        );
      },
      'today-follow-the-sun-before',
    );
  });

  test('Mon 2 Nov, 19:00 EST: Bo by day until 20:00 New York, Dirk from then, 02:00 in Berlin', async () => {
    await onToday(
      '2026-11-03T00:00:00Z',
      async (page) => {
        const day = await rotationOnToday(page, DAY);
        const dayNow = flat(await day.getByTestId('oncall-now').innerText());
        expect(dayNow).toContain('Primary Bo Secondary Ana');
        expect(dayNow).toContain('until Mon 2 Nov, 20:00 EST in 1 hour');

        const night = await rotationOnToday(page, NIGHT);
        const nightNext = flat(await night.getByTestId('oncall-next').innerText());
        expect(nightNext).toContain('Primary Dirk Secondary Clara');
        expect(nightNext).toContain('from Mon 2 Nov, 20:00 EST until Tue 3 Nov, 08:00 EST');
        expect(flat(await night.getByTestId('primary-clock').innerText())).toMatch(
          /^Tue 3 Nov, 02:00 \S+ for Dirk \(Berlin time\)$/,
        );
        // Thanksgiving is held in each rotation: by day in New York, and by night from Berlin.
        const thanksgiving = page
          .getByRole('region', { name: 'Upcoming holidays' })
          .getByRole('row', { name: /Thanksgiving Day/ });
        await thanksgiving.scrollIntoViewIfNeeded();
        const held = flat(await thanksgiving.innerText());
        // The night half does not answer at noon: it holds the day with the night that runs into it.
        expect(held).toContain(`Ana (${DAY})`);
        expect(held).toContain(`Clara (${NIGHT})`);
        expect(held).not.toContain('Nobody');
        await screenshot(page, 'today-follow-the-sun-holidays');
        // With several rotations the subtitle says the moment in the team's zone.
        expect(flat(await page.locator('.screen-header__subtitle').innerText())).toBe(
          '3 rotations · each in its own time zone · as of Mon 2 Nov, 19:00 EST',
        );
      },
      'today-follow-the-sun-after',
    );
  });
});
