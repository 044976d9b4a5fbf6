import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { api, idOf, planDrill } from './support/api';
import { eachTestOn, expectVisible, screenshot } from './support/browser';
import { THANKSGIVING_SPLIT } from './support/instants';

// Thu 3 Dec 2026 02:00 UTC (Wed 21:00 in New York), inside the Thanksgiving split: Engineer B
// (id 2) is primary and Engineer A (id 1) secondary, so a drill's participants in id order
// would put the secondary first. A frozen clock for what is read; a running one (the '@'
// start) where the drill's own clock has to move.
const frozen = eachTestOn({ now: THANKSGIVING_SPLIT });

interface DrillViewLike {
  drill: {
    id: number;
    status: string;
    scheduledAt: string;
    startedAt: string | null;
    participants: { engineerId: number; role: string | null }[];
    notes: { text: string }[];
    outcome: string | null;
  };
  steps: { position: number; tickedAt: string | null; skipped: boolean }[];
  engineers: { id: number; name: string }[];
}

/** Seconds on the drill clock ('1:07' → 67). */
async function clockSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('drill-clock').innerText()).trim();
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** Waits until the drill clock on screen shows at least `seconds`, as a person watching it would. */
async function clockReaches(page: Page, seconds: number): Promise<void> {
  await expect.poll(() => clockSeconds(page), { timeout: 15_000, interval: 100 }).toBeGreaterThanOrEqual(seconds);
}

const stepState = (page: Page, position: number) =>
  page.getByTestId(`step-${position}`).evaluate((el) => el.className.replace('drill-step ', ''));

/** A drill of Aggregate Profit's "Job failures", planned for now through the API; started when asked. */
async function drillThroughApi(page: Page, options: { start: boolean }): Promise<number> {
  const drillId = await planDrill(page, {
    pipeline: 'Aggregate Profit',
    scenario: 'Job failures',
    at: THANKSGIVING_SPLIT,
    facilitator: 'Engineer C',
  });
  if (options.start) await api(page, 'drills:start', { drillId });
  return drillId;
}

