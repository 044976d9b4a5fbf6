import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FairnessReport } from '../../src/shared/domain/fairness';
import type { Override } from '../../src/shared/model';
import type { ScheduleView } from '../../src/shared/views';
import { api, centerOf, drag } from './support/api';
import { expectVisible, openWatchbill, screenshot, type Session } from './support/browser';
import { THANKSGIVING_SPLIT } from './support/instants';
import { engineerName } from './support/seed';

// February 2027 in the example team's rotation (weekly from Thu 1 Jan 2026, A B C D, hand-off
// 09:00 New York): shift 57 (Thu 4 Feb) is B's, shift 58 (Thu 11 Feb) is C's.
const FEB_FROM = '2027-02-01T05:00:00.000Z';
const FEB_TO = '2027-03-01T05:00:00.000Z';

let session: Session;

beforeAll(async () => {
  session = await openWatchbill({ now: THANKSGIVING_SPLIT });
});

afterAll(async () => {
  await session?.close();
});

const schedule = () => api<ScheduleView>(session.page, 'schedule:get', { from: FEB_FROM, to: FEB_TO });
const primaryOfShift = async (index: number) => {
  const view = await schedule();
  const names = new Map<number, string>();
  const engineers = await api<{ id: number; name: string }[]>(session.page, 'engineers:list');
  for (const e of engineers) names.set(e.id, e.name);
  return [...new Set(view.segments.filter((s) => s.shiftIndex === index).map((s) => names.get(s.primaryId!)))];
};

async function openFebruary2027() {
  const { page } = session;
  await page.getByRole('button', { name: 'Calendar', exact: true }).click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Calendar' }));
  await page.getByTestId('quarter-picker').selectOption('2027-01-01');
  await expect.poll(() => page.getByTestId('calendar-title').innerText()).toBe('January 2027');
  await page.getByRole('button', { name: 'Next period' }).click();
  await expect.poll(() => page.getByTestId('calendar-title').innerText()).toBe('February 2027');
  await expectVisible(page.locator('.shift[data-shift="58"]').first());
}

/** What the roster shows as a person's burden minus fair share for the month in view. */
const rosterFigure = (name: string) =>
  session.page.locator('.roster__item', { hasText: name }).locator('.roster__diff').innerText();

