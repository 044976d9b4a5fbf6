// The long computations run in real worker threads (started from the TypeScript sources), so
// the app keeps answering while one runs, and a running one can be stopped.
import { afterEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import type { PlanResult } from '../../src/shared/domain/planner';
import type { JobProgress } from '../../src/shared/ipc/channels/jobs';
import { testApp } from '../support/app';

const opened: WatchbillApp[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((app) => app.close()));
});

/**
 * The seeded app with a rotation of 30 engineers on one-day shifts: planning two years of it
 * takes minutes. Its computations run in real workers, or on the main thread for comparison.
 */
async function bigTeamApp(where: 'worker' | 'main thread' = 'worker'): Promise<WatchbillApp> {
  const app = testApp(where === 'worker' ? { jobs: { size: 2 } } : {});
  opened.push(app);
  const call = callOn(app);
  const memberIds: number[] = [];
  for (let i = 0; i < 30; i += 1) {
    const engineer = await call<{ id: number }>('engineers:save', {
      name: `Engineer ${i + 1}`,
      color: '#336699',
      timeZone: 'UTC',
    });
    memberIds.push(engineer.id);
  }
  const [rotation] = await call<{ id: number; name: string }[]>('rotations:list');
  await call('rotations:save', {
    id: rotation!.id,
    name: rotation!.name,
    timeZone: 'UTC',
    startDate: '2026-01-05',
    shiftDays: 1,
    handoffTime: '09:00',
    memberIds,
  });
  return app;
}

const callOn =
  (on: WatchbillApp) =>
  async <T = unknown>(channel: string, args: unknown = {}): Promise<T> => {
    const result = await on.dispatch(channel, args);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };

/** Waits, a turn of the event loop at a time, until the app reports a job for the channel that has made progress. */
async function runningJob(on: WatchbillApp, channel: string): Promise<JobProgress> {
  for (;;) {
    const jobs = await callOn(on)<JobProgress[]>('jobs:progress');
    const job = jobs.find((j) => j.channel === channel && j.running && j.done > 0);
    if (job) return job;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const TWO_YEARS = { from: '2027-01-01', to: '2028-12-31' };

describe('heavy work in worker threads', () => {
  it('answers app:info while a two-year plan for 30 engineers is being computed', async () => {
    const on = await bigTeamApp();
    const order: string[] = [];
    const planning = on.dispatch('plan:propose', TWO_YEARS).then((result) => {
      order.push('plan');
      return result;
    });
    await runningJob(on, 'plan:propose');
    const info = await on.dispatch('app:info', {});
    order.push('info');
    expect(info).toMatchObject({ ok: true, value: { host: 'browser' } });
    // The plan is still being computed after the answer: the main thread was never blocked.
    const [job] = await callOn(on)<JobProgress[]>('jobs:progress');
    expect(job).toMatchObject({ channel: 'plan:propose', running: true });
    await callOn(on)('jobs:cancel', { jobId: job!.id });
    await planning;
    expect(order).toEqual(['info', 'plan']);
  });

  it('stops a plan on jobs:cancel, answers it as cancelled, and keeps working afterwards', async () => {
    const on = await bigTeamApp();
    const planning = on.dispatch('plan:propose', TWO_YEARS);
    const job = await runningJob(on, 'plan:propose');
    expect(job.label).toBe('Planning 2027-01-01 to 2028-12-31');
    expect(job.total).toBeGreaterThan(job.done);
    expect(await callOn(on)('jobs:cancel', { jobId: job.id })).toEqual({ cancelled: true });
    expect(await planning).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await callOn(on)('jobs:progress')).toEqual([]);
    expect(await callOn(on)('jobs:cancel', { jobId: job.id })).toEqual({ cancelled: false });
    const week = { from: '2027-01-01', to: '2027-01-07' };
    const fresh = await on.dispatch('plan:propose', week);
    expect(fresh.ok).toBe(true);
    expect(fresh).toEqual(await (await bigTeamApp('main thread')).dispatch('plan:propose', week));
  });

  it('lets a newer plan request replace the one still running', async () => {
    const on = await bigTeamApp();
    const first = on.dispatch('plan:propose', TWO_YEARS);
    await runningJob(on, 'plan:propose');
    const second = await on.dispatch('plan:propose', { from: '2027-03-01', to: '2027-03-14' });
    expect(await first).toMatchObject({
      ok: false,
      error: { code: 'cancelled', message: 'Planning 2027-01-01 to 2028-12-31: replaced by a newer request.' },
    });
    expect(second.ok).toBe(true);
    const days = second.ok ? (second.value as PlanResult).shifts.map((shift) => shift.startsAt.slice(0, 10)) : [];
    expect([days[0], days.at(-1), days.length]).toEqual(['2027-03-01', '2027-03-14', 14]);
  });

  it('ends a running computation when the app closes', async () => {
    const on = await bigTeamApp();
    const planning = on.dispatch('plan:propose', TWO_YEARS);
    await runningJob(on, 'plan:propose');
    await on.close();
    expect(await planning).toMatchObject({ ok: false, error: { code: 'cancelled', message: 'Watchbill is closing.' } });
  });

  it('gives the same answers as the computation on the main thread', async () => {
    const on = await bigTeamApp();
    const local = await bigTeamApp('main thread');
    const period = { kind: 'custom', from: '2026-01-05', to: '2026-03-31' };
    for (const [channel, args] of [
      ['fairness:get', { period }],
      ['swaps:suggest', { period: { kind: 'quarter', date: '2026-12-01' }, limit: 3 }],
    ] as const) {
      const answer = await on.dispatch(channel, args);
      expect(answer.ok).toBe(true);
      expect(answer).toEqual(await local.dispatch(channel, args));
    }
  });
});

describe('bounded history', () => {
  it('weighs all-time fairness of a rotation dated 1900-01-01 over the last ten years only', async () => {
    const app = testApp();
    opened.push(app);
    const call = callOn(app);
    const [rotation] = await call<{ id: number; name: string; memberIds: number[] }[]>('rotations:list');
    await call('rotations:save', {
      ...rotation,
      timeZone: 'UTC',
      startDate: '1900-01-01',
      shiftDays: 1,
      handoffTime: '09:00',
    });
    const report = await call<{ period: { startDate: string; label: string }; engineers: { primaryDays: number }[] }>(
      'fairness:get',
      { period: { kind: 'all_time' } },
    );
    expect(report.period).toMatchObject({ startDate: '2016-01-01', label: 'since 2016-01-01' });
    // Ten years of daily shifts (2016-01-01 to 2026-11-21), shared by the members.
    expect(report.engineers.reduce((sum, row) => sum + row.primaryDays, 0)).toBeCloseTo(3978, 0);
  });
});
