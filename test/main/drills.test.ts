import { spawnSync } from 'node:child_process';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type WatchbillApp } from '../../src/main/app';
import { appRoot } from '../../src/main/paths';
import type { ArgsIn, Channel, ResultOf } from '../../src/shared/ipc/contract';
import { FROZEN_NOW, handClock, tempDir, testApp } from '../support/app';

let app: WatchbillApp;
/** The clock the app reads: tests move it forward to let a drill run. */
let clock: ReturnType<typeof handClock>;
beforeEach(() => {
  clock = handClock(FROZEN_NOW);
  app = testApp({ clock });
});
afterEach(() => app.close());

const advance = (seconds: number) => clock.set(new Date(clock.now().getTime() + seconds * 1000));

async function call<K extends Channel>(channel: K, args: ArgsIn<K>): Promise<ResultOf<K>> {
  const result = await app.dispatch(channel, args);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ResultOf<K>;
}
const pipelineId = (name: string) => app.repos.pipelines.list().find((p) => p.name === name)!.id;
const engineerId = (name: string) => app.repos.engineers.list().find((e) => e.name === name)!.id;
const scenarioId = (pipeline: string, title: string) =>
  app.repos.runbooks.get(pipelineId(pipeline))!.scenarios.find((s) => s.title === title)!.id;

/** Every drill with its participants, steps, notes and follow-ups, and every runbook revision: to show a refusal wrote nothing. */
const everything = () =>
  JSON.stringify({
    drills: app.repos.drills.list(),
    revisions: app.repos.runbooks.pipelineIds().map((id) => app.repos.runbooks.revisions(id)),
  });

async function scheduleJobFailures(at = '2026-11-21T15:00:00.000Z') {
  return call('drills:schedule', {
    pipelineId: pipelineId('Aggregate Profit'),
    scenarioId: scenarioId('Aggregate Profit', 'Job failures'),
    scheduledAt: at,
    facilitatorId: engineerId('Engineer A'),
  });
}

describe('planning a drill', () => {
  it('keeps who was primary, who was secondary and who was added, whatever their ids, in the record and the report', async () => {
    // Sat 21 Nov 2026: Engineer C primary, Engineer D secondary. Chosen by hand in another
    // order, with Engineer A added: the roles come from the schedule, not from the order or the ids.
    const view = await call('drills:schedule', {
      pipelineId: pipelineId('Aggregate Profit'),
      scenarioId: scenarioId('Aggregate Profit', 'Job failures'),
      scheduledAt: FROZEN_NOW.toISOString(),
      facilitatorId: engineerId('Engineer B'),
      participantIds: [engineerId('Engineer A'), engineerId('Engineer D'), engineerId('Engineer C')],
    });
    const expected = [
      { engineerId: engineerId('Engineer C'), role: 'primary' },
      { engineerId: engineerId('Engineer D'), role: 'secondary' },
      { engineerId: engineerId('Engineer A'), role: 'added' },
    ];
    expect(view.drill.participants).toEqual(expected);
    expect((await call('drills:get', { drillId: view.drill.id })).drill.participants).toEqual(expected);
    const report = await call('drills:report', { drillId: view.drill.id, format: 'md' });
    expect(report.content).toContain(
      '- Participants: Engineer C (primary), Engineer D (secondary), Engineer A (added)',
    );
  });

  it('takes who is on call at that moment as the participants, and shows the runbook steps before the start', async () => {
    const view = await scheduleJobFailures();
    // Sat 21 Nov 2026 is in week 47 of the rotation: Engineer C primary, Engineer D secondary.
    expect(view.drill.participants).toEqual([
      { engineerId: engineerId('Engineer C'), role: 'primary' },
      { engineerId: engineerId('Engineer D'), role: 'secondary' },
    ]);
    expect(view.drill).toMatchObject({ status: 'planned', scenarioTitle: 'Job failures', startedAt: null });
    expect(view.steps.map((s) => s.text)[0]).toBe("Read the failed job's logs and find the failing step.");
    expect(view.scenario.symptoms).toContain('A job in the pipeline failed');
    // The escalation chain at that moment, with names, from the runbook service.
    expect(view.escalation?.map((l) => l.name)).toContain('Engineer C');
    expect((await call('drills:list', {})).drills.map((d) => d.drill.id)).toEqual([view.drill.id]);
  });

  it('takes participants when given; the plan covers the pipeline on Today', async () => {
    const before = await call('today:get', {});
    expect(before.warnings.filter((w) => w.kind === 'drill_due').map((w) => w.message)).toEqual([
      'Aggregate Profit is due for a drill by Sat 21 Nov (it has never had one).',
      'Aggregate Growth is due for a drill by Sat 21 Nov (it has never had one).',
      'Aggregate Engagement is due for a drill by Sat 21 Nov (it has never had one).',
    ]);
    const view = await call('drills:schedule', {
      pipelineId: pipelineId('Aggregate Profit'),
      scenarioId: scenarioId('Aggregate Profit', 'Data freshness issues'),
      scheduledAt: '2026-12-02T15:00:00Z',
      facilitatorId: engineerId('Engineer A'),
      participantIds: [engineerId('Engineer B')],
    });
    // Wed 2 Dec 2026: Engineer B is primary that week, so B keeps that role.
    expect(view.drill.participants).toEqual([{ engineerId: engineerId('Engineer B'), role: 'primary' }]);
    const after = await call('today:get', {});
    expect(after.warnings.some((w) => w.message.startsWith('Aggregate Profit is due'))).toBe(false);
    expect((await call('drills:due', {})).due.find((d) => d.pipelineName === 'Aggregate Profit')).toMatchObject({
      state: 'planned',
      plannedDrillId: view.drill.id,
    });
  });
});

