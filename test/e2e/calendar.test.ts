import { describe, expect, test } from 'vitest';
import type { LedgerReport as FairnessReport } from '../../src/shared/domain/ledger';
import type { Override } from '../../src/shared/model';
import type { ScheduleView } from '../../src/shared/views';
import { api, centerOf, drag } from './support/api';
import { eachTestOn, expectVisible, screenshot } from './support/browser';
import { engineerName } from './support/seed';
import { inView } from './support/calendar';

// February 2027 in the example team's rotation (weekly from Thu 1 Jan 2026, A B C D, hand-off
// 09:00 New York): shift 57 (Thu 4 Feb) is B's with C as backup, shift 58 (Thu 11 Feb) is C's
// with D as backup.
const FEB_FROM = '2027-02-01T05:00:00.000Z';
const FEB_TO = '2027-03-01T05:00:00.000Z';
// The roster's figures cover the quarter the calendar is on (February 2027: 2027-Q1), as Plan and Publish do.
const SELECTED_QUARTER = { kind: 'quarter', date: '2027-02-01' } as const;

// Wed 20 Jan 2027, 10:00 in New York: the lead rearranges February while it is still ahead,
// and the calendar opens on January, the month of that day, one "Next period" from February.
const app = eachTestOn({ now: '2027-01-20T15:00:00Z' });

const schedule = () => api<ScheduleView>(app.page, 'schedule:get', { from: FEB_FROM, to: FEB_TO });
const idOf = async (name: string) => {
  const engineers = await api<{ id: number; name: string }[]>(app.page, 'engineers:list');
  const engineer = engineers.find((e) => e.name === name);
  if (!engineer) throw new Error(`The database has no engineer '${name}'.`);
  return engineer.id;
};
const primaryOfShift = async (index: number) => {
  const view = await schedule();
  const names = new Map<number, string>();
  const engineers = await api<{ id: number; name: string }[]>(app.page, 'engineers:list');
  for (const e of engineers) names.set(e.id, e.name);
  return [...new Set(view.segments.filter((s) => s.shiftIndex === index).map((s) => names.get(s.primaryId!)))];
};
/** Who is primary through shift 58, one entry each time it changes hands. */
const handsOfShift58 = async () => {
  const week = (await schedule()).segments.filter((s) => s.shiftIndex === 58).map((s) => s.primaryId);
  return week.filter((id, i) => id !== week[i - 1]);
};

/** Opens the calendar (on the month of the app's today) and moves on to February 2027. */
async function openFebruary2027() {
  const { page } = app;
  await page.getByRole('button', { name: 'Calendar', exact: true }).click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Calendar' }));
  await expect.poll(() => page.getByTestId('calendar-title').innerText()).toBe('January 2027');
  await page.getByRole('button', { name: 'Next period' }).click();
  await expect.poll(() => page.getByTestId('calendar-title').innerText()).toBe('February 2027');
  await expectVisible(page.locator(inView('.shift[data-shift="58"]')).first());
}

// The edits a lead makes on the calendar, made through the API with the operations the
// calendar sends, so a test can start from them without another test having run.

/** Engineer D dropped from the roster onto Tue 16 Feb. */
async function dCoversTuesday() {
  await api(app.page, 'schedule:apply', {
    operation: {
      op: 'cover-days',
      dates: ['2027-02-16'],
      role: 'primary',
      engineerId: await idOf(engineerName('D')),
      kind: 'cover',
      reason: '',
    },
  });
}

/** D's cover on Tue 16 Feb, then stretched through Wed 17 Feb. */
async function dCoversTuesdayAndWednesday() {
  await dCoversTuesday();
  await api(app.page, 'schedule:apply', {
    operation: {
      op: 'reshape',
      overrideId: (await coverOf())!.id,
      startsAt: '2027-02-16T05:00:00.000Z',
      endsAt: '2027-02-18T05:00:00.000Z',
    },
  });
}

/** Shift 57 dragged onto shift 58. */
async function swapWeeks57And58() {
  await api(app.page, 'schedule:apply', {
    operation: { op: 'swap', shiftA: 57, shiftB: 58, reason: 'Swapped on the calendar' },
  });
}

