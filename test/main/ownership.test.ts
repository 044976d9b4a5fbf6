import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import type { PipelineRow } from '../../src/shared/views';
import { FROZEN_NOW, testApp } from '../support/app';

let app: WatchbillApp;
beforeEach(() => (app = testApp()));
afterEach(() => app.close());

async function rows(): Promise<PipelineRow[]> {
  const result = await app.dispatch('pipelines:list', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as PipelineRow[];
}

describe('ownership', () => {
  it('saves new owners and a reason, and keeps the change in the history', async () => {
    const engineers = app.repos.engineers.list();
    const byName = (n: string) => engineers.find((e) => e.name === n)!.id;
    const profit = (await rows()).find((r) => r.pipeline.name === 'Aggregate Profit')!;
    const result = await app.dispatch('ownership:set', {
      pipelineId: profit.pipeline.id,
      primaryEngineerId: byName('Engineer D'),
      secondaryEngineerId: byName('Engineer B'),
      reason: '  D led the profit re-platforming.  ',
    });
    expect(result.ok).toBe(true);
    const saved = (await rows()).find((r) => r.pipeline.id === profit.pipeline.id)!;
    expect(saved.ownership).toMatchObject({
      primaryEngineerId: byName('Engineer D'),
      secondaryEngineerId: byName('Engineer B'),
      reason: 'D led the profit re-platforming.',
      updatedAt: FROZEN_NOW.toISOString(),
    });
    const history = await app.dispatch('ownership:history', { pipelineId: profit.pipeline.id });
    expect(history.ok && (history.value as { primaryEngineerId: number }[]).map((h) => h.primaryEngineerId)).toEqual([
      byName('Engineer D'),
      byName('Engineer B'),
    ]);
  });

  it('refuses an unknown pipeline or engineer', async () => {
    expect(
      await app.dispatch('ownership:set', {
        pipelineId: 999,
        primaryEngineerId: 1,
        secondaryEngineerId: 2,
        reason: '',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await app.dispatch('ownership:set', { pipelineId: 1, primaryEngineerId: 1, secondaryEngineerId: 77, reason: '' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'There is no engineer #77.' },
    });
  });

  it('allows leaving the secondary empty, which Today then warns about', async () => {
    const [row] = await rows();
    await app.dispatch('ownership:set', {
      pipelineId: row!.pipeline.id,
      primaryEngineerId: row!.ownership!.primaryEngineerId,
      secondaryEngineerId: null,
      reason: 'Looking for a backup',
    });
    const today = await app.dispatch('today:get', {});
    expect(today.ok).toBe(true);
    const warnings = today.ok ? (today.value as { warnings: { kind: string; message: string }[] }).warnings : [];
    expect(warnings).toContainEqual(
      expect.objectContaining({ kind: 'no_secondary_owner', message: `${row!.pipeline.name} has no secondary owner.` }),
    );
  });
});
