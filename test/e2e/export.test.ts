import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { Download, Locator } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';
import { SCHEDULE_HEADERS } from '../../src/main/export/csv';
import type { ScheduleView } from '../../src/shared/views';
import { api } from './support/api';
import { eachTestOn, expectVisible, screenshot } from './support/browser';
import { seed, seededOnCall } from './support/seed';

// Wed 12 May 2027, 11:00 in New York (15:00 UTC, the same date): "this quarter", which every
// export defaults to and names its file after, is 2027-Q2, 1 April to 30 June 2027. Files
// stamped with the day say 2027-05-12.
const app = eachTestOn({ now: '2027-05-12T15:00:00Z' });
const QUARTER = { label: '2027-Q2', from: '2027-04-01', to: '2027-06-30' } as const;
// The quarter's bounds as instants: midnight in New York, on daylight time (UTC−4) at both ends.
const QUARTER_FROM = '2027-04-01T04:00:00.000Z';
const QUARTER_TO = '2027-07-01T04:00:00.000Z';
const TODAY = '2027-05-12';

beforeEach(async () => {
  await openExport();
});

async function openExport() {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Export & import' }).click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Export & import' }));
  await expectVisible(page.getByRole('button', { name: 'Export calendar file' }));
}

/** Whether the element is inside the window, where the lead is looking. */
async function inView(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = app.page.viewportSize();
  return box !== null && size !== null && box.y >= 0 && box.y + Math.min(box.height, 40) <= size.height;
}

const card = (title: string) =>
  app.page.locator('section.export-card').filter({ has: app.page.getByRole('heading', { name: title }) });

