// The Export screen of a team with two rotations: the lead chooses which the files cover.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { Download, Locator } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { api } from './support/api';
import { eachTestOn, expectVisible, screenshot } from './support/browser';

// Wed 12 May 2027, 11:00 in New York: this quarter is 2027-Q2.
const app = eachTestOn({ now: '2027-05-12T15:00:00Z' });
const WEEKLY = 'Data engineering on-call';
const BUSINESS = 'Experiments (business hours)';

interface Engineer {
  id: number;
  name: string;
}

async function addBusinessHours() {
  const engineers = await api<Engineer[]>(app.page, 'engineers:list');
  const id = (name: string) => engineers.find((e) => e.name === name)!.id;
  await api(app.page, 'rotations:create', {
    name: BUSINESS,
    timeZone: 'America/New_York',
    startDate: '2027-04-05',
    shiftDays: 7,
    handoffTime: '09:00',
    memberIds: [id('Engineer C'), id('Engineer D')],
    coverage: { weekdays: [1, 2, 3, 4, 5], hours: { from: '09:00', until: '18:00' } },
    allowsDoubleDuty: true,
  });
  const { page } = app;
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Export & import' }).click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Export & import' }));
}

async function downloadFrom(button: Locator): Promise<{ name: string; text: string }> {
  const [download] = (await Promise.all([app.page.waitForEvent('download'), button.click()])) as [Download, void];
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

const rotationsIn = (ics: string) =>
  new Set(
    new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((v) => v.getFirstPropertyValue('x-watchbill-rotation'))
      .filter(Boolean),
  );

describe('Export with several rotations', () => {
  test('the lead chooses the rotations; the calendar file and the spreadsheet hold those', async () => {
    await addBusinessHours();
    const { page } = app;
    const picker = page.getByRole('group', { name: 'Rotations' });
    await expectVisible(picker);
    await expect.poll(() => picker.getByRole('checkbox', { name: WEEKLY }).isChecked()).toBe(true);
    expect(await picker.getByRole('checkbox', { name: BUSINESS }).isChecked()).toBe(true);
    await expectVisible(picker.getByText(/Every active rotation: each calendar event and spreadsheet row names/));
    const ics = page
      .locator('section.export-card')
      .filter({ has: page.getByRole('heading', { name: 'Calendar file' }) });
    const both = await downloadFrom(ics.getByRole('button', { name: 'Export calendar file' }));
    expect(rotationsIn(both.text)).toEqual(new Set([WEEKLY, BUSINESS]));

    await picker.getByRole('checkbox', { name: WEEKLY }).uncheck();
    await screenshot(page, 'export-rotations');
    const one = await downloadFrom(ics.getByRole('button', { name: 'Export calendar file' }));
    expect(one.name).toBe('watchbill-experiments-business-hours-team-2027-04-01-to-2027-06-30.ics');
    expect(rotationsIn(one.text)).toEqual(new Set([BUSINESS]));
    const csv = page.locator('section.export-card').filter({ has: page.getByRole('heading', { name: 'Spreadsheet' }) });
    const rows = (await downloadFrom(csv.getByRole('button', { name: 'Export schedule CSV' }))).text
      .trim()
      .split(/\r?\n/)
      .slice(1);
    expect(new Set(rows.map((r) => r.split(',')[0]))).toEqual(new Set([BUSINESS]));

    await picker.getByRole('checkbox', { name: BUSINESS }).uncheck();
    await expectVisible(picker.getByText('Choose at least one rotation.'));
    expect(await ics.getByRole('button', { name: 'Export calendar file' }).isDisabled()).toBe(true);
  });

  test('an on-call history goes into the rotation the lead chooses', async () => {
    await addBusinessHours();
    const { page } = app;
    await page
      .getByRole('group', { name: 'What to import' })
      .getByRole('button', { name: /On-call history/ })
      .click();
    await page.getByTestId('import-file').setInputFiles({
      name: 'history.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('name,start,end,role\nEngineer C,2027-03-01 09:00,2027-03-05 18:00,primary\n'),
    });
    // Two rotations and none chosen: the preview says to choose.
    await expectVisible(page.getByTestId('import-preview').getByText(/this database has 2 rotations: say which one/));
    await page.getByLabel('Rotation', { exact: true }).selectOption({ label: BUSINESS });
    await expectVisible(page.getByTestId('import-preview').getByText(/Adds past on-call shifts of 1 engineer/));
    await screenshot(page, 'export-rotations-history');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expectVisible(page.getByRole('status').getByText(/Imported history\.csv/));
  });
});
