// Several rotations on the screens: a business-hours rotation for the experiment pipelines
// beside the example team's, made on the Team screen, routed in the pipeline dialog, drawn as a
// layer on the calendar with its legend; a shift never leaves its rotation by a drop.
import { describe, expect, test } from 'vitest';
import type { Engineer, Pipeline, Rotation } from '../../src/shared/model';
import type { ScheduleView } from '../../src/shared/views';
import { api, centerOf, drag } from './support/api';
import { eachTestOn, expectVisible, screenshot } from './support/browser';
import { engineerName, seed } from './support/seed';
import { inView } from './support/calendar';

// Wed 20 Jan 2027, 10:00 in New York, as the calendar tests: February is ahead, one "Next period" away.
const app = eachTestOn({ now: '2027-01-20T15:00:00Z' });

const BUSINESS_HOURS = 'Experiments business hours';
const EXPERIMENT_PIPELINES = seed.pipelines.filter((p) => p.audience === 'experiments').map((p) => p.name);
const NEW_ENGINEERS = ['Engineer E', 'Engineer F'];
const FEB_FROM = '2027-02-01T05:00:00.000Z';
const FEB_TO = '2027-03-01T05:00:00.000Z';

/** Two engineers who take only the business-hours rotation. */
async function addExperimentEngineers(): Promise<number[]> {
  const ids: number[] = [];
  for (const [index, name] of NEW_ENGINEERS.entries()) {
    const engineer = await api<Engineer>(app.page, 'engineers:save', {
      name,
      color: ['#0e7490', '#a21caf'][index],
      timeZone: 'America/New_York',
    });
    ids.push(engineer.id);
  }
  return ids;
}

const rotations = () => api<Rotation[]>(app.page, 'rotations:list');
const nav = (screen: string) =>
  app.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen, exact: true });