/** The primaries drawn for a shift, each once, by id (every piece of it, in every week row). */
const drawnPrimaries = async (shift: number) => {
  const ids = await app.page
    .locator(inView(`.shift[data-shift="${shift}"]`))
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-primary'))));
  return [...new Set(ids)].sort();
};

/** What the roster shows as a person's burden minus fair share for the month in view. */
const rosterFigure = (name: string) =>
  app.page.locator('.roster__item', { hasText: name }).locator('.roster__diff').innerText();

describe('Calendar', () => {
  test('shows the month with shifts coloured per engineer, holidays and the roster', async () => {
    const { page } = app;
    await openFebruary2027();
    const first = page.locator(inView('.shift[data-shift="57"]')).first();
    expect(await first.innerText()).toContain(`${engineerName('B')} · backup ${engineerName('C')}`);
    await expectVisible(page.getByRole('region', { name: 'Roster' }));
    // The roster lists the team: each engineer once.
    const engineers = await api<{ name: string }[]>(page, 'engineers:list');
    const listed = await page.locator('.roster__item .roster__name').allInnerTexts();
    expect(listed).toHaveLength(engineers.length);
    expect(new Set(listed)).toEqual(new Set(engineers.map((e) => e.name)));
    await screenshot(page, 'calendar-month');
    expect(app.session.pageErrors).toEqual([]);
  });

  test('dragging one shift onto another swaps them after a confirmation with fairness before and after', async () => {
    const { page } = app;
    await openFebruary2027();
    const b = engineerName('B');
    const c = engineerName('C');
    await expect.poll(() => rosterFigure(b)).toMatch(/\d/);
    const before = await rosterFigure(b);
    await drag(
      page,
      await centerOf(page, inView('.shift[data-shift="57"]')),
      await centerOf(page, inView('.shift[data-shift="58"]')),
    );
    const dialog = page.getByTestId('preview-dialog');
    await expectVisible(dialog);
    await expectVisible(dialog.getByTestId('fairness-compare'));
    const text = await dialog.innerText();
    expect(text).toContain(`${c} takes primary from`);
    expect(text).toContain(`${b} takes primary from`);
    // In the app's current year, so without the year.
    expect(text).toContain(`${c} takes primary from Thu 4 Feb, 09:00 EST to Thu 11 Feb, 09:00 EST`);
    expect(text).toMatch(/Spread this period[\s\S]*Balance spread/);
    await screenshot(page, 'calendar-swap-dialog');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => drawnPrimaries(57)).toEqual([await idOf(c)]);
    await expect.poll(() => drawnPrimaries(58)).toEqual([await idOf(b)]);
    // Saved, not only drawn.
    expect(await primaryOfShift(57)).toEqual([c]);
    expect(await primaryOfShift(58)).toEqual([b]);
    await expect.poll(() => page.getByTestId('undo').innerText()).toContain('Swap shifts');
    // The roster's figures are the main process's fairness for the selected quarter, after the swap.
    const after = await api<FairnessReport>(page, 'fairness:get', { period: SELECTED_QUARTER });
    const bId = await idOf(b);
    const bAfter = after.engineers.find((r) => r.engineerId === bId)!;
    await expect.poll(() => rosterFigure(b)).toBe(signed(bAfter.difference));
    expect(signed(bAfter.difference)).not.toBe(before);
  });

  test('while its preview is read, the calendar behind shows the swap; Cancel puts every shift back, once', async () => {
    const { page } = app;
    await openFebruary2027();
    const [b, c] = [await idOf(engineerName('B')), await idOf(engineerName('C'))];
    const pieces = async () => page.locator(inView('.shift[data-shift="57"], .shift[data-shift="58"]')).count();
    const drawnBefore = await pieces();
    await drag(
      page,
      await centerOf(page, inView('.shift[data-shift="57"]')),
      await centerOf(page, inView('.shift[data-shift="58"]')),
    );
    const dialog = page.getByTestId('preview-dialog');
    await expectVisible(dialog.getByTestId('fairness-compare'));
    // Drawn ahead behind the dialog, not saved.
    await expect.poll(() => drawnPrimaries(57)).toEqual([c]);
    await expect.poll(() => drawnPrimaries(58)).toEqual([b]);
    expect(await primaryOfShift(57)).toEqual([engineerName('B')]);
    await screenshot(page, 'calendar-swap-drawn-ahead');

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => drawnPrimaries(57)).toEqual([b]);
    await expect.poll(() => drawnPrimaries(58)).toEqual([c]);
    // The shift that was dragged is back in its place, and drawn once.
    expect(await pieces()).toBe(drawnBefore);
    expect(await primaryOfShift(57)).toEqual([engineerName('B')]);
    expect(await page.getByTestId('undo').isDisabled()).toBe(true);
    expect(app.session.pageErrors).toEqual([]);
  });

  test('dragging an engineer from the roster onto a day makes them cover it', async () => {
    const { page } = app;
    await openFebruary2027();
    const d = engineerName('D');
    const before = new Set((await schedule()).overrides.map((o) => o.id));
    await drag(
      page,
      await centerOf(page, `.roster__item:has-text("${d}")`),
      await centerOf(page, inView('td[data-date="2027-02-16"]')),
    );
    // As a swap does, the cover shows what changes and waits for Confirm.
    const dialog = page.getByTestId('preview-dialog');
    await expectVisible(dialog.getByRole('heading', { name: `${d} covers this day?` }));
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.locator(inView('td[data-date="2027-02-16"] .shift')).first().innerText()).toContain(d);
    // D is primary for that day as the team counts it (midnight to midnight in New York), and
    // the backup role D leaves goes to C, the primary D displaced: those two overrides, no more.
    const day = { startsAt: '2027-02-16T05:00:00.000Z', endsAt: '2027-02-17T05:00:00.000Z', kind: 'cover' };
    const added = (await schedule()).overrides.filter((o) => !before.has(o.id));
    expect(new Set(added.map((o) => JSON.stringify(shapeOf(o))))).toEqual(
      new Set([
        JSON.stringify({ ...day, role: 'primary', engineerId: await idOf(d) }),
        JSON.stringify({ ...day, role: 'secondary', engineerId: await idOf(engineerName('C')) }),
      ]),
    );
    expect(added).toHaveLength(2);
    expect(await page.locator(inView('td[data-date="2027-02-16"] .shift__kind')).first().innerText()).toMatch(
      /^cover$/i,
    );
    await expect.poll(() => page.getByTestId('undo').innerText()).toContain(`${d} covers`);
  });

  test('resizing the cover splits the week', async () => {
    const { page } = app;
    await dCoversTuesday();
    await openFebruary2027();
    const d = engineerName('D');
    const event = page.locator(inView('td[data-date="2027-02-16"] .shift'), { hasText: d }).first();
    await event.hover();
    const resizer = event.locator('.fc-event-resizer-end');
    const box = (await resizer.boundingBox())!;
    await drag(
      page,
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
      await centerOf(page, inView('td[data-date="2027-02-17"]')),
    );
    await expect.poll(async () => (await coverOf())?.endsAt).toBe('2027-02-18T05:00:00.000Z');
    // C's week (Thu 11 Feb – Thu 18 Feb) is now C, then D for two days, then C again.
    expect(await handsOfShift58()).toEqual([
      await idOf(engineerName('C')),
      await idOf(d),
      await idOf(engineerName('C')),
    ]);
    await expect.poll(() => page.getByTestId('undo').innerText()).toContain('Resize cover');
    await screenshot(page, 'calendar-split', 'screenshot-calendar.png');
  });

  test('the roster shows each engineer’s fairness for the selected quarter, updated by the cover', async () => {
    const { page } = app;
    await dCoversTuesdayAndWednesday();
    await openFebruary2027();
    const report = await api<FairnessReport>(page, 'fairness:get', { period: SELECTED_QUARTER });
    const engineers = await api<{ id: number; name: string }[]>(page, 'engineers:list');
    expect(new Set(report.engineers.map((r) => r.engineerId))).toEqual(new Set(engineers.map((e) => e.id)));
    for (const row of report.engineers) {
      const name = engineers.find((e) => e.id === row.engineerId)!.name;
      await expect.poll(() => rosterFigure(name)).toBe(signed(row.difference));
    }
    // Without D's cover, D carries less: undo it in the API's what-if and compare.
    const withoutCover = await api<{ fairness: { before: FairnessReport; after: FairnessReport } }>(
      page,
      'schedule:preview',
      { operation: { op: 'remove', overrideId: (await coverOf())!.id }, period: SELECTED_QUARTER },
    );
    const d = await idOf(engineerName('D'));
    const rowOf = (r: FairnessReport, id: number) => r.engineers.find((e) => e.engineerId === id)!;
    // Two weekdays as primary (Tue 16 and Wed 17 Feb) at weight 1 each; D was the backup those
    // days, and the cover handed that role to the primary it displaced, so without the cover D
    // is the backup again (0.25 a day): 2 − 0.5.
    expect(rowOf(withoutCover.fairness.before, d).burden - rowOf(withoutCover.fairness.after, d).burden).toBeCloseTo(
      1.5,
      5,
    );
    // The roster shows D's figure with the cover, not the one without it.
    expect(await rosterFigure(engineerName('D'))).not.toBe(signed(rowOf(withoutCover.fairness.after, d).difference));
  });

  test('undo and redo walk back and forth with the keyboard and the buttons', async () => {
    const { page } = app;
    await dCoversTuesdayAndWednesday();
    await openFebruary2027();
    await page.locator('.cal-main').click({ position: { x: 5, y: 5 } });
    await expect.poll(() => page.getByTestId('undo').innerText()).toContain('Resize cover');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await coverOf())?.endsAt).toBe('2027-02-17T05:00:00.000Z');
    await expect.poll(() => page.getByTestId('redo').innerText()).toContain('Resize cover');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await coverOf())?.endsAt).toBe('2027-02-18T05:00:00.000Z');
    // The buttons: undo the resize and the cover, then redo both.
    await page.getByTestId('undo').click();
    await expect.poll(() => page.getByTestId('undo').innerText()).toContain(`${engineerName('D')} covers`);
    await page.getByTestId('undo').click();
    await expect.poll(async () => await coverOf()).toBeUndefined();
    await expect.poll(() => page.locator(inView('td[data-date="2027-02-16"] .shift')).count()).toBe(0);
    await page.getByTestId('redo').click();
    await expect.poll(async () => (await coverOf())?.endsAt).toBe('2027-02-17T05:00:00.000Z');
    await page.getByTestId('redo').click();
    await expect.poll(async () => (await coverOf())?.endsAt).toBe('2027-02-18T05:00:00.000Z');
    await expect.poll(() => page.getByTestId('redo').isDisabled()).toBe(true);
  });

  test('after a reload every change is still there', async () => {
    const { page } = app;
    await swapWeeks57And58();
    await dCoversTuesdayAndWednesday();
    const [b, c, d] = [engineerName('B'), engineerName('C'), engineerName('D')];
    const expectChangesShown = async () => {
      await openFebruary2027();
      await expect.poll(() => drawnPrimaries(57)).toEqual([await idOf(c)]);
      // Shift 58 is B's again around D's two days.
      await expect.poll(() => drawnPrimaries(58)).toEqual([await idOf(b), await idOf(d)].sort());
      await expectVisible(page.locator(inView('td[data-date="2027-02-16"] .shift'), { hasText: d }));
      await expect.poll(() => page.getByTestId('undo').innerText()).toContain('Resize cover');
    };
    await expectChangesShown();
    await page.reload();
    await expectChangesShown();
    // After the swap the week is B's: B, then D for two days, then B again.
    expect(await handsOfShift58()).toEqual([await idOf(b), await idOf(d), await idOf(b)]);
    expect(app.session.pageErrors).toEqual([]);
  });
});

const shapeOf = (o: Override) => ({
  startsAt: o.startsAt,
  endsAt: o.endsAt,
  kind: o.kind,
  role: o.role,
  engineerId: o.engineerId,
});

/** Engineer D's cover as saved. */
async function coverOf(): Promise<Override | undefined> {
  const d = await idOf(engineerName('D'));
  return (await schedule()).overrides.find((o) => o.kind === 'cover' && o.role === 'primary' && o.engineerId === d);
}

/** As the roster prints a difference. */
function signed(value: number): string {
  const tenths = Math.sign(value) * Math.round(Math.abs(value) * 10);
  if (tenths === 0) return '0.0';
  return tenths > 0 ? `+${(tenths / 10).toFixed(1)}` : `−${(-tenths / 10).toFixed(1)}`;
}
