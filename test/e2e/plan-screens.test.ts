// Ownership matrix and pipelines, runbooks with revisions, SLAs and the risk register, as a
// lead uses them: edit, save, reload, and check both the screen and what the API stored.
// Every test has its own server with the example team, and builds what it needs itself.
import { afterEach, describe, expect, test } from 'vitest';
import type { z } from 'zod';
import type { runbookContentInput } from '../../src/shared/ipc/operations-schemas';
import type { OwnershipMatrix, RevisionSummary, RiskRegister, RunbookView } from '../../src/shared/operations-views';
import type { ReviewsView } from '../../src/shared/operations-views';
import { api } from './support/api';
import { eachTestOn, expectVisible, screenshot } from './support/browser';
import { THANKSGIVING_SPLIT } from './support/instants';
import { engineerName, seed } from './support/seed';

// Wed 2 Dec 2026, 21:00 in New York: Engineer B is primary on call and Engineer A secondary, so
// "Who do I call now?" resolves to names; the next business day (for SLAs) is Thu 3 Dec; the
// 2026-Q4 ownership review is due.
const app = eachTestOn({ now: THANKSGIVING_SPLIT });

afterEach(() => {
  // Runs before the session closes (after-hooks run in reverse order of registration).
  expect(app.session.pageErrors).toEqual([]);
});

async function go(label: string, heading = label) {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: label }).click();
  await expectVisible(page.getByRole('heading', { level: 1, name: heading }));
}

async function openMatrix() {
  const { page } = app;
  await go('Ownership');
  await page.getByRole('button', { name: 'Matrix', exact: true }).click();
  await expectVisible(page.getByTestId('ownership-matrix'));
}

const matrixRow = (name: string) =>
  app.page.getByTestId('matrix-row').filter({ has: app.page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });

async function pipelineId(name: string): Promise<number> {
  const matrix = await api<OwnershipMatrix>(app.page, 'ownership:matrix');
  const row = matrix.rows.find((r) => r.pipeline.name === name);
  if (!row) throw new Error(`No pipeline ${name}`);
  return row.pipeline.id;
}

/** A resolution step's text box (its move and remove buttons carry the same words in their names). */
const stepInput = (step: number, scenario: number) =>
  app.page.getByRole('textbox', { name: `Step ${step} of scenario ${scenario}`, exact: true });

const AGG_GROWTH = 'Aggregate Growth';
const AGG_PROFIT = 'Aggregate Profit';
const NEW_REASON = 'Engineer B backs up Growth while D is on parental leave.';
const SCENARIO = 'Schema drift in the finance ledger';
const STEPS = ['Find the changed column in the ledger export.', 'Map the new column and re-run.', 'Pause the report.'];
const RISK = 'Finance ledger export moves to a new vendor';

type RunbookContent = z.input<typeof runbookContentInput>;

/** Saves a new revision of a pipeline's runbook through the API, as the editor's Save does. */
async function saveRunbook(pipelineId: number, note: string, change: (content: RunbookContent) => RunbookContent) {
  const { runbook } = await api<RunbookView>(app.page, 'runbooks:get', { pipelineId });
  const current: RunbookContent = {
    purpose: runbook!.purpose,
    inputs: runbook!.inputs,
    transformation: runbook!.transformation,
    outputs: runbook!.outputs,
    scenarios: runbook!.scenarios,
    mitigations: runbook!.mitigations,
    slaText: runbook!.slaText,
    dashboards: runbook!.dashboards,
    alertThresholds: runbook!.alertThresholds,
    escalation: runbook!.escalation.map(({ role, contactName, contactDetail, afterMinutes }) => ({
      role,
      contactName,
      contactDetail,
      afterMinutes,
    })),
  };
  await api(app.page, 'runbooks:save', { pipelineId, note, content: change(current) });
}

async function openRunbook(name: string) {
  const { page } = app;
  await go('Runbooks');
  await page.getByTestId('runbook-pick').filter({ hasText: name }).click();
  await expectVisible(page.getByRole('heading', { level: 2, name }));
}

