import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { addDays, startOfLocalDayMs } from '../../src/shared/domain/time';
import type { Override } from '../../src/shared/model';
import type { ScheduleView, SnapshotSummary } from '../../src/shared/views';
import { api, centerOf, drag } from './support/api';
import { eachTestOn, expectVisible, screenshot } from './support/browser';
import { THANKSGIVING_SPLIT } from './support/instants';
import { engineerName, seed } from './support/seed';
import { inView } from './support/calendar';

// The example team's rotation: weekly from Thu 1 Jan 2026, A B C D, hand-off 09:00 New York.
const ZONE = seed.rotation.timeZone;
const VIEW_NAMES = ['Month', 'Week', 'Quarter', 'List'] as const;

// Wed 2 Dec 2026, 21:00 in New York, when it is already Thu 3 Dec in UTC and in the browser's
// Berlin: "today" on the calendar must be the team's day, 2 December. Every quarter the tests
// plan, publish or edit lies ahead of it.
const app = eachTestOn({ now: THANKSGIVING_SPLIT });
const TEAM_TODAY = '2026-12-02';

beforeAll(() => {
  // A redraw on a busy two-core machine can take longer than expect.poll's default second.
  vi.setConfig({ expect: { poll: { timeout: 5_000, interval: 50 } } });
});

afterAll(() => {
  vi.resetConfig();
});

// Every test starts on the calendar as it opens.
beforeEach(async () => {
  await openCalendar();
});

/** [from, to) instants of the local dates first..last in the rotation's zone. */
const dayRange = (first: string, last: string) => ({
  from: new Date(startOfLocalDayMs(first, ZONE)).toISOString(),
  to: new Date(startOfLocalDayMs(addDays(last, 1), ZONE)).toISOString(),
});
const scheduleOf = (first: string, last: string) => api<ScheduleView>(app.page, 'schedule:get', dayRange(first, last));

const title = () => app.page.getByTestId('calendar-title').innerText();
const pressedViews = async () => {
  const group = app.page.getByRole('group', { name: 'View' });
  const pressed: string[] = [];
  for (const name of VIEW_NAMES) {
    if ((await group.getByRole('button', { name, exact: true }).getAttribute('aria-pressed')) === 'true')
      pressed.push(name);
  }
  return pressed;
};

async function openCalendar() {
  const { page } = app;
  await page.getByRole('button', { name: 'Calendar', exact: true }).click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Calendar' }));
  // (Also run from beforeEach, where expect.poll is not available.)
  await expectVisible(page.getByTestId('calendar-title').filter({ hasText: /\S/ }));
}

/** Picks a quarter in the toolbar (the month view shows its first month) and moves `months` on. */
async function showMonth(quarterStart: string, expectedTitle: string, months = 0) {
  const { page } = app;
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Month', exact: true }).click();
  await expect.poll(pressedViews).toEqual(['Month']);
  await page.getByTestId('quarter-picker').selectOption(quarterStart);
  for (let i = 0; i < months; i += 1) await page.getByRole('button', { name: 'Next period' }).click();
  await expect.poll(title).toBe(expectedTitle);
  await waitForShifts();
}

/** Shortcuts are ignored while a form field has the focus: click somewhere neutral first. */
async function press(...keys: string[]) {
  const { page } = app;
  if ((await page.locator('input:focus, textarea:focus, select:focus').count()) > 0)
    await page.getByTestId('calendar-title').click();
  for (const key of keys) await page.keyboard.press(key);
}

async function waitForShifts() {
  await expect.poll(() => app.page.locator(inView('.shift')).count()).toBeGreaterThan(0);
  await expect.poll(() => app.page.getByTestId('calendar').getAttribute('aria-busy')).toBe('false');
}

/** shift index → the primaries drawn for it, as the calendar shows them (`data-primary`). */
async function shownPrimaries(): Promise<Record<number, number[]>> {
  const pairs = await app.page
    .locator(inView('.shift'))
    .evaluateAll((els) => els.map((el) => [el.getAttribute('data-shift'), el.getAttribute('data-primary')]));
  return byShift(pairs.map(([shift, primary]) => [Number(shift), Number(primary)]));
}