describe('running a drill', () => {
  it('saves each tick, mark and note as it happens, and resumes with the clock right', async () => {
    const { drill } = await scheduleJobFailures();
    const started = await call('drills:start', { drillId: drill.id });
    expect(started.drill).toMatchObject({ status: 'running', startedAt: '2026-11-21T15:00:00.000Z' });
    expect(started.nextStep).toBe(0);

    advance(30);
    await call('drills:tick', { drillId: drill.id, position: 0 });
    advance(15);
    await call('drills:mark', { drillId: drill.id, moment: 'acknowledged' });
    advance(45);
    await call('drills:tick', { drillId: drill.id, position: 1, skipped: true });
    await call('drills:note', { drillId: drill.id, text: 'Restart needs <admin> rights & a **ticket**' });
    advance(60);

    // The renderer went away; a new one asks for the drill again.
    const resumed = await call('drills:get', { drillId: drill.id });
    expect(resumed.serverNow).toBe('2026-11-21T15:02:30.000Z');
    expect(Date.parse(resumed.serverNow) - Date.parse(resumed.drill.startedAt!)).toBe(150_000);
    expect(resumed.nextStep).toBe(2);
    expect(resumed.steps.map((s) => [s.tickedAt, s.skipped])).toEqual([
      ['2026-11-21T15:00:30.000Z', false],
      ['2026-11-21T15:01:30.000Z', true],
      [null, false],
      [null, false],
    ]);
    expect(resumed.timings).toMatchObject({ toAcknowledgeMs: 45_000, stepsSkipped: 1, stepsDone: 1 });
    expect(resumed.drill.notes.map((n) => n.text)).toEqual(['Restart needs <admin> rights & a **ticket**']);

    // Untick puts a step back; resolving fills mitigated too.
    await call('drills:untick', { drillId: drill.id, position: 1 });
    expect((await call('drills:get', { drillId: drill.id })).nextStep).toBe(1);
    const resolved = await call('drills:mark', { drillId: drill.id, moment: 'resolved' });
    expect(resolved.timings).toMatchObject({ toMitigateMs: 150_000, toResolveMs: 150_000 });
  });

  it('finishes into a record with outcome, findings and follow-ups; open follow-ups reach Today', async () => {
    const { drill } = await scheduleJobFailures();
    await call('drills:start', { drillId: drill.id });
    for (const position of [0, 1, 2]) {
      advance(40);
      await call('drills:tick', { drillId: drill.id, position });
    }
    await call('drills:mark', { drillId: drill.id, moment: 'resolved' });
    advance(20);
    const finished = await call('drills:finish', {
      drillId: drill.id,
      outcome: 'passed_with_findings',
      findings: 'The restart step does not say which cluster.',
      followups: [{ text: 'Name the cluster in step 2', ownerId: engineerId('Engineer B'), dueDate: '2026-11-20' }],
    });
    expect(finished.drill).toMatchObject({ status: 'finished', outcome: 'passed_with_findings' });
    expect(finished.timings).toMatchObject({ toResolveMs: 120_000, durationMs: 140_000, stepsLeft: 1 });
    expect(finished.history?.entries.map((e) => e.drillId)).toEqual([drill.id]);

    const today = await call('today:get', {});
    expect(today.warnings.map((w) => w.message)).toContain(
      'Follow-up of the Aggregate Profit drill (Job failures): Name the cluster in step 2 — due Fri 20 Nov, overdue.',
    );
    // The finished drill moves the next one six months on.
    const due = (await call('drills:due', {})).due.find((d) => d.pipelineName === 'Aggregate Profit');
    expect(due).toMatchObject({ state: 'ok', nextDueAt: '2027-05-21T15:02:20.000Z' });

    const followup = finished.drill.followups[0]!;
    expect(await call('drills:followup-status', { followupId: followup.id, status: 'done' })).toMatchObject({
      status: 'done',
      pipelineName: 'Aggregate Profit',
    });
    expect((await call('drills:due', {})).openFollowups).toEqual([]);
  });

  it('keeps the steps as run when the runbook changes later, and compares drills of the same scenario', async () => {
    const times: number[] = [];
    for (const [start, ackAfter] of [
      ['2026-05-21T15:00:00.000Z', 120],
      ['2026-11-21T15:00:00.000Z', 40],
    ] as const) {
      clock.set(new Date(start));
      const { drill } = await scheduleJobFailures(start);
      await call('drills:start', { drillId: drill.id });
      advance(ackAfter);
      await call('drills:mark', { drillId: drill.id, moment: 'acknowledged' });
      await call('drills:finish', { drillId: drill.id, outcome: 'passed' });
      times.push(drill.id);
    }
    const history = await call('drills:history', { pipelineId: pipelineId('Aggregate Profit') });
    expect(history).toHaveLength(1);
    expect(history[0]!.entries.map((e) => [e.drillId, e.toAcknowledgeMs])).toEqual([
      [times[0], 120_000],
      [times[1], 40_000],
    ]);
    expect(history[0]!.trend.acknowledge).toBe('faster');
    expect(await call('drills:history', { scenarioId: scenarioId('Aggregate Profit', 'Job failures') })).toEqual(
      history,
    );
    expect(
      await call('drills:history', { scenarioId: scenarioId('Aggregate Profit', 'Data inconsistencies') }),
    ).toEqual([]);
  });

  it('refuses what a drill in its state cannot do', async () => {
    const { drill } = await scheduleJobFailures();
    expect(await app.dispatch('drills:tick', { drillId: drill.id, position: 0 })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: `Drill #${drill.id} has not started: it cannot tick steps.` },
    });
    await call('drills:start', { drillId: drill.id });
    await call('drills:tick', { drillId: drill.id, position: 0 });
    expect(await app.dispatch('drills:tick', { drillId: drill.id, position: 0 })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Step 1 is already ticked; untick it first.' },
    });
    expect(await app.dispatch('drills:tick', { drillId: drill.id, position: 9 })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: `Drill #${drill.id} has no step 10 (it has 4).` },
    });
    expect(await app.dispatch('drills:start', { drillId: drill.id })).toMatchObject({ ok: false });
  });
});