describe('Ownership matrix, pipelines and the quarterly review', () => {
  test('the matrix shows primary and secondary owners, each engineer’s load and the model’s warnings', async () => {
    const { page } = app;
    await openMatrix();
    const pipeline = seed.pipelines.find((p) => p.name === AGG_GROWTH)!;
    const row = matrixRow(AGG_GROWTH);
    expect(await row.getByText('Primary owner').count()).toBe(1);
    expect(await row.getByText('Secondary owner').count()).toBe(1);
    expect(await row.innerText()).toContain(pipeline.reason);
    // Load: the seed gives Engineer A two primaries (the remainder of 5 over 4), nobody is overloaded.
    const foot = await page.locator('tfoot').innerText();
    expect(foot).toContain('2 / 1');
    expect(foot).not.toContain('Overloaded');
    await expectVisible(page.getByText('Ownership warnings'));
    await screenshot(page, 'ownership-matrix');
  });

  test('owners and their reason are changed in the matrix and kept', async () => {
    const { page } = app;
    await openMatrix();
    const pipeline = seed.pipelines.find((p) => p.name === AGG_GROWTH)!;
    await page.getByRole('button', { name: `Change owners of ${AGG_GROWTH}` }).click();
    const dialog = page.getByTestId('owners-dialog');
    await dialog.getByLabel('Secondary owner').selectOption({ label: engineerName('B') });
    await dialog.getByLabel('Why these two').fill(NEW_REASON);
    await dialog.getByRole('button', { name: 'Save owners' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectVisible(matrixRow(AGG_GROWTH).getByText(NEW_REASON));

    const matrix = await api<OwnershipMatrix>(page, 'ownership:matrix');
    const row = matrix.rows.find((r) => r.pipeline.name === AGG_GROWTH)!;
    const nameOf = (id: number | null) => matrix.engineers.find((e) => e.id === id)?.name;
    expect(nameOf(row.ownership!.primaryEngineerId)).toBe(engineerName(pipeline.primary));
    expect(nameOf(row.ownership!.secondaryEngineerId)).toBe(engineerName('B'));
    expect(row.ownership!.reason).toBe(NEW_REASON);

    await page.reload();
    await openMatrix();
    await expectVisible(matrixRow(AGG_GROWTH).getByText(NEW_REASON));
  });

  test('a new pipeline in a new business area is created, and one is retired and brought back', async () => {
    const { page } = app;
    await openMatrix();
    await page.getByRole('button', { name: 'New pipeline' }).click();
    const dialog = page.getByTestId('pipeline-dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Churn Forecast');
    await dialog.getByLabel('Business area').selectOption({ label: 'New business area…' });
    await dialog.getByLabel('Name of the new business area').fill('Retention');
    await dialog.getByLabel('Audience').selectOption({ label: 'Internal' });
    await dialog.getByLabel('Purpose').fill('Forecasts churn for the retention team.');
    await screenshot(page, 'ownership-new-pipeline');
    await dialog.getByRole('button', { name: 'Add pipeline' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectVisible(matrixRow('Churn Forecast'));
    expect(await matrixRow('Churn Forecast').innerText()).toContain('Retention');

    await page.getByRole('button', { name: 'Edit details of Churn Forecast' }).click();
    await dialog.getByRole('button', { name: 'Retire pipeline…' }).click();
    await dialog.getByRole('button', { name: 'Yes, retire it' }).click();
    await expectVisible(page.getByRole('button', { name: 'Bring Churn Forecast back into service' }));
    const retired = await api<OwnershipMatrix>(page, 'ownership:matrix');
    expect(retired.rows.find((r) => r.pipeline.name === 'Churn Forecast')!.pipeline.retiredAt).not.toBeNull();
    await page.getByRole('button', { name: 'Bring Churn Forecast back into service' }).click();
    await expectVisible(matrixRow('Churn Forecast'));

    await page.reload();
    await openMatrix();
    await expectVisible(matrixRow('Churn Forecast'));
    expect(await matrixRow('Churn Forecast').innerText()).toContain('Retention');
  });

  test('a quarterly review is recorded with its checklist and decisions', async () => {
    const { page } = app;
    await openMatrix();
    const before = await api<ReviewsView>(page, 'reviews:list');
    // At 2 Dec 2026 the fourth quarter has no review yet.
    expect(before).toMatchObject({ currentQuarter: '2026-Q4', due: true });
    await page.getByRole('button', { name: 'Record a review…' }).click();
    const dialog = page.getByTestId('review-dialog');
    await dialog.getByLabel('Owners are still the right people').check();
    await dialog.getByLabel('Runbooks are current').check();
    await dialog.getByLabel('Decisions').fill('Keep owners; B backs up Growth this quarter.');
    await dialog.getByRole('button', { name: 'Save review' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectVisible(page.getByTestId('review-item').getByText('Keep owners; B backs up Growth this quarter.'));
    const after = await api<ReviewsView>(page, 'reviews:list');
    expect(after.reviews.length).toBe(before.reviews.length + 1);
    expect(after.due).toBe(false);
    expect(after.reviews[0]!.checklist).toMatchObject({
      owners_right: true,
      runbooks_current: true,
      oncall_fair: false,
    });
    await expectVisible(page.getByText('2026-Q4 reviewed'));
    await screenshot(page, 'ownership-review');
  });
});

describe('Runbooks', () => {
  test('investor pipelines come first, and who to call is resolved to names', async () => {
    const { page } = app;
    await go('Runbooks');
    await expect.poll(() => page.getByTestId('runbook-pick').count()).toBe(seed.pipelines.length);
    const picks = (await page.getByTestId('runbook-pick').allInnerTexts()).map((t) => t.split('\n')[0]!.trim());
    const investors = seed.pipelines.filter((p) => p.audience === 'investors').map((p) => p.name);
    // Investor pipelines first, in no promised order among themselves.
    expect(new Set(picks.slice(0, investors.length))).toEqual(new Set(investors));
    await page.getByTestId('runbook-pick').filter({ hasText: AGG_PROFIT }).click();
    await expectVisible(page.getByRole('heading', { level: 2, name: AGG_PROFIT }));
    const who = page.getByTestId('who-panel');
    await expectVisible(who.getByText('On-call primary'));
    // The seed's escalation for Aggregate Profit, resolved at 21:00 on 2 Dec: B and A on call,
    // B and C own the pipeline (B, already called as on-call primary, is not called twice).
    const levels = (await who.locator('.who__level').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(levels).toHaveLength(5);
    expect(levels[0]).toContain('On-call primary Engineer B');
    expect(levels[1]).toContain('On-call secondary Engineer A');
    expect(levels[2]).toContain('Pipeline primary owner Engineer B');
    expect(levels[2]).toContain('Already called at level 1');
    expect(levels[3]).toContain('Pipeline secondary owner Engineer C');
    expect(levels[4]).toContain('Team lead Data engineering lead');
    expect(await who.innerText()).toContain('For an incident starting Wed 2 Dec, 21:00 EST');
  });

  test('the team lead is set under “Who do I call now?” and ends every escalation path', async () => {
    const { page } = app;
    await openRunbook(AGG_PROFIT);
    const who = page.getByTestId('who-panel');
    const lastLevel = who.locator('.who__level').last();
    await expectVisible(lastLevel);
    expect(await lastLevel.innerText()).toContain('Data engineering lead');
    expect(await who.getByTestId('team-lead').innerText()).toContain('not set');
    await screenshot(page, 'runbooks-team-lead-unset');

    await who.getByRole('button', { name: 'Set team lead…' }).click();
    const dialog = page.getByTestId('team-lead-dialog');
    await dialog.getByLabel('Who is the team lead?').selectOption({ label: 'Someone outside the rotation…' });
    await dialog.getByLabel('Contact').fill('dana.lee@example.com');
    await dialog.getByRole('button', { name: 'Save team lead' }).click();
    // The channel's rule, by the field it is about; nothing is sent.
    const name = dialog.getByLabel('Name', { exact: true });
    await expectVisible(dialog.getByText('Must not be empty.'));
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await api(page, 'team-lead:get')).toBeNull();
    await screenshot(page, 'runbooks-team-lead-refused');
    await name.fill('Dana Lee');
    await dialog.getByRole('button', { name: 'Save team lead' }).click();
    await dialog.waitFor({ state: 'detached' });

    await expect.poll(() => lastLevel.innerText()).toContain('Dana Lee');
    expect(await lastLevel.innerText()).toContain('dana.lee@example.com');
    expect(await who.getByTestId('team-lead').innerText()).toContain('Dana Lee · dana.lee@example.com');
    await screenshot(page, 'runbooks-team-lead-set');
    // One lead for the team: another pipeline's path ends with them too.
    await page.getByTestId('runbook-pick').filter({ hasText: AGG_GROWTH }).click();
    await expectVisible(page.getByRole('heading', { level: 2, name: AGG_GROWTH }));
    await expect.poll(() => lastLevel.innerText()).toContain('Dana Lee');
    expect(await api(page, 'team-lead:get')).toEqual({
      kind: 'contact',
      name: 'Dana Lee',
      detail: 'dana.lee@example.com',
    });
  });

  test('a failure scenario with ordered steps is added, saved as a new revision and kept', async () => {
    const { page } = app;
    await openRunbook(AGG_PROFIT);
    const id = await pipelineId(AGG_PROFIT);
    const before = await api<RunbookView>(page, 'runbooks:get', { pipelineId: id });
    const count = before.runbook!.scenarios.length;
    const n = count + 1;

    await page.getByRole('button', { name: '+ Add failure scenario' }).click();
    await page.getByLabel(`Title of scenario ${n}`).fill(SCENARIO);
    await page.getByLabel(`Symptoms of scenario ${n}`).fill('The load fails on an unknown column.');
    await page.getByLabel(`Checks of scenario ${n}`).fill('Compare the export header with yesterday’s.');
    // Enter in the last step starts the next one.
    await stepInput(1, n).fill(STEPS[0]!);
    await stepInput(1, n).press('Enter');
    await stepInput(2, n).fill(STEPS[2]!);
    await page.getByRole('button', { name: `+ Add step to scenario ${n}` }).click();
    await stepInput(3, n).fill(STEPS[1]!);
    // Reorder with the keyboard: the third step moves up one place.
    await page.getByRole('button', { name: `Move step 3 of scenario ${n} up` }).focus();
    await page.keyboard.press('Enter');
    expect(await stepInput(2, n).inputValue()).toBe(STEPS[1]);
    expect(await stepInput(3, n).inputValue()).toBe(STEPS[2]);
    // Focus followed the moved step's button.
    expect(await page.locator(':focus').getAttribute('aria-label')).toBe(`Move step 2 of scenario ${n} up`);

    await page.getByLabel('What changed (revision note)').fill('Added schema drift after the ledger change');
    await page.getByRole('button', { name: 'Save runbook' }).click();
    await expectVisible(
      page.getByRole('status').filter({ hasText: `Saved as revision ${before.runbook!.revision + 1}` }),
    );

    const after = await api<RunbookView>(page, 'runbooks:get', { pipelineId: id });
    const saved = after.runbook!.scenarios.find((s) => s.title === SCENARIO)!;
    expect(saved.steps).toEqual(STEPS);
    expect(after.runbook!.revision).toBe(before.runbook!.revision + 1);
    await page.getByTestId('scenario').last().scrollIntoViewIfNeeded();
    await screenshot(page, 'runbooks-scenario');

    await page.reload();
    await openRunbook(AGG_PROFIT);
    await expect.poll(() => page.getByLabel(`Title of scenario ${n}`).inputValue()).toBe(SCENARIO);
    for (const [i, step] of STEPS.entries()) {
      expect(await stepInput(i + 1, n).inputValue()).toBe(step);
    }
  });

  test('an older revision is compared and restored', async () => {
    const { page } = app;
    const id = await pipelineId(AGG_PROFIT);
    // Revision 2 adds the scenario (as the test above does by hand); revision 3 then changes the
    // alert, which the restore of revision 2 undoes.
    await saveRunbook(id, 'Added schema drift after the ledger change', (content) => ({
      ...content,
      scenarios: [...(content.scenarios ?? []), { title: SCENARIO, steps: STEPS }],
    }));
    await saveRunbook(id, 'Earlier alert', (content) => ({
      ...content,
      alertThresholds: 'Alert when the report is not ready by 6 AM.',
    }));
    await openRunbook(AGG_PROFIT);
    await expect
      .poll(() => page.getByLabel('Alert thresholds').inputValue())
      .toBe('Alert when the report is not ready by 6 AM.');

    await page.getByRole('button', { name: /^Revisions/ }).click();
    await expectVisible(page.getByTestId('revisions'));
    await expect.poll(() => page.getByTestId('revision-row').count()).toBe(3);
    await page.getByRole('button', { name: 'Changes in revision 2' }).click();
    const diff = page.getByTestId('revision-diff');
    await expectVisible(diff);
    expect(await diff.innerText()).toContain(SCENARIO);
    expect(await diff.innerText()).toContain(STEPS[1]);
    await screenshot(page, 'runbooks-diff');

    await page.getByRole('button', { name: 'Restore revision 2' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Restore revision 2' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Revision 2 restored as revision 4' }));
    expect(await page.getByLabel('Alert thresholds').inputValue()).toBe(
      'Alert when the report is not ready by 7 AM on a business day.',
    );

    const view = await api<RunbookView>(page, 'runbooks:get', { pipelineId: id });
    expect(view.runbook!.revision).toBe(4);
    expect(view.runbook!.alertThresholds).toBe('Alert when the report is not ready by 7 AM on a business day.');
    expect(view.runbook!.scenarios.some((s) => s.title === SCENARIO)).toBe(true);
    const revisions = await api<RevisionSummary[]>(page, 'runbooks:revisions', { pipelineId: id });
    expect(revisions.find((r) => r.revision === 4)!.note).toBe('Restored revision 2');

    await page.getByTestId('who-panel').scrollIntoViewIfNeeded();
    await page.locator('.main').evaluate((el) => el.scrollTo({ top: 0 }));
    await screenshot(page, 'runbooks', 'screenshot-runbooks.png');

    await page.reload();
    await openRunbook(AGG_PROFIT);
    await page.getByRole('button', { name: /^Revisions/ }).click();
    await expect.poll(() => page.getByTestId('revision-row').count()).toBe(4);
  });
});

describe('SLAs and risks', () => {
  test('Today and the SLA screen show each pipeline’s next deadlines', async () => {
    const { page } = app;
    // Today lists the next week's deadlines.
    await expectVisible(page.getByTestId('today-deadlines'));
    await expect.poll(() => page.getByTestId('today-deadlines').getByTestId('deadline').count()).toBeGreaterThan(0);
    await screenshot(page, 'today-deadlines');

    await go('SLAs & risks');
    await expectVisible(page.getByTestId('sla-card').first());
    // At 21:00 on Wed 2 Dec, Aggregate Profit's next 09:00-next-business-day deadline is Thursday's.
    const profit = page.getByTestId('sla-card').filter({ hasText: AGG_PROFIT });
    expect(await profit.innerText()).toContain('Due by 09:00 the next business day');
    expect(await profit.innerText()).toContain('Next: Thu 3 Dec, 09:00 EST');
    await expect.poll(() => page.getByTestId('deadline').count()).toBeGreaterThan(0);
    await screenshot(page, 'slas');
  });

  test('recording an experiment start gives Unit-level Profit its deadline, six hours later', async () => {
    const { page } = app;
    await go('SLAs & risks');
    const unit = page.getByTestId('sla-card').filter({ hasText: 'Unit-level Profit' });
    // Tomorrow (Thu 3 Dec) at 10:00 in the SLA's zone, so the deadline (16:00) is inside the fortnight shown.
    await unit.getByLabel(/When did the experiment start happen/).fill('2026-12-03T10:00');
    await unit.getByLabel('What (optional)').fill('Checkout test');
    await unit.getByRole('button', { name: 'Record experiment start' }).click();
    await expectVisible(unit.getByText(/Checkout test:/));
    const events = await api<{ label: string; at: string }[]>(page, 'slas:events');
    expect(events.map((e) => e.label)).toEqual(['Checkout test']);
    expect(Date.parse(events[0]!.at)).toBe(Date.parse('2026-12-03T15:00:00Z'));
    const deadlines = await api<{ deadlines: { pipelineName: string; deadline: { dueAt: string } }[] }>(
      page,
      'slas:deadlines',
      { days: 14 },
    );
    const due = deadlines.deadlines.filter((d) => d.pipelineName === 'Unit-level Profit');
    expect(due.map((d) => Date.parse(d.deadline.dueAt))).toEqual([Date.parse('2026-12-03T21:00:00Z')]);
    const shown = page
      .locator('.deadlines__day', { hasText: 'Thu 3 Dec' })
      .getByTestId('deadline')
      .filter({ hasText: 'Unit-level Profit' });
    await expectVisible(shown);
    expect(await shown.innerText()).toContain('16:00 EST');
  });

  test('a risk is added, shown in the heat map, filtered by its cell and kept', async () => {
    const { page } = app;
    await go('SLAs & risks');
    await page.getByRole('button', { name: 'Risk register' }).click();
    await expectVisible(page.getByTestId('risk-table'));
    const before = await api<RiskRegister>(page, 'risks:list');

    await page.getByRole('button', { name: 'Add risk' }).click();
    const dialog = page.getByTestId('risk-dialog');
    await dialog.getByLabel('Title').fill(RISK);
    await dialog.getByLabel('Category').selectOption({ label: 'Data issues' });
    await dialog.getByLabel('Description').fill('The new export may change formats and delivery times.');
    await dialog.getByLabel('Likelihood').selectOption('5');
    await dialog.getByLabel('Impact').selectOption('2');
    await dialog.getByLabel('Mitigation').fill('Contract tests on the export; parallel run for a month.');
    await dialog.getByLabel('Owner').selectOption({ label: engineerName('C') });
    await dialog.getByLabel(AGG_PROFIT).check();
    await dialog.getByLabel('Review by').fill('2027-01-15');
    await dialog.getByRole('button', { name: 'Add risk' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectVisible(page.getByRole('rowheader', { name: new RegExp(RISK) }));

    const after = await api<RiskRegister>(page, 'risks:list');
    expect(after.risks.length).toBe(before.risks.length + 1);
    const risk = after.risks.find((r) => r.title === RISK)!;
    expect(risk).toMatchObject({
      category: 'data',
      likelihood: 5,
      impact: 2,
      status: 'open',
      reviewDate: '2027-01-15',
    });
    expect(risk.pipelineIds).toEqual([await pipelineId(AGG_PROFIT)]);

    // The heat map's cell filters the list to its risks: the same set, whatever the order.
    await page.getByRole('button', { name: /^Likelihood 5 \(Almost certain\), impact 2/ }).click();
    const cell = after.matrix[0]![1]!.riskIds;
    const titlesInCell = after.risks.filter((r) => cell.includes(r.id)).map((r) => r.title);
    expect(titlesInCell).toContain(RISK);
    await expect.poll(() => page.getByTestId('risk-row').count()).toBe(cell.length);
    const rows = await page.getByTestId('risk-row').allInnerTexts();
    expect(new Set(rows.map((r) => r.split('\n')[0]!.trim()))).toEqual(new Set(titlesInCell));
    expect(rows.every((r) => r.includes('5 × 2'))).toBe(true);
    await screenshot(page, 'risks-filtered');
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect
      .poll(() => page.getByTestId('risk-row').count())
      .toBe(after.risks.filter((r) => r.status !== 'closed').length);
    await screenshot(page, 'risks', 'screenshot-risks.png');

    await page.reload();
    await go('SLAs & risks');
    await page.getByRole('button', { name: 'Risk register' }).click();
    await expectVisible(page.getByRole('rowheader', { name: new RegExp(RISK) }));
  });
});