describe('Calendar', () => {
  test('shows the month with shifts coloured per engineer, holidays and the roster', async () => {
    const { page } = session;
    await openFebruary2027();
    const first = page.locator('.shift[data-shift="57"]').first();
    expect(await first.innerText()).toContain(`${engineerName('B')} · backup ${engineerName('C')}`);
    await expectVisible(page.getByRole('region', { name: 'Roster' }));
    expect(await page.locator('.roster__item').count()).toBe(4);
    await screenshot(page, 'calendar-month');
    expect(session.pageErrors).toEqual([]);
  });

  test('dragging one shift onto another swaps them after a confirmation with fairness before and after', async () => {
    const { page } = session;
    const before = await rosterFigure(engineerName('B'));
    await drag(page, await centerOf(page, '.shift[data-shift="57"]'), await centerOf(page, '.shift[data-shift="58"]'));
    const dialog = page.getByTestId('preview-dialog');
    await expectVisible(dialog);
    await expectVisible(dialog.getByTestId('fairness-compare'));
    const text = await dialog.innerText();
    expect(text).toContain(`${engineerName('C')} takes primary from`);
    expect(text).toContain(`${engineerName('B')} takes primary from`);
    expect(text).toMatch(/Thu 4 Feb 2027, 09:00 EST/);
    expect(text).toMatch(/Team spread/);
    await screenshot(page, 'calendar-swap-dialog');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.locator('.shift[data-shift="57"]').first().innerText()).toContain(engineerName('C'));
    expect(await page.locator('.shift[data-shift="58"]').first().innerText()).toContain(engineerName('B'));
    // Saved, not only drawn.
    expect(await primaryOfShift(57)).toEqual([engineerName('C')]);
    expect(await primaryOfShift(58)).toEqual([engineerName('B')]);
    await expect.poll(() => page.getByTestId('undo').innerText()).toContain('Swap shifts');
    // The roster's figures are the main process's fairness for the weeks in view, after the swap.
    const after = await api<FairnessReport>(page, 'fairness:get', {
      period: { kind: 'custom', from: '2027-02-01', to: '2027-03-14' },
    });
    const b = after.engineers.find((r) => r.engineerId === 2)!;
    await expect.poll(() => rosterFigure(engineerName('B'))).toBe(signed(b.difference));
    expect(signed(b.difference)).not.toBe(before);
  });

  test('dragging an engineer from the roster onto a day makes them cover it', async () => {
    const { page } = session;
    const d = engineerName('D');
    await drag(
      page,
      await centerOf(page, `.roster__item:has-text("${d}")`),
      await centerOf(page, 'td[data-date="2027-02-16"]'),
    );
    await expect.poll(() => page.locator('td[data-date="2027-02-16"] .shift').first().innerText()).toContain(d);
    const cover = (await schedule()).overrides.find((o) => o.kind === 'manual' && o.role === 'primary');
    expect(cover).toMatchObject({ startsAt: '2027-02-16T05:00:00.000Z', endsAt: '2027-02-17T05:00:00.000Z' });
    expect(await page.locator('td[data-date="2027-02-16"] .shift__kind').first().innerText()).toMatch(/manual/i);
  });

  test('resizing the cover splits the week', async () => {
    const { page } = session;
    const d = engineerName('D');
    const event = page.locator('td[data-date="2027-02-16"] .shift', { hasText: d }).first();
    await event.hover();
    const resizer = event.locator('.fc-event-resizer-end');
    const box = (await resizer.boundingBox())!;
    await drag(
      page,
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
      await centerOf(page, 'td[data-date="2027-02-17"]'),
    );
    await expect.poll(async () => (await coverOf())?.endsAt).toBe('2027-02-18T05:00:00.000Z');
    // C's week (Thu 11 Feb – Thu 18 Feb) is now C, then D for two days, then C again.
    const view = await schedule();
    const week = view.segments.filter((s) => s.shiftIndex === 58).map((s) => s.primaryId);
    // After the swap the week is B's: B, then D for two days, then B again.
    expect(week.filter((id, i) => id !== week[i - 1])).toEqual([2, 4, 2]);
    await screenshot(page, 'calendar-split', 'screenshot-calendar.png');
  });

  // February 2027 begins on a Monday: the month grid shows six weeks, 1 February to 14 March.
  test('the roster shows each engineer’s fairness for the weeks in view, updated by the cover', async () => {
    const { page } = session;
    const report = await api<FairnessReport>(page, 'fairness:get', {
      period: { kind: 'custom', from: '2027-02-01', to: '2027-03-14' },
    });
    for (const row of report.engineers) {
      const name = engineerName(['A', 'B', 'C', 'D'][row.engineerId - 1]!);
      await expect.poll(() => rosterFigure(name)).toBe(signed(row.difference));
    }
    // Without D's cover, D carries less: undo it in the API's what-if and compare.
    const withoutCover = await api<{ fairness: { before: FairnessReport; after: FairnessReport } }>(
      page,
      'schedule:preview',
      {
        operation: { op: 'remove', overrideId: (await coverOf())!.id },
        period: { kind: 'custom', from: '2027-02-01', to: '2027-03-14' },
      },
    );
    const burdenOf = (r: FairnessReport, id: number) => r.engineers.find((e) => e.engineerId === id)!.burden;
    // Two weekdays as primary (Tue 16 and Wed 17 Feb) at weight 1 each; D was the backup those
    // days, and the cover handed that role to the primary it displaced, so without the cover D
    // is the backup again (0.25 a day): 2 − 0.5.
    expect(burdenOf(withoutCover.fairness.before, 4) - burdenOf(withoutCover.fairness.after, 4)).toBeCloseTo(1.5, 5);
  });

  test('undo and redo walk back and forth with the keyboard and the buttons', async () => {
    const { page } = session;
    await page.locator('.cal-main').click({ position: { x: 5, y: 5 } });
    await expect.poll(() => page.getByTestId('undo').innerText()).toContain('Resize cover');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await coverOf())?.endsAt).toBe('2027-02-17T05:00:00.000Z');
    await expect.poll(() => page.getByTestId('redo').innerText()).toContain('Resize cover');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await coverOf())?.endsAt).toBe('2027-02-18T05:00:00.000Z');
    // The buttons: undo the resize and the cover, then redo both.
    await page.getByTestId('undo').click();
    await expect.poll(() => page.getByTestId('undo').innerText()).toContain('Engineer D covers');
    await page.getByTestId('undo').click();
    await expect.poll(async () => await coverOf()).toBeUndefined();
    await expect.poll(() => page.locator('td[data-date="2027-02-16"] .shift').count()).toBe(0);
    await page.getByTestId('redo').click();
    await expect.poll(async () => (await coverOf())?.endsAt).toBe('2027-02-17T05:00:00.000Z');
    await page.getByTestId('redo').click();
    await expect.poll(async () => (await coverOf())?.endsAt).toBe('2027-02-18T05:00:00.000Z');
    await expect.poll(() => page.getByTestId('redo').isDisabled()).toBe(true);
  });

  test('after a reload every change is still there', async () => {
    const { page } = session;
    await page.reload();
    await openFebruary2027();
    expect(await page.locator('.shift[data-shift="57"]').first().innerText()).toContain(engineerName('C'));
    expect(await page.locator('.shift[data-shift="58"]').first().innerText()).toContain(engineerName('B'));
    await expectVisible(page.locator('td[data-date="2027-02-16"] .shift', { hasText: engineerName('D') }));
    expect(await page.getByTestId('undo').innerText()).toContain('Resize cover');
    const view = await schedule();
    const week = view.segments.filter((s) => s.shiftIndex === 58).map((s) => s.primaryId);
    expect(week.filter((id, i) => id !== week[i - 1])).toEqual([2, 4, 2]);
    expect(view.overrides.filter((o) => o.kind === 'swap').length).toBeGreaterThanOrEqual(2);
    expect(session.pageErrors).toEqual([]);
  });
});

async function coverOf(): Promise<Override | undefined> {
  return (await schedule()).overrides.find((o) => o.kind === 'manual' && o.role === 'primary' && o.engineerId === 4);
}

/** As the roster prints a difference. */
function signed(value: number): string {
  const rounded = Number(value.toFixed(1));
  if (rounded === 0) return '0.0';
  return rounded > 0 ? `+${rounded.toFixed(1)}` : `−${Math.abs(rounded).toFixed(1)}`;
}