/** shift index → the primaries the main process has saved, for the local dates first..last. */
async function savedPrimaries(first: string, last: string): Promise<Record<number, number[]>> {
  const view = await scheduleOf(first, last);
  return byShift(view.segments.map((s) => [s.shiftIndex, s.primaryId ?? 0]));
}

function byShift(pairs: [number, number][]): Record<number, number[]> {
  const map: Record<number, Set<number>> = {};
  for (const [shift, primary] of pairs) (map[shift] ??= new Set()).add(primary);
  return Object.fromEntries(Object.entries(map).map(([shift, set]) => [shift, [...set].sort()]));
}

/** The first and last day cells of a grid view (month or quarter). */
async function gridDates(): Promise<[string, string]> {
  const dates = await app.page
    .locator(inView('td.fc-daygrid-day[data-date]'))
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-date')!).sort());
  return [dates[0]!, dates[dates.length - 1]!];
}

/** What the calendar draws for the grid in view is what is saved for those days. */
async function expectGridShowsSaved() {
  const [first, last] = await gridDates();
  await expect.poll(shownPrimaries).toEqual(await savedPrimaries(first, last));
}

const overrideShape = (o: Override) => ({
  startsAt: o.startsAt,
  endsAt: o.endsAt,
  role: o.role,
  engineerId: o.engineerId,
  kind: o.kind,
});

