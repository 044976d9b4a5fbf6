import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import type { ArgsIn, Channel, ResultOf } from '../../src/shared/ipc/contract';
import { runbookContent } from '../../src/shared/domain/runbook';
import { testApp } from '../support/app';

let app: WatchbillApp;
beforeEach(() => (app = testApp()));
afterEach(() => app.close());

async function call<K extends Channel>(channel: K, args: ArgsIn<K>): Promise<ResultOf<K>> {
  const result = await app.dispatch(channel, args);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ResultOf<K>;
}
const pipelineId = (name: string) => app.repos.pipelines.list().find((p) => p.name === name)!.id;

describe('runbook revisions', () => {
  it('keeps every save as a revision, diffs two and restores an old one as a new revision', async () => {
    const id = pipelineId('Aggregate Profit');
    const first = (await call('runbooks:get', { pipelineId: id })).runbook!;
    expect(first.revision).toBe(1);

    const content = runbookContent(first);
    content.scenarios.push({
      title: 'Schema drift',
      symptoms: 'Columns missing.',
      checks: 'Schema report.',
      steps: ['Update the mapping.', 'Re-run.'],
    });
    const saved = await call('runbooks:save', { pipelineId: id, content, note: 'Added schema drift' });
    expect(saved.runbook!.revision).toBe(2);
    expect(saved.runbook!.scenarios.map((s) => s.title)).toContain('Schema drift');
    // Scenarios kept across the save keep their rows (drills point at them).
    expect(saved.runbook!.scenarios[0]!.id).toBe(first.scenarios[0]!.id);

    const revisions = await call('runbooks:revisions', { pipelineId: id });
    expect(revisions.map((r) => [r.revision, r.note])).toEqual([
      [2, 'Added schema drift'],
      [1, 'Initial revision'],
    ]);

    const { diff } = await call('runbooks:diff', { pipelineId: id, from: 1, to: 2 });
    expect(diff.sections.map((s) => s.section)).toEqual(['scenarios']);
    expect(diff.sections[0]!.scenarios).toEqual([
      { change: 'added', title: 'Schema drift', steps: ['Update the mapping.', 'Re-run.'] },
    ]);

    const restored = await call('runbooks:restore', { pipelineId: id, revision: 1 });
    expect(restored.runbook!.revision).toBe(3);
    expect(restored.runbook!.scenarios.map((s) => s.title)).not.toContain('Schema drift');
    expect((await call('runbooks:revisions', { pipelineId: id }))[0]).toMatchObject({
      revision: 3,
      note: 'Restored revision 1',
    });
    expect((await call('runbooks:diff', { pipelineId: id, from: 1, to: 3 })).diff.changed).toBe(false);
  });

  it('creates a runbook for a pipeline that has none, and reports its empty sections', async () => {
    const row = await call('pipelines:save', { name: 'Churn for investors', areaId: null, audience: 'investors' });
    expect((await call('runbooks:get', { pipelineId: row.pipeline.id })).runbook).toBeNull();
    const today = await call('today:get', {});
    expect(today.warnings.map((w) => w.message)).toContain(
      'Churn for investors reports to investors but has no runbook.',
    );

    const view = await call('runbooks:save', { pipelineId: row.pipeline.id, content: { purpose: 'Churn by cohort.' } });
    expect(view.runbook!.revision).toBe(1);
    expect(view.completeness!.emptySections).toEqual(['scenarios', 'monitoring', 'escalation']);
    const after = await call('today:get', {});
    expect(after.warnings.find((w) => w.kind === 'investor_runbook_incomplete')?.message).toBe(
      'Churn for investors reports to investors but its runbook has nothing under Failure scenarios, Monitoring and alerting, Escalation.',
    );
  });

  it('refuses an unknown revision and a contact level without a name, changing nothing', async () => {
    const id = pipelineId('Aggregate Growth');
    expect(await app.dispatch('runbooks:restore', { pipelineId: id, revision: 9 })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: "Aggregate Growth's runbook has no revision 9." },
    });
    const bad = await app.dispatch('runbooks:save', {
      pipelineId: id,
      content: { escalation: [{ role: 'contact', afterMinutes: 5 }] },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await call('runbooks:revisions', { pipelineId: id })).length).toBe(1);
  });
});

describe('who do I call', () => {
  it('for Aggregate Profit at 2026-11-21T15:00Z: on call C then D, owners B then C, then the lead', async () => {
    const view = await call('escalation:who', { pipelineId: pipelineId('Aggregate Profit') });
    expect(view.at).toBe('2026-11-21T15:00:00.000Z');
    expect(view.levels!.map((l) => [l.afterMinutes, l.role, l.name])).toEqual([
      [0, 'oncall_primary', 'Engineer C'],
      [15, 'oncall_secondary', 'Engineer D'],
      [30, 'pipeline_primary', 'Engineer B'],
      [45, 'pipeline_secondary', 'Engineer C'],
      [60, 'team_lead', 'Data engineering lead'],
    ]);
    expect(view.levels![0]!.detail).toBe('engineer.c@example.com');
  });

  it('on Christmas Day calls Engineer D, who covers it, and names the team lead once it is set', async () => {
    const d = app.repos.engineers.list().find((e) => e.name === 'Engineer D')!.id;
    await call('team-lead:set', { lead: { kind: 'contact', name: 'Dana Lee', detail: 'dana@example.com' } });
    const view = await call('escalation:who', {
      pipelineId: pipelineId('Aggregate Growth'),
      at: '2026-12-25T17:00:00Z',
    });
    expect(view.levels![0]!.engineerId).toBe(d);
    expect(view.levels![4]).toMatchObject({ name: 'Dana Lee', detail: 'dana@example.com' });
    expect(await call('team-lead:get', {})).toEqual({ kind: 'contact', name: 'Dana Lee', detail: 'dana@example.com' });
  });
});