describe('Drills', () => {
  test('Today says the investor pipelines are due, and leads to the Drills screen', async () => {
    const { page } = frozen;
    const warning = page.getByRole('button', { name: /^Aggregate Profit is due for a drill by/ });
    await expectVisible(warning);
    await warning.click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Drills' }));
    await expectVisible(page.getByRole('heading', { name: 'Cadence' }));
    expect(await page.getByRole('row', { name: /^Aggregate Profit/ }).innerText()).toMatch(/Due/);
    await screenshot(page, 'drills-list');
  });

  test('schedules a drill with who is on call as participants, keeping their roles, and starts it', async () => {
    const { page } = frozen;
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /^Drills/ })
      .click();
    await page.getByRole('button', { name: 'Schedule a drill' }).click();
    const dialog = page.getByTestId('schedule-drill');
    await expectVisible(dialog);
    await dialog.getByLabel('Pipeline').selectOption({ label: 'Aggregate Profit' });
    await dialog.getByLabel('Failure scenario').selectOption({ label: 'Job failures (4 steps)' });
    // Now is exactly Wed 2 Dec, 21:00 in New York, a whole hour: B primary, A secondary.
    expect(await dialog.getByLabel('Date and time').inputValue()).toBe('2026-12-02T21:00');
    await expectVisible(dialog.getByText('(secondary)'));
    const checked = await dialog.locator('fieldset label:has(input:checked)').allInnerTexts();
    expect(new Set(checked.map((t) => t.replace(/\s+/g, ' ').trim()))).toEqual(
      new Set(['Engineer B (primary)', 'Engineer A (secondary)']),
    );
    // Someone added by hand is "added".
    await dialog.getByRole('checkbox', { name: 'Engineer D' }).check();
    await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();

    await expectVisible(page.getByTestId('drill-runner'));
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Aggregate Profit: Job failures' }));
    await expectVisible(
      page.getByText('Engineer B (primary), Engineer A (secondary), Engineer D (added)', { exact: false }),
    );
    const planned = (await api<{ drills: { drill: DrillViewLike['drill'] }[] }>(page, 'drills:list')).drills[0]!.drill;
    const view = await api<DrillViewLike>(page, 'drills:get', { drillId: planned.id });
    const nameOf = (id: number) => view.engineers.find((e) => e.id === id)!.name;
    expect(planned.participants.map((p) => [nameOf(p.engineerId), p.role])).toEqual([
      ['Engineer B', 'primary'],
      ['Engineer A', 'secondary'],
      ['Engineer D', 'added'],
    ]);
    // The escalation chain is there, with names.
    expect(await page.getByRole('list', { name: 'Escalation chain' }).innerText()).toMatch(/Engineer [A-D]/);

    await page.getByRole('button', { name: 'Start the drill' }).click();
    await expectVisible(page.getByRole('button', { name: 'Finish…' }));
    expect(await stepState(page, 0)).toBe('drill-step--next');
  });

  describe('while the clock runs', () => {
    const running = eachTestOn({ now: `@${THANKSGIVING_SPLIT}` });

    test('ticks steps with Space and Enter, saving each as it happens, and resumes after a reload', async () => {
      const { page } = running;
      const drillId = await drillThroughApi(page, { start: true });
      await page.reload();
      await expectVisible(page.getByTestId('drill-runner'));
      await clockReaches(page, 1);
      await page.keyboard.press('Space');
      await expectVisible(page.locator('[data-testid="step-0"].drill-step--done'));
      await page.keyboard.press('Enter');
      await expectVisible(page.locator('[data-testid="step-1"].drill-step--done'));
      expect(await stepState(page, 2)).toBe('drill-step--next');
      expect(await page.getByTestId('step-0').innerText()).toMatch(/\+0:0\d/);

      await page.getByRole('button', { name: /^Acknowledged/ }).click();
      await expectVisible(page.locator('[data-testid="moment-acknowledged"]', { hasText: /^\+/ }));
      await page.getByLabel('A note').fill('The restart step does not say which cluster.');
      await page.getByRole('button', { name: 'Add note' }).click();
      await expectVisible(page.getByRole('list', { name: 'Notes so far' }).getByText('which cluster'));

      // Saved on the server as they happened, not only drawn.
      const saved = await api<DrillViewLike>(page, 'drills:get', { drillId });
      expect(saved.steps.map((s) => s.tickedAt !== null)).toEqual([true, true, false, false]);
      expect(saved.drill.notes.map((n) => n.text)).toEqual(['The restart step does not say which cluster.']);

      const before = await clockSeconds(page);
      await clockReaches(page, before + 2);
      await page.reload();
      await expectVisible(page.getByTestId('drill-runner'));
      // The clock counts from the stored start: the time away is on it.
      expect(await clockSeconds(page)).toBeGreaterThanOrEqual(before + 2);
      expect(await stepState(page, 0)).toBe('drill-step--done');
      expect(await stepState(page, 1)).toBe('drill-step--done');
      expect(await stepState(page, 2)).toBe('drill-step--next');
      expect(await page.getByTestId('moment-acknowledged').innerText()).toMatch(/^\+0:\d\d$/);
      expect(await page.getByRole('list', { name: 'Notes so far' }).innerText()).toContain('which cluster');

      // And the keyboard still ticks after the reload.
      await page.keyboard.press('Space');
      await expectVisible(page.locator('[data-testid="step-2"].drill-step--done'));
      await page.getByRole('button', { name: /^Mitigated/ }).click();
      await expectVisible(page.locator('[data-testid="moment-mitigated"]', { hasText: /^\+/ }));
      await screenshot(page, 'drill-runner', 'screenshot-drill.png');
      await page.getByRole('button', { name: /^Resolved/ }).click();
      await expectVisible(page.locator('[data-testid="moment-resolved"]', { hasText: /^\+/ }));
    });

    test('after the app was closed and opened again, the running drill comes back with its clock', async () => {
      const { session } = running;
      const drillId = await drillThroughApi(session.page, { start: true });
      for (const position of [0, 1, 2]) await api(session.page, 'drills:tick', { drillId, position });
      // The drill has been running a while before the app opens again.
      await session.page.reload();
      await clockReaches(session.page, 2);
      // A new tab has none of the old tab's session: it is the app starting afresh.
      const fresh = await session.context.newPage();
      try {
        await fresh.goto(new URL('/', session.page.url()).href);
        await expectVisible(fresh.getByTestId('drill-runner'));
        expect(await clockSeconds(fresh)).toBeGreaterThanOrEqual(2);
        expect(await stepState(fresh, 2)).toBe('drill-step--done');
        expect(await stepState(fresh, 3)).toBe('drill-step--next');
      } finally {
        await fresh.close();
      }
    });

    test('finishes with outcome, findings and a follow-up, and shows the record and its report', async () => {
      const { page } = running;
      const drillId = await drillThroughApi(page, { start: true });
      for (const position of [0, 1, 2]) await api(page, 'drills:tick', { drillId, position });
      await api(page, 'drills:mark', { drillId, moment: 'acknowledged' });
      await api(page, 'drills:mark', { drillId, moment: 'resolved' });
      await page.reload();
      await page.getByRole('button', { name: 'Finish…' }).click();
      const dialog = page.getByTestId('finish-drill');
      await expectVisible(dialog);
      await dialog.getByLabel('Passed with findings').check();
      await dialog
        .getByRole('textbox', { name: 'Findings' })
        .fill('Step 2 needs the cluster name.\nThe last step was not reached.');
      await dialog.getByRole('button', { name: 'Add a follow-up' }).click();
      await dialog.getByLabel('What to do (follow-up 1)').fill('Name the cluster in the restart step');
      await dialog.getByLabel('Owner (follow-up 1)').selectOption({ label: 'Engineer B' });
      await dialog.getByLabel('Due date (follow-up 1)').fill('2030-01-15');
      await dialog.getByRole('button', { name: 'Finish and keep the record' }).click();

      const record = page.getByTestId('drill-record');
      await expectVisible(record);
      expect(await page.getByTestId('outcome').innerText()).toBe('Passed with findings');
      const timings = await page.getByTestId('timings').innerText();
      expect(timings).toMatch(/To acknowledge\s+0:\d\d/);
      expect(timings).toMatch(/To resolve\s+0:\d\d/);
      expect(timings).toMatch(/Steps skipped\s+0 of 4/);
      await expectVisible(
        record.getByRole('table', { name: 'Follow-ups' }).getByText('Name the cluster in the restart step'),
      );
      expect(await page.getByTestId('history').innerText()).toMatch(/\(this one\)/i);

      const finished = await api<DrillViewLike>(page, 'drills:get', { drillId });
      expect(finished.drill).toMatchObject({ status: 'finished', outcome: 'passed_with_findings' });
      expect(finished.steps.map((s) => s.tickedAt !== null)).toEqual([true, true, true, false]);

      await page.getByRole('button', { name: 'Markdown' }).click();
      const md = page.getByTestId('report-md');
      await expectVisible(md);
      const markdown = await md.innerText();
      expect(markdown).toContain('# Drill report: Aggregate Profit — Job failures');
      expect(markdown).toContain('Outcome: **Passed with findings**');
      expect(markdown).toContain('- Participants: Engineer B (primary), Engineer A (secondary)');
      expect(markdown).toContain('| Name the cluster in the restart step | Engineer B | 2030-01-15 | open |');
      expect(markdown).toContain('Steps: 3 of 4 done, 0 skipped, 1 not reached.');
      await expectVisible(
        page.getByRole('button', { name: /^Download drill-\d+-aggregate-profit-job-failures-.*\.md$/ }),
      );

      await page.getByRole('button', { name: 'HTML' }).click();
      const frame = page.frameLocator('iframe[title="Drill report"]');
      await expectVisible(
        frame.getByRole('heading', { level: 1, name: 'Drill report: Aggregate Profit — Job failures' }),
      );
      await screenshot(page, 'drill-record');
    });
  });

  test('edits a step in the runbook from the record, as a revision that references the drill', async () => {
    const { page } = frozen;
    const drillId = await drillThroughApi(page, { start: true });
    await api(page, 'drills:tick', { drillId, position: 0 });
    await api(page, 'drills:finish', { drillId, outcome: 'passed_with_findings', findings: 'Step 2 is vague.' });
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /^Drills/ })
      .click();
    await page.getByRole('button', { name: 'Record', exact: true }).first().click();
    const row = page.getByTestId('drill-record').getByRole('row', { name: /Restart the job/ });
    await row.getByRole('button', { name: 'Edit in runbook' }).click();
    await page.getByLabel('New text of step 2').fill('Restart the job on the reporting cluster.');
    await page.getByRole('button', { name: 'Save as a runbook revision' }).click();
    await expectVisible(page.getByText(/Revision \d+ · .* · Step 2 of 'Job failures' changed after the drill/));

    const pipelineId = await idOf(page, 'pipeline', 'Aggregate Profit');
    const revisions = await api<{ drillId: number | null }[]>(page, 'runbooks:revisions', { pipelineId });
    expect(revisions[0]!.drillId).toBe(drillId);
    expect(frozen.session.pageErrors).toEqual([]);
  });

  test("a runbook's Start drill… opens the plan-a-drill dialog for that pipeline", async () => {
    const { page } = frozen;
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /^Runbooks/ })
      .click();
    await page
      .getByRole('button', { name: /^Aggregate Growth/ })
      .first()
      .click();
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Aggregate Growth' }));
    await page.getByRole('button', { name: 'Start drill…' }).click();
    const dialog = page.getByTestId('schedule-drill');
    await expectVisible(dialog);
    // The first choice of the dialog is the pipeline.
    const pipeline = dialog.getByRole('combobox').first();
    expect(await pipeline.locator('option:checked').textContent()).toBe('Aggregate Growth');
    expect(frozen.session.pageErrors).toEqual([]);
  });
});