describe('Calendar planning', () => {
  test('the view buttons switch between month, quarter, list and week, and show which one is on', async () => {
    const { page } = app;
    await showMonth('2027-01-01', 'January 2027');
    expect(await pressedViews()).toEqual(['Month']);
    const views = page.getByRole('group', { name: 'View' });

    await views.getByRole('button', { name: 'Quarter', exact: true }).click();
    await expect.poll(title).toBe('January – March 2027');
    await expect.poll(pressedViews).toEqual(['Quarter']);
    await expect
      .poll(() => page.locator(inView('.fc-multimonth-title')).allInnerTexts())
      .toEqual(['January', 'February', 'March']);
    await waitForShifts();
    // Every shift of the quarter is handed to the view, through the last (shift 64 starts Thu
    // 25 March). Whether they can be seen at this window size is the last test's concern.
    await expectGridShowsSaved();
    expect(
      await page.locator(inView('.fc-multimonth-month[data-date="2027-03"] .shift[data-shift="64"]')).count(),
    ).toBeGreaterThan(0);
    await screenshot(page, 'calendar-quarter');

    await views.getByRole('button', { name: 'List', exact: true }).click();
    await expect.poll(title).toBe('January 2027');
    await expect.poll(pressedViews).toEqual(['List']);
    await expect.poll(() => page.locator(inView('.fc-list-event.shift')).count()).toBeGreaterThan(0);
    await expect.poll(shownPrimaries).toEqual(await savedPrimaries('2027-01-01', '2027-01-31'));
    // A list row names both people, as the month's block does.
    const row = page.locator(inView('.fc-list-event.shift')).first();
    expect(await row.innerText()).toMatch(/Engineer [A-D] · backup Engineer [A-D]/);
    // Each shift is listed once, with when it ends, not again under every day it runs through.
    const january = await scheduleOf('2027-01-01', '2027-01-31');
    const listed = page.locator(inView('.fc-list-event.shift:visible'));
    await expect.poll(() => listed.count()).toBe(january.segments.length);
    for (const text of await listed.allInnerTexts()) expect(text).toMatch(/until \w{3} \d{1,2} \w{3}/);
    await screenshot(page, 'calendar-list');

    // 1 January 2027 is a Friday; weeks start on Monday.
    await views.getByRole('button', { name: 'Week', exact: true }).click();
    await expect.poll(title).toBe('Dec 28, 2026 – Jan 3, 2027');
    await expect.poll(pressedViews).toEqual(['Week']);
    await waitForShifts();
    await expect.poll(shownPrimaries).toEqual(await savedPrimaries('2026-12-28', '2027-01-03'));

    await views.getByRole('button', { name: 'Month', exact: true }).click();
    await expect.poll(title).toBe('January 2027');
    await expect.poll(pressedViews).toEqual(['Month']);
    await expectGridShowsSaved();
    expect(app.session.pageErrors).toEqual([]);
  });

  test('the keyboard switches views with M, W, Q and L, moves with the arrows and PageUp/PageDown, and T goes to today', async () => {
    const { page } = app;
    await showMonth('2027-01-01', 'January 2027');
    const planButton = () => page.getByRole('button', { name: /^Plan \d{4}-Q\d$/ }).innerText();

    await press('q');
    await expect.poll(title).toBe('January – March 2027');
    await expect.poll(pressedViews).toEqual(['Quarter']);
    await press('ArrowRight');
    await expect.poll(title).toBe('April – June 2027');
    // The toolbar follows the quarter in view.
    await expect.poll(planButton).toBe('Plan 2027-Q2');
    expect(await page.getByTestId('quarter-picker').inputValue()).toBe('2027-04-01');
    await waitForShifts();
    await expectGridShowsSaved();
    await press('PageDown');
    await expect.poll(title).toBe('July – September 2027');
    await press('ArrowLeft');
    await expect.poll(title).toBe('April – June 2027');
    await press('PageUp');
    await expect.poll(title).toBe('January – March 2027');
    await expect.poll(planButton).toBe('Plan 2027-Q1');

    await press('l');
    await expect.poll(title).toBe('January 2027');
    await expect.poll(pressedViews).toEqual(['List']);
    await press('ArrowRight');
    await expect.poll(title).toBe('February 2027');
    await expect.poll(shownPrimaries).toEqual(await savedPrimaries('2027-02-01', '2027-02-28'));
    await press('PageUp');
    await expect.poll(title).toBe('January 2027');
    await press('PageDown');
    await expect.poll(title).toBe('February 2027');

    await press('w');
    await expect.poll(title).toBe('Feb 1 – 7, 2027');
    await expect.poll(pressedViews).toEqual(['Week']);
    await press('ArrowRight');
    await expect.poll(title).toBe('Feb 8 – 14, 2027');
    await expect.poll(shownPrimaries).toEqual(await savedPrimaries('2027-02-08', '2027-02-14'));
    await press('PageUp');
    await expect.poll(title).toBe('Feb 1 – 7, 2027');

    await press('m');
    await expect.poll(title).toBe('February 2027');
    await expect.poll(pressedViews).toEqual(['Month']);

    // Today as the rotation's zone has it (the calendar shows the team's time, not the browser's).
    await press('t');
    await expect.poll(title).toBe('December 2026');
    await expect.poll(() => page.locator(inView('td.fc-day-today')).getAttribute('data-date')).toBe(TEAM_TODAY);
    expect(await page.locator(inView('td.fc-day-today')).count()).toBe(1);
    await waitForShifts();
    await expectGridShowsSaved();
    expect(app.session.pageErrors).toEqual([]);
  });

  test('Plan proposes a fairer quarter as a preview; Discard leaves the schedule as it was, Apply saves it and Undo takes it back', async () => {
    const { page } = app;
    await showMonth('2027-04-01', 'April 2027');
    const [first, last] = await gridDates();
    const quarterOverrides = async () =>
      (await scheduleOf('2027-04-01', '2027-06-30')).overrides.map(overrideShape).sort(byStart);
    const original = await savedPrimaries(first, last);
    const originalOverrides = await quarterOverrides();
    await expect.poll(shownPrimaries).toEqual(original);

    const panel = page.getByTestId('plan-panel');
    const propose = async () => {
      await page.getByRole('button', { name: 'Plan 2027-Q2', exact: true }).click();
      await expectVisible(panel);
      // The whole calendar becomes the proposal: every shift is drawn as a preview.
      await expect.poll(() => page.getByTestId('calendar').getAttribute('class')).toContain('is-preview');
      await expect.poll(() => page.locator(inView('.shift:not(.shift--preview)')).count()).toBe(0);
      await expect.poll(() => page.locator(inView('.shift.shift--preview')).count()).toBeGreaterThan(0);
      return shownPrimaries();
    };

    const proposal = await propose();
    await expectVisible(panel.getByRole('heading', { name: 'Proposed plan, 2027-04-01 to 2027-06-30' }));
    expect(await panel.innerText()).toMatch(
      /\d+ shifts planned, [1-9]\d* overrides added and \d+ removed\. .*nothing is saved yet/,
    );
    // The proposal changes who is on call, and nothing is saved yet.
    expect(proposal).not.toEqual(original);
    expect(await savedPrimaries(first, last)).toEqual(original);
    expect(await page.getByRole('button', { name: 'Assign cover…' }).isDisabled()).toBe(true);
    // Its fairness, before and after, for every engineer: the plan narrows the team's balance spread.
    const compare = panel.getByTestId('fairness-compare');
    expect(await compare.locator('tbody tr').count()).toBe(seed.engineers.length);
    // Under the default carry-over (capped) the plan evens the balance: carried in plus the quarter's difference.
    const spread = await compare.locator('tfoot tr[data-figure="balance-spread"] td.num').allInnerTexts();
    expect(spread).toHaveLength(2);
    const [spreadBefore, spreadAfter] = spread.map((text) => Number(text.replace('−', '-')));
    expect(spreadAfter).toBeLessThan(spreadBefore!);
    await screenshot(page, 'calendar-plan-preview');

    await panel.getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => panel.count()).toBe(0);
    await expect.poll(() => page.getByTestId('calendar').getAttribute('class')).not.toContain('is-preview');
    await expect.poll(() => page.locator(inView('.shift--preview')).count()).toBe(0);
    await expect.poll(shownPrimaries).toEqual(original);
    expect(await savedPrimaries(first, last)).toEqual(original);
    expect(await quarterOverrides()).toEqual(originalOverrides);

    const again = await propose();
    expect(again).toEqual(proposal);
    await panel.getByRole('button', { name: 'Apply plan' }).click();
    await expect.poll(() => panel.count()).toBe(0);
    await expectVisible(page.getByRole('status').filter({ hasText: 'Saved: Apply plan.' }));
    // What was previewed is what is saved, and drawn as the schedule again.
    await expect.poll(() => savedPrimaries(first, last)).toEqual(proposal);
    await expect.poll(() => page.locator(inView('.shift--preview')).count()).toBe(0);
    await expect.poll(shownPrimaries).toEqual(proposal);
    expect((await quarterOverrides()).length).toBeGreaterThan(originalOverrides.length);
    await expect.poll(() => page.getByTestId('undo').innerText()).toContain('Apply plan');

    await page.getByTestId('undo').click();
    await expect.poll(() => savedPrimaries(first, last)).toEqual(original);
    expect(await quarterOverrides()).toEqual(originalOverrides);
    await expect.poll(shownPrimaries).toEqual(original);
    await expect.poll(() => page.getByTestId('redo').innerText()).toContain('Apply plan');
    expect(app.session.pageErrors).toEqual([]);
  });

  test('Publish freezes the quarter; a cover dragged on afterwards is listed in Changes since published', async () => {
    const { page } = app;
    await showMonth('2027-07-01', 'July 2027');

    await page.getByRole('button', { name: 'Publish 2027-Q3', exact: true }).click();
    const publish = page.getByRole('dialog', { name: 'Publish 2027-Q3' });
    await expectVisible(publish);
    await publish.getByLabel('Note (optional)').fill('Sent to the team on Friday');
    await publish.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => publish.count()).toBe(0);
    await expectVisible(page.getByRole('status').filter({ hasText: 'Published 2027-07-01 to 2027-09-30.' }));
    const snapshots = await api<SnapshotSummary[]>(page, 'snapshots:list', {});
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({
      note: 'Sent to the team on Friday',
      rangeStart: dayRange('2027-07-01', '2027-09-30').from,
    });

    const changesButton = page.getByRole('button', { name: 'Changes since published' });
    const changes = page.getByTestId('changes-dialog');
    await changesButton.click();
    await expectVisible(changes);
    expect(await changes.innerText()).toContain('Nothing has changed since.');
    expect(await changes.innerText()).toContain('Sent to the team on Friday');
    await changes.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => changes.count()).toBe(0);

    // Wednesday 14 July: someone who is neither primary nor backup that day covers it.
    const day = '2027-07-14';
    const segment = (await scheduleOf(day, day)).segments.find(
      (s) => s.startsAt <= dayRange(day, day).from && s.endsAt >= dayRange(day, day).to,
    )!;
    expect(segment).toBeDefined();
    // The example team's engineers have the ids 1 to 4, in the seed's order.
    const wasPrimary = seed.engineers[segment.primaryId! - 1]!.name;
    const cover = seed.engineers.find((_, i) => ![segment.primaryId, segment.secondaryId].includes(i + 1))!.name;
    await drag(
      page,
      await centerOf(page, `.roster__item:has-text("${cover}")`),
      await centerOf(page, inView(`td[data-date="${day}"]`)),
    );
    await page.getByTestId('preview-dialog').getByRole('button', { name: 'Confirm' }).click();
    await expect
      .poll(() =>
        page
          .locator(inView(`td[data-date="${day}"] .shift`))
          .first()
          .innerText(),
      )
      .toContain(cover);
    await expectVisible(page.getByRole('status').filter({ hasText: `Saved: ${cover} covers.` }));

    await changesButton.click();
    await expectVisible(changes);
    const rows = changes.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const cells = await rows.first().locator('td').allInnerTexts();
    expect(cells[0]).toBe('primary');
    expect(cells[1]).toMatch(/^Wed 14 Jul( 2027)?, 00:00 EDT$/);
    expect(cells[2]).toMatch(/^Thu 15 Jul( 2027)?, 00:00 EDT$/);
    expect(cells[3]).toBe(wasPrimary);
    expect(cells[4]).toBe(cover);
    // The whole table and the Close button fit in the dialog, without scrolling sideways.
    expect(await changes.evaluate((dialog) => dialog.scrollWidth - dialog.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'calendar-changes-since-published');
    await changes.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => changes.count()).toBe(0);
    expect(app.session.pageErrors).toEqual([]);
  });

  test('clicking an override opens its details: its reason is edited and saved, then the override is removed for good', async () => {
    const { page } = app;
    // The seeded New Year cover: Engineer C holds primary from 31 Dec 09:00 to 2 Jan 09:00.
    const seeded = seed.overrides.find((o) => o.reason.includes('New Year'))!;
    const cover = engineerName(seeded.engineer);
    const findOverride = async () =>
      (await scheduleOf('2026-12-31', '2027-01-02')).overrides.find(
        (o) => o.startsAt === seeded.startsAt && o.kind === seeded.kind && o.role === seeded.role,
      );
    const saved = (await findOverride())!;
    expect(saved).toMatchObject({ reason: seeded.reason, kind: 'holiday_cover' });

    await showMonth('2026-10-01', 'December 2026', 2);
    const newYear = page.locator(inView('td[data-date="2026-12-31"] .shift'), { hasText: 'holiday' });
    await expect.poll(() => newYear.first().innerText()).toContain(cover);

    const details = page.getByTestId('event-dialog');
    const open = async () => {
      await newYear.first().click();
      await expectVisible(details);
      expect(await details.getByRole('heading', { name: 'Shift details' }).count()).toBe(1);
    };
    await open();
    const text = await details.innerText();
    expect(text).toContain('Changed by an override:');
    expect(text).toMatch(new RegExp(`Primary\\s+${cover}`));
    const editor = details.getByRole('region', { name: 'holiday cover override' });
    const reason = editor.getByLabel('Reason');
    expect(await reason.inputValue()).toBe(seeded.reason);
    const saveReason = editor.getByRole('button', { name: 'Save reason' });
    expect(await saveReason.isDisabled()).toBe(true);
    const newReason = 'Engineer C covers New Year; Engineer A takes Thanksgiving 2027 in return.';
    await reason.fill(newReason);
    await saveReason.click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Reason saved.' }));
    await expect.poll(async () => (await findOverride())?.reason).toBe(newReason);
    await expect.poll(() => saveReason.isDisabled()).toBe(true);
    await details.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => details.count()).toBe(0);

    // Opened again, the dialog shows the saved reason.
    await open();
    expect(await details.getByLabel('Reason').inputValue()).toBe(newReason);
    await screenshot(page, 'calendar-override-details');

    await details.getByRole('button', { name: 'Remove override' }).click();
    await expect.poll(() => details.count()).toBe(0);
    await expectVisible(page.getByRole('status').filter({ hasText: 'Saved: Remove override.' }));
    await expect.poll(findOverride).toBeUndefined();
    await expect.poll(() => newYear.count()).toBe(0);
    // The rotation's own primary is back for New Year, on screen as saved.
    const after = (await scheduleOf('2027-01-01', '2027-01-01')).segments[0]!;
    expect(after.overrideIds).toEqual([]);
    expect(after.primaryId).not.toBe(saved.engineerId);
    await expectGridShowsSaved();

    await page.reload();
    await openCalendar();
    await showMonth('2026-10-01', 'December 2026', 2);
    await expect.poll(() => page.locator(inView('td[data-date="2026-12-31"] .shift')).count()).toBeGreaterThan(0);
    expect(await newYear.count()).toBe(0);
    await expectGridShowsSaved();
    expect(await findOverride()).toBeUndefined();
    expect((await scheduleOf('2026-12-31', '2027-01-02')).overrides.some((o) => o.id === saved.id)).toBe(false);
    expect(app.session.pageErrors).toEqual([]);
  });
});

