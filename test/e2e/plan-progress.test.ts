// A long plan as a person meets it: the calendar shows how far the planner is and stops it on
// Cancel, the app answers meanwhile, and `watchbill serve` ends promptly and cleanly on SIGTERM
// in the middle of one.
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { builtWorkerPath, createJobPool } from '../../src/main/jobs/pool';
import type { JobProgress } from '../../src/shared/ipc/channels/jobs';
import type { Engineer, Rotation } from '../../src/shared/model';
import type { Result } from '../../src/shared/result';
import { api } from './support/api';
import { expectVisible, openWatchbill, type Session } from './support/browser';
import { startServer, type RunningServer } from './support/server';

/** A Thursday in 2026-Q4: "Plan 2026-Q4" plans the weeks left of the year. */
const PLANNING_DAY = '2026-12-03T15:00:00.000Z';

/** Calls the server's API from Node with the secret, as the page would. */
const post = async <T>(server: RunningServer, channel: string, args: unknown = {}): Promise<Result<T>> => {
  const response = await fetch(`${server.origin}/api/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.secret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
  });
  return (await response.json()) as Result<T>;
};

/** 30 engineers on one-day shifts: planning even a quarter of it takes seconds. */
async function makeTeamBig(call: <T>(channel: string, args?: unknown) => Promise<T>) {
  const memberIds: number[] = [];
  for (let i = 0; i < 30; i += 1) {
    memberIds.push(
      (await call<Engineer>('engineers:save', { name: `Engineer ${i + 1}`, color: '#336699', timeZone: 'UTC' })).id,
    );
  }
  const [rotation] = await call<Rotation[]>('rotations:list');
  await call('rotations:save', { ...rotation, startDate: '2026-01-05', shiftDays: 1, memberIds });
}

/** Asks the app, a few times a second, until the job for the channel has made progress. */
async function runningJob(ask: () => Promise<JobProgress[]>, channel: string): Promise<JobProgress> {
  for (;;) {
    const job = (await ask()).find((j) => j.channel === channel && j.running && j.done > 0);
    if (job) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the planner in the calendar', () => {
  let session: Session;
  beforeAll(async () => {
    vi.setConfig({ expect: { poll: { timeout: 20_000, interval: 100 } } });
    session = await openWatchbill({ now: PLANNING_DAY });
    await makeTeamBig((channel, args) => api(session.page, channel, args));
  });
  afterAll(async () => {
    vi.resetConfig();
    await session?.close();
  });

  test('shows progress with a Cancel button that stops the plan and changes nothing', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Calendar', exact: true }).click();
    await expectVisible(page.getByTestId('calendar-title').filter({ hasText: /\S/ }));
    const overridesOf2026 = () =>
      api<{ overrides: unknown[] }>(page, 'schedule:get', {
        from: '2026-01-01T00:00:00.000Z',
        to: '2027-01-01T00:00:00.000Z',
      }).then((view) => view.overrides.length);
    const overridesBefore = await overridesOf2026();

    await page.getByRole('button', { name: /^Plan \d{4}-Q\d$/ }).click();
    const panel = page.getByTestId('plan-progress');
    await expectVisible(panel);
    await expect.poll(() => panel.getByText(/\d+% done/).count()).toBe(1);
    // The app answers while the planner works.
    expect(await api(page, 'app:info')).toMatchObject({ host: 'browser' });
    await panel.getByRole('button', { name: 'Cancel' }).click();

    await expectVisible(page.getByText('Planning stopped: nothing was changed.'));
    expect(await panel.count()).toBe(0);
    expect(await page.getByTestId('plan-panel').count()).toBe(0);
    expect(await api<JobProgress[]>(page, 'jobs:progress')).toEqual([]);
    expect(await overridesOf2026()).toBe(overridesBefore);
    expect(session.pageErrors).toEqual([]);
  });
});

describe('watchbill serve during a long plan', () => {
  test('answers app:info while planning, then ends on SIGTERM with code 0 and a clean database', async () => {
    const server = await startServer({ now: PLANNING_DAY });
    try {
      const call = async <T>(channel: string, args?: unknown) => {
        const result = await post<T>(server, channel, args);
        if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
        return result.value;
      };
      await makeTeamBig(call);
      const planning = post(server, 'plan:propose', { from: '2027-01-01', to: '2028-12-31' }).catch(
        (error: Error) => error,
      );
      await runningJob(() => call<JobProgress[]>('jobs:progress'), 'plan:propose');
      expect(await call('app:info')).toMatchObject({ host: 'browser' });
      expect((await call<JobProgress[]>('jobs:progress')).map((job) => job.channel)).toEqual(['plan:propose']);

      const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
      server.process.kill('SIGTERM');
      const timeout = new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 3_000));
      expect(await Promise.race([exited, timeout])).toBe(0);
      // The request in flight is cut off, not answered with a half-made plan.
      expect(await planning).toBeInstanceOf(Error);

      // Closed cleanly: the write-ahead log was checkpointed into the file and removed.
      const wal = `${server.databasePath}-wal`;
      expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
      const db = new Database(server.databasePath, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect((db.prepare('SELECT count(*) AS n FROM engineers').get() as { n: number }).n).toBeGreaterThanOrEqual(30);
      } finally {
        db.close();
      }
    } finally {
      await server.stop();
    }
  });
});

describe('the built worker', () => {
  const source = {
    calendar: { id: 1, name: 'US', country: 'US', region: null, includeTypes: ['public'], defaultWeight: 2 },
    weights: [],
    custom: [],
  };

  test('out/main/worker.js computes in its own thread and is stopped by cancel', async () => {
    const pool = createJobPool({ size: 1, script: { file: builtWorkerPath() } });
    try {
      const holidays = await pool.run(
        'holidays',
        { source, from: '2026-12-20', to: '2026-12-31' },
        { channel: 'holidays:list', label: 'Holidays' },
      );
      expect(holidays.map((h) => [h.date, h.name])).toEqual([['2026-12-25', 'Christmas Day']]);
      const controller = new AbortController();
      const everything = pool.run(
        'holidays',
        { source, from: '0001-01-01', to: '9999-12-31' },
        { channel: 'holidays:list', label: 'All the holidays', signal: controller.signal },
      );
      controller.abort();
      await expect(everything).rejects.toMatchObject({ code: 'cancelled', message: 'All the holidays: cancelled.' });
    } finally {
      await pool.close();
    }
  });
});