/** Clicks the button and reads the file the browser downloads. */
async function downloadFrom(button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const { page } = app;
  const [download] = (await Promise.all([page.waitForEvent('download'), button.click()])) as [Download, void];
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

interface Engineer {
  id: number;
  name: string;
  email: string | null;
  active: boolean;
}

const NEW_ENGINEERS =
  'name,email,colour\r\nPriya Raman,priya@example.com,#0f766e\r\n"Tomás Ferreira",tomas@example.com,\r\n';
const BROKEN_ENGINEERS = 'name,email,colour\nEngineer Q,q@example.com,#2563eb\nEngineer R,not-an-email,#16a34a\n';

async function chooseImportFile(name: string, content: string) {
  const { page } = app;
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
  await expectVisible(page.getByTestId('import-preview'));
}

describe('Export', () => {
  test('the calendar file parses with ical.js and holds the seeded shifts of this quarter', async () => {
    const { page } = app;
    const ics = card('Calendar file');
    const file = await downloadFrom(ics.getByRole('button', { name: 'Export calendar file' }));
    expect(file.name).toBe(`watchbill-team-${QUARTER.from}-to-${QUARTER.to}.ics`);
    await expectVisible(ics.getByRole('status').getByText(file.name));

    const calendar = new ICAL.Component(ICAL.parse(file.bytes.toString('utf8')));
    const shifts = calendar
      .getAllSubcomponents('vevent')
      .filter((v) => v.getFirstPropertyValue('x-watchbill-role') === 'primary')
      .map((v) => ({
        engineer: String(v.getFirstPropertyValue('x-watchbill-engineer')),
        start: (v.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime(),
        end: (v.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().getTime(),
      }))
      .sort((a, b) => a.start - b.start);
    // The primary's stretches follow one another without a gap from before the quarter to
    // after it, each the seed's primary at its middle (computed from the seed file, not the server).
    expect(shifts.length).toBeGreaterThanOrEqual(13);
    expect(shifts[0]!.start).toBeLessThanOrEqual(Date.parse(QUARTER_FROM));
    expect(shifts[shifts.length - 1]!.end).toBeGreaterThanOrEqual(Date.parse(QUARTER_TO));
    for (const [i, shift] of shifts.entries()) {
      if (i > 0) expect(new Date(shift.start)).toEqual(new Date(shifts[i - 1]!.end));
      expect(shift.engineer).toBe(seededOnCall(new Date((shift.start + shift.end) / 2)).primary);
    }
    await screenshot(page, 'export', 'screenshot-export.png');
  });

  test('one engineer’s calendar file holds only their shifts', async () => {
    const ics = card('Calendar file');
    const name = seed.engineers[1]!.name;
    await ics.getByLabel('Whose shifts').selectOption({ label: name });
    await ics.getByRole('checkbox', { name: /Holidays/ }).uncheck();
    await ics.getByRole('checkbox', { name: /Drills/ }).uncheck();
    const file = await downloadFrom(ics.getByRole('button', { name: 'Export calendar file' }));
    expect(file.name).toMatch(new RegExp(`-${QUARTER.from}-to-${QUARTER.to}\\.ics$`));
    const events = new ICAL.Component(ICAL.parse(file.bytes.toString('utf8'))).getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((v) => v.getFirstPropertyValue('x-watchbill-engineer')))).toEqual(new Set([name]));
  });

  test('the schedule spreadsheet has its header and a row per segment', async () => {
    const { page } = app;
    const csv = card('Spreadsheet');
    expect(await csv.getByRole('checkbox', { name: /Excel-friendly \(BOM\)/ }).isChecked()).toBe(true);
    const withBom = await downloadFrom(csv.getByRole('button', { name: 'Export schedule CSV' }));
    expect(withBom.name).toBe(`watchbill-schedule-${QUARTER.from}-to-${QUARTER.to}.csv`);
    expect([...withBom.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    await csv.getByRole('checkbox', { name: /Excel-friendly \(BOM\)/ }).uncheck();
    const plain = await downloadFrom(csv.getByRole('button', { name: 'Export schedule CSV' }));
    expect([...plain.bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const lines = plain.bytes.toString('utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe(SCHEDULE_HEADERS.join(','));
    const quarter = await api<ScheduleView>(page, 'schedule:get', { from: QUARTER_FROM, to: QUARTER_TO });
    expect(lines.length - 1).toBe(quarter.segments.length);
    expect(lines.slice(1).every((l) => seed.engineers.some((e) => l.includes(e.name)))).toBe(true);

    await csv.getByRole('button', { name: 'Ownership', exact: true }).click();
    const ownership = await downloadFrom(csv.getByRole('button', { name: 'Export ownership CSV' }));
    expect(ownership.name).toBe(`watchbill-ownership-${TODAY}.csv`);
    const text = ownership.bytes.toString('utf8');
    for (const pipeline of seed.pipelines) expect(text).toContain(pipeline.name);
  });

  test('the plan as Markdown has the ownership section, its preview renders, and PDF is a PDF', async () => {
    const { page } = app;
    const plan = card('The plan');
    const md = await downloadFrom(plan.getByRole('button', { name: 'Export plan as Markdown' }));
    expect(md.name).toBe(`watchbill-plan-${QUARTER.label}.md`);
    const text = md.bytes.toString('utf8');
    expect(text).toContain('## 3. Ownership');
    for (const pipeline of seed.pipelines) expect(text).toContain(pipeline.name);

    await plan.getByRole('button', { name: 'Preview' }).click();
    const frame = page.frameLocator('iframe[title="Preview of the plan"]');
    await expectVisible(frame.getByRole('heading', { name: /Ownership/ }).first());
    expect(await plan.locator('iframe').getAttribute('sandbox')).toBe('');
    await plan.locator('iframe').scrollIntoViewIfNeeded();
    await screenshot(page, 'export-plan-preview');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'export-plan-preview-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    const catalog = await api<{ plan: { pdfAvailable: boolean } }>(page, 'export:list');
    expect(catalog.plan.pdfAvailable).toBe(true);
    await plan.getByRole('button', { name: 'PDF', exact: true }).click();
    const pdf = await downloadFrom(plan.getByRole('button', { name: 'Export plan as PDF' }));
    expect(pdf.name).toBe(`watchbill-plan-${QUARTER.label}.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await plan.getByRole('button', { name: 'Hide preview' }).click();
    await plan.locator('iframe').waitFor({ state: 'detached' });
  });

  test('the backup is JSON with the schema version', async () => {
    const info = await api<{ schemaVersion: number }>(app.page, 'app:info');
    const file = await downloadFrom(card('Backup').getByRole('button', { name: 'Export backup' }));
    expect(file.name).toBe(`watchbill-backup-${TODAY}.json`);
    const backup = JSON.parse(file.bytes.toString('utf8')) as { schemaVersion: number; tables: object };
    expect(backup.schemaVersion).toBe(info.schemaVersion);
    expect(Object.keys(backup.tables)).toContain('engineers');
  });
});

describe('Import', () => {
  test('a CSV with a bad email on line 3 names the line and field, cannot be applied, and changes nothing', async () => {
    const { page } = app;
    const before = await api<Engineer[]>(page, 'engineers:list');
    await page.getByRole('button', { name: /^Engineers/ }).click();
    await chooseImportFile('team.csv', BROKEN_ENGINEERS);
    const preview = page.getByTestId('import-preview');
    await expectVisible(preview.getByText('team.csv cannot be imported: nothing will be changed'));
    const problems = preview.getByTestId('import-problem');
    expect(await problems.count()).toBe(1);
    const cells = (await problems.first().locator('td').allInnerTexts()).map((t) => t.trim());
    expect(cells[0]).toBe('team.csv, line 3');
    expect(cells[1]).toBe('email');
    expect(cells[2]).toMatch(/email address/);
    expect(await preview.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    await screenshot(page, 'export-import-problems');
    expect(await api<Engineer[]>(page, 'engineers:list')).toEqual(before);
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('import-preview').waitFor({ state: 'detached' });
  });

  test('two new engineers from a CSV: previewed, applied, shown on Ownership, kept after a reload', async () => {
    const { page } = app;
    const before = await api<Engineer[]>(page, 'engineers:list');
    await page.getByRole('button', { name: /^Engineers/ }).click();
    await chooseImportFile('new-engineers.csv', NEW_ENGINEERS);
    const preview = page.getByTestId('import-preview');
    await expectVisible(preview.getByText('Adds 2 engineers.'));
    const changes = (await preview.getByTestId('import-change').allInnerTexts()).join('\n');
    expect(changes).toContain('Priya Raman');
    expect(changes).toContain('Tomás Ferreira');
    // Nothing is written by the preview.
    expect(await api<Engineer[]>(page, 'engineers:list')).toEqual(before);
    await screenshot(page, 'export-import-preview');

    await preview.getByRole('button', { name: 'Apply' }).click();
    await expectVisible(page.getByText('Imported new-engineers.csv: Adds 2 engineers.'));
    const after = await api<Engineer[]>(page, 'engineers:list');
    expect(new Set(after.map((e) => e.name))).toEqual(
      new Set([...before.map((e) => e.name), 'Priya Raman', 'Tomás Ferreira']),
    );
    expect(after).toHaveLength(before.length + 2);
    expect(after.find((e) => e.name === 'Priya Raman')?.email).toBe('priya@example.com');

    // The calendar file's engineer list knows them at once.
    const options = await card('Calendar file').getByLabel('Whose shifts').locator('option').allInnerTexts();
    expect(options).toContain('Priya Raman');

    // Ownership's owner selects offer them.
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Ownership' }).click();
    const pipeline = seed.pipelines[0]!.name;
    await page.getByRole('button', { name: `Edit owners of ${pipeline}` }).click();
    const owners = await page.getByLabel(`Secondary owner of ${pipeline}`).locator('option').allInnerTexts();
    expect(owners).toEqual(expect.arrayContaining(['Priya Raman', 'Tomás Ferreira']));
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.reload();
    const reloaded = await api<Engineer[]>(page, 'engineers:list');
    expect(new Set(reloaded.map((e) => e.name))).toEqual(new Set(after.map((e) => e.name)));
    await openExport();
    expect(await card('Calendar file').getByLabel('Whose shifts').locator('option').allInnerTexts()).toEqual(
      expect.arrayContaining(['Priya Raman', 'Tomás Ferreira']),
    );
    expect(app.session.pageErrors).toEqual([]);
  });

  test('restoring a backup onto a database with a team says to replace it instead, not to fix the file', async () => {
    const { page } = app;
    const backup = await api<{ content: string }>(page, 'export:backup');
    await page.getByRole('button', { name: /^Backup/ }).click();
    await page.getByRole('radio', { name: /Restore onto an empty database/ }).check();
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup.content) });
    const preview = page.getByTestId('import-preview');
    await expectVisible(preview.getByText(/this database is not empty/));
    const hint = await preview.getByRole('alert').innerText();
    expect(hint).toContain('The file is fine');
    expect(hint).toContain('choose “Replace this whole database” above');
    expect(hint).not.toContain('Fix what is listed here in the file');
    expect(await preview.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
  });

  test('replacing the database with a backup needs the confirmation', async () => {
    const { page } = app;
    const backup = await api<{ content: string }>(page, 'export:backup');
    await page.getByRole('button', { name: /^Backup/ }).click();
    await page.getByRole('radio', { name: /Replace this whole database/ }).check();
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup.content) });
    const preview = page.getByTestId('import-preview');
    await expectVisible(preview.getByText(/^Restores the backup’s \d+ kinds of records, replacing what/));
    // In the lead's words, counted right, and brought into view rather than left below the edge.
    await expect.poll(() => inView(preview.locator('.export-summary'))).toBe(true);
    const rows = (await preview.getByTestId('import-change').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(rows).toContain('Replace Engineers 4 engineers now → 4 from the backup');
    expect(rows).toContain('Replace Rotations 1 rotation now → 1 from the backup');
    expect(rows.filter((r) => /_|\brows?\b/.test(r))).toEqual([]);
    const apply = preview.getByRole('button', { name: 'Apply' });
    expect(await apply.isDisabled()).toBe(true);
    await preview.getByRole('checkbox', { name: /A copy of the current database file is made/ }).check();
    expect(await apply.isEnabled()).toBe(true);
    await screenshot(page, 'export-backup-confirm');
    await apply.click();
    await expectVisible(page.getByText(/Imported backup\.json/));
    await expect.poll(() => inView(page.locator('.export-done'))).toBe(true);
    await expectVisible(page.getByText('The database as it was before is kept at'));
    expect(await page.locator('.export-done .export-path').innerText()).toMatch(/before-restore-.*\.db$/);
  });
});
