import { spawnSync } from 'node:child_process';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import type { ArgsIn, Channel, ResultOf } from '../../src/shared/ipc/contract';
import { appRoot } from '../../src/main/paths';
import { tempDir, testApp } from '../support/app';

let app: WatchbillApp;
beforeEach(() => (app = testApp()));
afterEach(() => app.close());

async function call<K extends Channel>(channel: K, args: ArgsIn<K>): Promise<ResultOf<K>> {
  const result = await app.dispatch(channel, args);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ResultOf<K>;
}
const pipelineId = (name: string) => app.repos.pipelines.list().find((p) => p.name === name)!.id;
const engineerId = (name: string) => app.repos.engineers.list().find((e) => e.name === name)!.id;

describe('pipelines', () => {
  it('creates one in a new area, edits it and retires it, which takes it out of the checks', async () => {
    const area = await call('areas:create', { name: 'Retention' });
    const created = await call('pipelines:save', {
      name: 'Churn',
      areaId: area.id,
      audience: 'internal',
      purpose: 'Weekly churn.',
    });
    expect(created.area?.name).toBe('Retention');
    const edited = await call('pipelines:save', {
      id: created.pipeline.id,
      name: 'Churn',
      areaId: area.id,
      audience: 'experiments',
      purpose: 'Weekly churn.',
    });
    expect(edited.pipeline).toMatchObject({ name: 'Churn', audience: 'experiments', purpose: 'Weekly churn.' });
    expect((await call('today:get', {})).warnings.map((w) => w.message)).toContain('Churn has no secondary owner.');

    const retired = await call('pipelines:retire', { pipelineId: created.pipeline.id });
    expect(retired.pipeline.retiredAt).toBe('2026-11-21T15:00:00.000Z');
    expect((await call('today:get', {})).warnings.map((w) => w.message)).not.toContain('Churn has no secondary owner.');
    const matrix = await call('ownership:matrix', {});
    expect(matrix.rows.at(-1)!.pipeline.name).toBe('Churn');
  });

  it('refuses a second pipeline of the same name and an unknown area', async () => {
    expect(
      await app.dispatch('pipelines:save', { name: 'aggregate profit', areaId: null, audience: 'investors' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'There is already a pipeline called Aggregate Profit.' },
    });
    expect(await app.dispatch('pipelines:save', { name: 'X', areaId: 99, audience: 'investors' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('the ownership matrix', () => {
  it('shows owners with reasons, each engineer load and the warnings', async () => {
    const matrix = await call('ownership:matrix', {});
    const profit = matrix.rows.find((r) => r.pipeline.name === 'Aggregate Profit')!;
    expect(profit.ownership).toMatchObject({
      primaryEngineerId: engineerId('Engineer B'),
      secondaryEngineerId: engineerId('Engineer C'),
    });
    expect(profit.ownership!.reason).toMatch(/prior experience with aggregation/);
    expect(profit.runbook?.complete).toBe(true);
    const load = new Map(matrix.load.map((l) => [l.engineerId, [l.primaryCount, l.secondaryCount]]));
    expect(load.get(engineerId('Engineer A'))).toEqual([2, 1]);
    expect(matrix.warnings.map((w) => w.kind)).toContain('review_due');
    // B, owner of Aggregate Profit, is secondary on call 3–10 Dec while C, its other owner, is at a
    // conference from 7 Dec (Chicago time); then B and C are the on-call pair from 10 Dec. Again at New
    // Year (C covers primary while B is secondary) and in B and C's week from 7 Jan.
    const clash = matrix.warnings.find(
      (w) => w.kind === 'investor_owners_away' && w.link.pipelineId === profit.pipeline.id,
    );
    expect(clash?.message).toBe(
      'Aggregate Profit: both owners are tied up from Mon 7 Dec, 01:00 EST to Thu 17 Dec, 09:00 EST (Engineer B on call, Engineer C away; then Engineer B on call, Engineer C on call), and 2 more times in this period.',
    );
  });
});

describe('the quarterly ownership review', () => {
  it('is due on Today until this quarter has a review, and keeps the checklist, decisions and notes', async () => {
    expect((await call('today:get', {})).warnings.find((w) => w.kind === 'review_due')?.message).toBe(
      'The ownership review for 2026-Q4 is due (none recorded yet).',
    );
    const saved = await call('reviews:save', {
      reviewedOn: '2026-11-20',
      checklist: { owners_right: true, reasons_true: true, runbooks_current: false },
      decisions: 'Keep owners; D to write the engagement dashboards.',
      notes: 'Runbooks lack dashboards.',
    });
    expect(saved).toMatchObject({
      quarter: '2026-Q4',
      checklist: { owners_right: true, reasons_true: true, runbooks_current: false, oncall_fair: false },
    });
    const view = await call('reviews:list', {});
    expect(view).toMatchObject({ currentQuarter: '2026-Q4', due: false });
    expect(view.checklist.map((c) => c.key)).toEqual([
      'owners_right',
      'reasons_true',
      'runbooks_current',
      'oncall_fair',
    ]);
    expect((await call('today:get', {})).warnings.some((w) => w.kind === 'review_due')).toBe(false);
  });

  it('refuses a checklist item that is not on the list', async () => {
    expect(await app.dispatch('reviews:save', { reviewedOn: '2026-11-20', checklist: { vibes: true } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});

describe('SLAs', () => {
  it('lists each SLA with its next deadline', async () => {
    const rows = await call('slas:list', {});
    const profit = rows.find((r) => r.pipeline.name === 'Aggregate Profit')!;
    expect(profit.summary).toBe('by 09:00 the next business day');
    expect(profit.next?.dueAt).toBe('2026-11-23T14:00:00.000Z');
    expect(rows.find((r) => r.pipeline.name === 'Unit-level Profit')!.next).toBeNull();
  });

  it('lists the deadlines of Thanksgiving week, and an event SLA once its event is given', async () => {
    const unit = app.repos.slas.list().find((s) => s.pipelineId === pipelineId('Unit-level Profit'))!;
    const view = await call('slas:deadlines', {
      from: '2026-11-25',
      days: 3,
      events: [{ slaId: unit.id, at: '2026-11-25T15:00:00Z', label: 'Checkout test' }],
    });
    const profit = view.deadlines
      .filter((d) => d.pipelineName === 'Aggregate Profit')
      .map((d) => [d.deadline.dueAt, d.deadline.dataDates]);
    expect(profit).toEqual([
      ['2026-11-25T14:00:00.000Z', ['2026-11-24']],
      ['2026-11-27T14:00:00.000Z', ['2026-11-25', '2026-11-26']],
    ]);
    expect(view.deadlines.find((d) => d.pipelineName === 'Unit-level Profit')?.deadline.dueAt).toBe(
      '2026-11-25T21:00:00.000Z',
    );
    expect(view.waitingForEvent).toEqual([]);
  });

  it('keeps a recorded experiment start, whose deadline shows until it has passed', async () => {
    const sla = (await call('slas:list', {})).find((r) => r.pipeline.name === 'Unit-level Profit')!.sla;
    const event = await call('slas:add-event', {
      slaId: sla.id,
      at: '2026-11-23T14:00:00.000Z',
      label: 'Checkout test',
    });
    const view = await call('slas:deadlines', { from: '2026-11-23', days: 1 });
    expect(view.waitingForEvent).toEqual([]);
    expect(view.deadlines.find((d) => d.slaId === sla.id)?.deadline).toMatchObject({
      dueAt: '2026-11-23T20:00:00.000Z',
    });
    expect((await call('slas:events', {})).map((e) => e.label)).toEqual(['Checkout test']);
    // Only an SLA that waits for an event takes one.
    const daily = (await call('slas:list', {})).find((r) => r.pipeline.name === 'Daily Growth')!.sla;
    expect(await app.dispatch('slas:add-event', { slaId: daily.id, at: '2026-11-23T14:00:00.000Z' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    await call('slas:remove-event', { eventId: event.id });
    expect((await call('slas:deadlines', { from: '2026-11-23', days: 1 })).waitingForEvent).toHaveLength(1);
  });

  it('saves a changed rule and uses it at once', async () => {
    const engagement = app.repos.slas.list().find((s) => s.pipelineId === pipelineId('Aggregate Engagement'))!;
    await call('slas:save', { ...engagement, rule: { kind: 'weekly', weekday: 2, time: '07:30' } });
    const row = (await call('slas:list', {})).find((r) => r.sla.id === engagement.id)!;
    expect([row.summary, row.next?.localDate, row.next?.localTime]).toEqual([
      'every Tuesday by 07:30',
      '2026-11-24',
      '07:30',
    ]);
  });
});

describe('the risk register', () => {
  it('adds, edits and deletes a risk with its linked pipelines, and places it on the heat map', async () => {
    const before = await call('risks:list', {});
    expect(before.risks).toHaveLength(6);
    const risk = await call('risks:create', {
      category: 'pipeline',
      title: 'Scheduler outage',
      likelihood: 2,
      impact: 5,
      ownerId: engineerId('Engineer D'),
      pipelineIds: [pipelineId('Aggregate Profit'), pipelineId('Daily Growth')],
    });
    expect(risk).toMatchObject({ status: 'open', reviewDate: null });
    const cell = (await call('risks:list', {})).matrix.flat().find((c) => c.likelihood === 2 && c.impact === 5)!;
    expect(cell.riskIds).toContain(risk.id);

    const updated = await call('risks:update', {
      ...risk,
      status: 'closed',
      pipelineIds: [pipelineId('Daily Growth')],
    });
    expect(updated.pipelineIds).toEqual([pipelineId('Daily Growth')]);
    const after = await call('risks:list', {});
    expect(after.matrix.flat().some((c) => c.riskIds.includes(risk.id))).toBe(false);

    await call('risks:delete', { riskId: risk.id });
    expect((await call('risks:list', {})).risks).toHaveLength(6);
    expect(await app.dispatch('risks:delete', { riskId: risk.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('who and sla from the command line', { timeout: 30_000 }, () => {
  const temp = tempDir();
  afterAll(() => temp.remove());
  const db = temp.file('plan.db');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/watchbill.js', ...args], { cwd: appRoot(), encoding: 'utf8' });

  it('prints the escalation chain for Aggregate Profit with names and minutes', () => {
    const result = run('who', '--db', db, '--pipeline', 'Aggregate Profit', '--at', '2026-11-21 10:00');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Who to call for Aggregate Profit from 2026-11-21 10:00 (America/New_York)');
    expect(lines.find((l) => l.startsWith('1 '))).toMatch(
      /^1 +0 min +10:00 +On-call primary +Engineer C +engineer\.c@example\.com$/,
    );
    expect(lines.find((l) => l.startsWith('3 '))).toMatch(/^3 +30 min +10:30 +Pipeline primary owner +Engineer B /);
    expect(lines.find((l) => l.startsWith('4 '))).toMatch(/Engineer C .*Already called at level 1$/);
  });

  it('reads --at without an offset as team time, and says so in its help', () => {
    // Thanksgiving 2027, 10:00 in New York: the seconds and the 'T' of an ISO time do not make it UTC.
    const result = run('who', '--db', db, '--pipeline', 'Aggregate Profit', '--at', '2027-11-25T10:00:00');
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')[0]).toBe(
      'Who to call for Aggregate Profit from 2027-11-25 10:00 (America/New_York)',
    );
    const withOffset = run('who', '--db', db, '--pipeline', 'Aggregate Profit', '--at', '2027-11-25T15:00:00Z');
    expect(withOffset.stdout.split('\n')[0]).toBe(result.stdout.split('\n')[0]);
    expect(run('who', '--help').stdout).toMatch(
      /without an offset it is team\s+time, read in the rotation's time zone/,
    );
    const refused = run('who', '--db', db, '--pipeline', 'Aggregate Profit', '--at', '2027-02-30 10:00');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/--at must be a date and time as 'YYYY-MM-DD HH:MM'.*not '2027-02-30 10:00'\./);
  });

  it('names an unknown pipeline and lists the real ones', () => {
    const result = run('who', '--db', db, '--pipeline', 'Nope');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/There is no pipeline 'Nope'\. Pipelines: .*Aggregate Profit/);
  });

  it('prints the deadlines over Christmas: Aggregate Profit due Monday 28 Dec for five days of data', () => {
    const result = run('sla', '--db', db, '--from', '2026-12-24', '--days', '5');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /2026-12-28 09:00 +America\/New_York +Aggregate Profit +by 09:00 the next business day +data of 2026-12-23, 2026-12-24, 2026-12-25, 2026-12-26, 2026-12-27/,
    );
    expect(result.stdout).not.toMatch(/2026-12-2[4-7] 09:00 .*Aggregate Profit/);
    expect(result.stdout).toMatch(
      /Unit-level Profit: within 6 hours of experiment start \(no deadline until the event happens\)/,
    );
  });

  it('says which option is malformed', () => {
    expect(run('sla', '--db', db, '--days', 'ten').stderr).toMatch(
      /--days must be a whole number from 1 to 366, not 'ten'/,
    );
  });
});