// Two faults the Quarter view had, found while writing the tests above.
describe('Calendar quarter view', () => {
  // FullCalendar 6 does not take the date given to changeView as its current date: the Quarter
  // view started at the month in view, while the toolbar's quarter picker and "Plan <quarter>"
  // name the calendar quarter.
  test('opening Quarter in the second month of a quarter shows that whole quarter', async () => {
    const { page } = app;
    await showMonth('2027-01-01', 'February 2027', 1);
    await expect.poll(() => page.getByRole('button', { name: /^Plan \d{4}-Q\d$/ }).innerText()).toBe('Plan 2027-Q1');
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Quarter', exact: true }).click();
    await expect.poll(pressedViews).toEqual(['Quarter']);
    await expect.poll(title, { timeout: 2_000 }).toBe('January – March 2027');
  });

  // FullCalendar's multi-month view always limits each day to the events that fit, and at the
  // desktop window's default size (1280 × 800) a day fitted none: every day showed "+1" or "+2".
  test('the Quarter view shows the shifts at the default window size', async () => {
    const { page } = app;
    await showMonth('2027-01-01', 'January 2027');
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Quarter', exact: true }).click();
    await expect.poll(title).toBe('January – March 2027');
    await expect.poll(() => page.locator(inView('.fc-multimonth .shift')).count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator(inView('.fc-multimonth .shift:visible')).count(), { timeout: 2_000 })
      .toBeGreaterThan(0);
    expect(await page.locator(inView('.fc-multimonth .fc-daygrid-more-link:visible')).count()).toBe(0);
  });
});

function byStart(a: { startsAt: string; role: string }, b: { startsAt: string; role: string }): number {
  return a.startsAt.localeCompare(b.startsAt) || a.role.localeCompare(b.role);
}