describe('bad payloads', () => {
  it('are refused with the field named, and nothing is written', async () => {
    const { drill } = await scheduleJobFailures();
    await call('drills:start', { drillId: drill.id });
    const before = everything();
    const refusals: [Channel, unknown, string][] = [
      ['drills:schedule', { pipelineId: 1, scenarioId: 1, scheduledAt: 'tomorrow', facilitatorId: 1 }, 'scheduledAt'],
      [
        'drills:schedule',
        { pipelineId: 1, scenarioId: 1, scheduledAt: '2026-12-01T10:00:00Z', facilitatorId: 1, participantIds: [] },
        'participantIds: choose at least one participant',
      ],
      ['drills:tick', { drillId: drill.id, position: -1 }, 'position'],
      ['drills:mark', { drillId: drill.id, moment: 'panicked' }, 'moment'],
      ['drills:note', { drillId: drill.id, text: '   ' }, 'text: must not be empty'],
      [
        'drills:finish',
        { drillId: drill.id, outcome: 'failed', findings: '' },
        'findings: say what was found when the drill did not simply pass',
      ],
      [
        'drills:finish',
        { drillId: drill.id, outcome: 'passed', followups: [{ text: 'x', ownerId: 1, dueDate: '2026-13-45' }] },
        'followups.0.dueDate',
      ],
      ['drills:report', { drillId: drill.id, format: 'docx' }, 'format'],
      ['drills:edit-step', { drillId: drill.id, position: 0, text: '' }, 'text: a step must not be empty'],
      ['drills:tick', { drillId: drill.id, position: 0, extra: true }, 'Unrecognized key'],
    ];
    for (const [channel, payload, field] of refusals) {
      const result = await app.dispatch(channel, payload);
      expect(result.ok, `${channel} ${JSON.stringify(payload)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_input');
        expect(result.error.message).toContain(field);
      }
    }
    // Refused by the service, after the schema: an unknown scenario, an unknown owner.
    expect(
      await app.dispatch('drills:schedule', {
        pipelineId: pipelineId('Aggregate Profit'),
        scenarioId: 99_999,
        scheduledAt: '2026-12-01T10:00:00Z',
        facilitatorId: 1,
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(
      await app.dispatch('drills:finish', {
        drillId: drill.id,
        outcome: 'passed',
        followups: [{ text: 'x', ownerId: 777, dueDate: null }],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'There is no engineer #777 to own a follow-up.' },
    });
    expect(everything()).toEqual(before);
    expect((await call('drills:get', { drillId: drill.id })).drill.status).toBe('running');
  });
});

describe('the record', () => {
  async function finishedDrill() {
    const { drill } = await scheduleJobFailures();
    await call('drills:start', { drillId: drill.id });
    advance(50);
    await call('drills:tick', { drillId: drill.id, position: 0 });
    await call('drills:mark', { drillId: drill.id, moment: 'acknowledged' });
    advance(70);
    await call('drills:tick', { drillId: drill.id, position: 1, skipped: true });
    await call('drills:note', { drillId: drill.id, text: '<script>alert(1)</script> and *stars*' });
    advance(100);
    await call('drills:mark', { drillId: drill.id, moment: 'resolved' });
    return call('drills:finish', {
      drillId: drill.id,
      outcome: 'passed_with_findings',
      findings: 'Restart was unclear.\nLogs were <hard> to find.',
      followups: [{ text: 'Link the logs dashboard', ownerId: engineerId('Engineer B'), dueDate: '2026-12-15' }],
    });
  }

  it('reports the drill as Markdown and HTML, with user text escaped', async () => {
    const { drill } = await finishedDrill();
    const md = await call('drills:report', { drillId: drill.id, format: 'md' });
    expect(md.filename).toBe(`drill-${drill.id}-aggregate-profit-job-failures-2026-11-21.md`);
    expect(md.content).toContain('# Drill report: Aggregate Profit — Job failures');
    expect(md.content).toContain('Outcome: **Passed with findings**');
    expect(md.content).toContain('| Acknowledged | 0:50 |');
    expect(md.content).toContain('| Resolved | 3:40 |');
    expect(md.content).toContain('Steps: 1 of 4 done, 1 skipped, 2 not reached.');
    expect(md.content).toContain('| 2 | Restart the job (with more resources if it hit a limit). | 2:00 | skipped |');
    expect(md.content).toContain('- Participants: Engineer C (primary), Engineer D (secondary)');
    expect(md.content).toContain('\\<script\\>alert(1)\\</script\\> and \\*stars\\*');
    expect(md.content).toContain('| Link the logs dashboard | Engineer B | 2026-12-15 | open |');

    const html = await call('drills:report', { drillId: drill.id, format: 'html' });
    expect(html.filename.endsWith('.html')).toBe(true);
    expect(html.content).toContain('<h1>Drill report: Aggregate Profit — Job failures</h1>');
    expect(html.content).not.toContain('<script>');
    expect(html.content).toContain('&lt;script&gt;alert(1)&lt;/script&gt; and *stars*');
    expect(html.content).toContain('<p>Logs were &lt;hard&gt; to find.</p>');

    // The PDF goes through the export path (headless Chromium here, printToPDF in the desktop app).
    const pdf = await call('drills:report', { drillId: drill.id, format: 'pdf' });
    expect(pdf).toMatchObject({ mimeType: 'application/pdf', encoding: 'base64' });
    expect(pdf.filename.endsWith('.pdf')).toBe(true);
    expect(Buffer.from(pdf.content, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('edits a step in the runbook from the record: a new revision that references the drill', async () => {
    const { drill } = await finishedDrill();
    const id = pipelineId('Aggregate Profit');
    const revision = app.repos.runbooks.get(id)!.revision;
    const view = await call('drills:edit-step', {
      drillId: drill.id,
      position: 1,
      text: 'Restart the job on the reporting cluster (with more resources if it hit a limit).',
    });
    const runbook = app.repos.runbooks.get(id)!;
    expect(runbook.revision).toBe(revision + 1);
    expect(runbook.scenarios.find((s) => s.title === 'Job failures')!.steps[1]).toBe(
      'Restart the job on the reporting cluster (with more resources if it hit a limit).',
    );
    expect((await call('runbooks:revisions', { pipelineId: id }))[0]).toMatchObject({
      revision: revision + 1,
      drillId: drill.id,
      note: `Step 2 of 'Job failures' changed after the drill of 2026-11-21 (drill #${drill.id})`,
    });
    expect(view.revisions.map((r) => r.revision)).toEqual([revision + 1]);
    // The record keeps the step as it was run.
    expect(view.steps[1]!.text).toBe('Restart the job (with more resources if it hit a limit).');
    // The same step can be edited again from the record (found by its place).
    await call('drills:edit-step', {
      drillId: drill.id,
      position: 1,
      text: 'Restart the job on the reporting cluster.',
    });
    expect(app.repos.runbooks.get(id)!.revision).toBe(revision + 2);
    const md = await call('drills:report', { drillId: drill.id, format: 'md' });
    expect(md.content).toContain('## Runbook changes from this drill');
  });

  it('keeps the cadence as a setting', async () => {
    expect(await call('drills:cadence', {})).toEqual({ perYear: 2, audiences: ['investors'], windowDays: 30 });
    await call('drills:set-cadence', { perYear: 1, audiences: ['investors', 'experiments'], windowDays: 14 });
    const due = await call('drills:due', {});
    expect(due.cadence.perYear).toBe(1);
    expect(due.due).toHaveLength(5);
  });
});

describe('watchbill drills', { timeout: 30_000 }, () => {
  const temp = tempDir();
  afterAll(() => temp.remove());
  // The command runs on the same frozen day as the app that wrote the drills.
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/watchbill.js', 'drills', '--now', FROZEN_NOW.toISOString(), ...args], {
      cwd: appRoot(),
      encoding: 'utf8',
    });

  it('lists drills with their times and what is due; --due exits 3 when a drill is overdue', async () => {
    const db = temp.file('drills.db');
    // A drill seven months before the command's day: its pipeline is overdue then.
    const clockThen = handClock(new Date(FROZEN_NOW.getTime() - 210 * 86_400_000));
    const fileApp = openApp({ databasePath: db, host: 'browser', clock: clockThen, log: () => {} });
    try {
      const dispatch = async <K extends Channel>(channel: K, args: ArgsIn<K>) => {
        const result = await fileApp.dispatch(channel, args);
        if (!result.ok) throw new Error(result.error.message);
        return result.value as ResultOf<K>;
      };
      const pipeline = fileApp.repos.pipelines.list().find((p) => p.name === 'Aggregate Growth')!;
      const scenario = fileApp.repos.runbooks.get(pipeline.id)!.scenarios[0]!;
      const { drill } = await dispatch('drills:schedule', {
        pipelineId: pipeline.id,
        scenarioId: scenario.id,
        scheduledAt: clockThen.now().toISOString(),
        facilitatorId: fileApp.repos.engineers.list()[0]!.id,
      });
      await dispatch('drills:start', { drillId: drill.id });
      clockThen.set(new Date(clockThen.now().getTime() + 75_000));
      await dispatch('drills:mark', { drillId: drill.id, moment: 'resolved' });
      await dispatch('drills:finish', {
        drillId: drill.id,
        outcome: 'failed',
        findings: 'Nobody knew the scheduler.',
        followups: [{ text: 'Scheduler walkthrough', ownerId: null, dueDate: null }],
      });
    } finally {
      fileApp.close();
    }

    const all = run('--db', db);
    expect(all.status).toBe(0);
    expect(all.stdout).toMatch(
      /Aggregate Growth\s+Data freshness issues\s+finished\s+1:15\s+1:15\s+1:15\s+0\/4\s+Failed/,
    );
    expect(all.stdout).toMatch(/Aggregate Growth\s+OVERDUE/);

    const due = run('--db', db, '--due');
    expect(due.status).toBe(3);
    expect(due.stdout).toMatch(/Aggregate Profit\s+due\s+\d{4}-\d{2}-\d{2}\s+never/);
    expect(due.stdout).toContain('Scheduler walkthrough');

    const json = JSON.parse(run('--db', db, '--due', '--json').stdout) as { openFollowups: { text: string }[] };
    expect(json.openFollowups.map((f) => f.text)).toEqual(['Scheduler walkthrough']);
  });
});