describe('Several rotations on the screens', () => {
  test('a business-hours rotation made on the Team screen answers for the experiment pipelines and is a layer on the calendar', async () => {
    const { page } = app;
    await addExperimentEngineers();

    // The Team screen: the example team's rotation is listed; a new one is made beside it.
    await nav('Team').click();
    const list = page.getByRole('list', { name: 'Rotations' });
    await expectVisible(list.getByRole('listitem').filter({ hasText: 'Data engineering on-call' }));
    await page.getByRole('button', { name: 'New rotation' }).click();
    const form = page.getByRole('form', { name: 'Create a rotation' });
    await form.getByRole('textbox', { name: 'Name' }).fill(BUSINESS_HOURS);
    for (const name of NEW_ENGINEERS) {
      await form.getByRole('combobox', { name: 'Add an engineer' }).selectOption({ label: name });
      await form.getByRole('button', { name: 'Add to rotation' }).click();
    }
    await form.getByRole('radio', { name: 'Only some days or hours (a layer)' }).check();
    // Business hours are offered: Monday to Friday, 09:00 to 18:00.
    for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])
      expect(await form.getByRole('checkbox', { name: day, exact: true }).isChecked()).toBe(true);
    for (const day of ['Sat', 'Sun'])
      expect(await form.getByRole('checkbox', { name: day, exact: true }).isChecked()).toBe(false);
    await screenshot(page, 'team-rotation-editor');
    await form.getByRole('button', { name: 'Create rotation' }).click();
    await expectVisible(page.getByText('Rotation created.'));
    const item = list.getByRole('listitem').filter({ hasText: BUSINESS_HOURS });
    await expectVisible(item.getByText('Mon–Fri 09:00–18:00', { exact: false }));
    expect(await item.innerText()).toContain('Engineer E → Engineer F');
    await screenshot(page, 'team-rotations');

    const created = (await rotations()).find((r) => r.name === BUSINESS_HOURS)!;
    const engineers = await api<Engineer[]>(page, 'engineers:list');
    expect(created).toMatchObject({
      timeZone: 'America/New_York',
      startDate: '2027-01-20',
      coverage: { weekdays: [1, 2, 3, 4, 5], hours: { from: '09:00', until: '18:00' } },
      allowsDoubleDuty: false,
      archivedAt: null,
    });
    expect(created.memberIds.map((id) => engineers.find((e) => e.id === id)?.name)).toEqual(NEW_ENGINEERS);

    // The pipeline dialog routes each experiment pipeline to it.
    await nav('Ownership').click();
    await page.getByRole('button', { name: 'Matrix' }).click();
    for (const name of EXPERIMENT_PIPELINES) {
      await page.getByRole('button', { name: `Edit details of ${name}` }).click();
      const dialog = page.getByTestId('pipeline-dialog');
      await dialog.getByRole('combobox', { name: 'Answered by' }).selectOption({ label: BUSINESS_HOURS });
      if (name === EXPERIMENT_PIPELINES[0]) await screenshot(page, 'pipeline-dialog-answered-by');
      await dialog.getByRole('button', { name: 'Save pipeline' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    const pipelines = await api<{ pipeline: Pipeline }[]>(page, 'pipelines:list');
    const routed = new Map(pipelines.map((row) => [row.pipeline.name, row.pipeline.rotationId]));
    const first = (await rotations())[0]!;
    for (const pipeline of seed.pipelines)
      expect(routed.get(pipeline.name)).toBe(pipeline.audience === 'experiments' ? created.id : first.id);
    for (const name of EXPERIMENT_PIPELINES)
      await expectVisible(
        page.getByTestId('matrix-row').filter({ hasText: name }).locator('.answered-by', { hasText: BUSINESS_HOURS }),
      );

    // A pipeline no rotation answers for is said so, in the dialog and in the matrix.
    await page.getByRole('button', { name: 'Edit details of Aggregate Engagement' }).click();
    const dialog = page.getByTestId('pipeline-dialog');
    await dialog.getByRole('combobox', { name: 'Answered by' }).selectOption({ label: '— No rotation —' });
    await expectVisible(dialog.getByText('No rotation answers: nobody is called for this pipeline'));
    await dialog.getByRole('button', { name: 'Save pipeline' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectVisible(
      page.getByTestId('matrix-row').filter({ hasText: 'Aggregate Engagement' }).getByText('No rotation answers'),
    );
    const unrouted = await api<{ pipeline: Pipeline }[]>(page, 'pipelines:list');
    expect(unrouted.find((row) => row.pipeline.name === 'Aggregate Engagement')?.pipeline.rotationId).toBeNull();
    await page
      .getByTestId('ownership-matrix')
      .evaluate((el) => el.scrollIntoView({ block: 'start', inline: 'nearest' }));
    await screenshot(page, 'ownership-matrix-routed');

    // The calendar: both rotations, each with its mark in the legend and on its shifts.
    await nav('Calendar').click();
    await page.getByRole('button', { name: 'Next period' }).click();
    await expect.poll(() => page.getByTestId('calendar-title').innerText()).toBe('February 2027');
    const legend = page.getByRole('group', { name: 'Rotations' });
    await expectVisible(legend.getByText(BUSINESS_HOURS));
    await expectVisible(legend.getByText('Mon–Fri 09:00–18:00'));
    await expectVisible(legend.getByText('Working on'));
    const layerShifts = page.locator(inView(`.shift[data-rotation="${created.id}"]`));
    await expectVisible(layerShifts.first());
    await expectVisible(page.locator(inView(`.shift[data-rotation="${first.id}"]`)).first());
    // Business hours: a layer shift on every weekday of February (20), none at the weekend.
    const days = await page
      .locator(inView(`.fc-daygrid-day:has(.shift[data-rotation="${created.id}"])`))
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-date')));
    const february = days.filter((d) => d?.startsWith('2027-02'));
    expect(february).toHaveLength(20);
    expect(february.every((d) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()))).toBe(true);
    expect(await layerShifts.first().getAttribute('aria-label')).toMatch(
      new RegExp(`^${BUSINESS_HOURS}: (Engineer E|Engineer F) · backup`),
    );
    await screenshot(page, 'calendar-two-layers');

    // One rotation only: the layer is hidden, then shown again.
    await legend.getByRole('checkbox', { name: `Show ${BUSINESS_HOURS}` }).uncheck();
    await expect.poll(() => layerShifts.count()).toBe(0);
    await legend.getByRole('checkbox', { name: `Show ${BUSINESS_HOURS}` }).check();
    await expectVisible(layerShifts.first());
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await expectVisible(layerShifts.first());
    await screenshot(page, 'calendar-two-layers-week');
    expect(app.session.pageErrors).toEqual([]);
  });

  test('a shift dropped onto another rotation’s shift is refused with a message, and nothing changes', async () => {
    const { page } = app;
    const members = await addExperimentEngineers();
    const layer = await api<Rotation>(page, 'rotations:create', {
      name: BUSINESS_HOURS,
      timeZone: 'America/New_York',
      startDate: '2027-01-20',
      shiftDays: 7,
      handoffTime: '09:00',
      memberIds: members,
      coverage: { weekdays: [1, 2, 3, 4, 5], hours: { from: '09:00', until: '18:00' } },
    });
    const main = (await rotations()).find((r) => r.id !== layer.id)!;
    const scheduleOf = (rotationId: number) =>
      api<ScheduleView>(page, 'schedule:get', { rotationId, from: FEB_FROM, to: FEB_TO });
    const before = [await scheduleOf(main.id), await scheduleOf(layer.id)];

    await nav('Calendar').click();
    await page.getByRole('button', { name: 'Next period' }).click();
    await expect.poll(() => page.getByTestId('calendar-title').innerText()).toBe('February 2027');
    const week57 = inView(`.shift[data-rotation="${main.id}"][data-shift="57"]`);
    // Tue 16 Feb, in week 58 of the example team's rotation: the business-hours shift of that day.
    const theirs = inView(`.fc-daygrid-day[data-date="2027-02-16"] .shift[data-rotation="${layer.id}"]`);
    await expectVisible(page.locator(week57).first());
    await expectVisible(page.locator(theirs).first());
    await drag(page, await centerOf(page, week57), await centerOf(page, theirs));

    await expectVisible(page.getByText(`Not moved: that is a shift of ${BUSINESS_HOURS}.`));
    expect(await page.getByTestId('preview-dialog').count()).toBe(0);
    await screenshot(page, 'calendar-cross-rotation-refused');
    // Nothing changed in either rotation, and there is nothing to undo.
    expect(await scheduleOf(main.id)).toEqual(before[0]);
    expect(await scheduleOf(layer.id)).toEqual(before[1]);
    expect((await scheduleOf(main.id)).canUndo).toBeNull();
    // The shift is drawn where it was, still its primary's.
    const drawn = await page
      .locator(week57)
      .evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute('data-primary')))]);
    const b = (await api<Engineer[]>(page, 'engineers:list')).find((e) => e.name === engineerName('B'))!;
    expect(drawn).toEqual([String(b.id)]);
    expect(app.session.pageErrors).toEqual([]);
  });
});
