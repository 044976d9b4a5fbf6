// @vitest-environment jsdom
// One ledger: on the example team, for 2027-Q1, the roster, the swap dialog, the plan panel,
// the Fairness screen (through the renderer's store against the real main process) and
// `watchbill fairness --json` show the same per-engineer figures.
import { spawnSync } from 'node:child_process';
import { renderHook, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Api } from '../../src/shared/ipc/contract';
import type { AppStore } from '../../src/renderer/store';
import type { WatchbillApp } from '../../src/main/app';
import type { LedgerReport, LedgerRow } from '../../src/shared/domain/ledger';
import { appRoot } from '../../src/main/paths';
import { FROZEN_NOW, tempDir, testApp } from '../support/app';

let app: WatchbillApp;
let store: { getState: () => AppStore };
const temp = tempDir();
afterAll(() => temp.remove());

beforeEach(async () => {
  app = testApp();
  window.api = new Proxy({} as Api, {
    get: (_target, channel: string) => (args: unknown) => app.dispatch(channel, args),
  });
  vi.resetModules();
  store = (await import('../../src/renderer/store')).useStore;
  await store.getState().loadCalendarRotation();
});

afterEach(() => {
  delete window.api;
  app.close();
});

/** The report the Fairness screen shows for the period chosen, once it has been read. */
async function fairnessScreenReport(): Promise<LedgerReport> {
  // Imported after the store, so both are this test's fresh modules.
  const { useFairness } = await import('../../src/renderer/features/fairness/useFairness');
  const { result, unmount } = renderHook(() => useFairness());
  await waitFor(() => expect(result.current.report && result.current.state.status).toBe('ready'));
  const report = result.current.report!;
  unmount();
  return report;
}

/** The per-engineer figures of a report: what every place that shows fairness must agree on. */
const figures = (report: LedgerReport): LedgerRow[] => report.engineers;

// January 2027 as the month grid shows it (New York midnights), the calendar on 1 January.
const JANUARY = {
  from: '2026-12-27T05:00:00.000Z',
  to: '2027-02-07T05:00:00.000Z',
  firstDate: '2026-12-27',
  lastDate: '2027-02-06',
  quarterDate: '2027-01-01',
};

describe('one fairness ledger', () => {
  test('the roster, swap dialog, plan panel, Fairness screen and the CLI give the same figures for 2027-Q1', async () => {
    const s = store.getState;
    const handler = await app.handlers['fairness:get']({ period: { kind: 'quarter', date: '2027-01-01' } });
    expect(handler.period).toMatchObject({ startDate: '2027-01-01', endDate: '2027-03-31', label: '2027-Q1' });
    expect(handler.covers).toMatch(/^This period: 2027-Q1 \(2027-01-01 to 2027-03-31\); carried in: .*capped/);
    // Someone carries a balance into Q1, or the test would not tell carried balances apart.
    expect(handler.engineers.some((r) => Math.abs(r.carriedIn) > 0.1)).toBe(true);

    // The roster: the month view of January shows the quarter's figures, not the visible grid's.
    await s().loadSchedule(JANUARY);
    await vi.waitFor(() => expect(s().rosterFairness).not.toBeNull());
    expect(figures(s().rosterFairness!)).toEqual(figures(handler));

    // The swap dialog: a swap of two January shifts, before it is applied.
    const preview = await s().previewEdit({ op: 'swap', shiftA: 54, shiftB: 55, reason: 'trade' });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.fairness.before.period).toEqual(handler.period);
    expect(figures(preview.value.fairness.before)).toEqual(figures(handler));
    // A swap inside the quarter leaves the balance carried in as it is.
    expect(preview.value.fairness.after.engineers.map((r) => r.carriedIn)).toEqual(
      handler.engineers.map((r) => r.carriedIn),
    );

    // The plan panel's "before".
    await s().proposePlan('2027-01-01', '2027-03-31');
    expect(s().planState.status).toBe('ready');
    expect(figures(s().plan!.result.before)).toEqual(figures(handler));

    // The Fairness screen.
    s().setFairnessPeriod({ kind: 'quarter', date: '2027-01-01' });
    expect(figures(await fairnessScreenReport())).toEqual(figures(handler));

    // `watchbill fairness --json` on a file with the same example team.
    const db = temp.file('ledger.db');
    const cli = spawnSync(
      process.execPath,
      [
        'bin/watchbill.js',
        'fairness',
        '--db',
        db,
        '--now',
        FROZEN_NOW.toISOString(),
        '--from',
        '2027-01-01',
        '--to',
        '2027-03-31',
        '--json',
      ],
      { cwd: appRoot(), encoding: 'utf8' },
    );
    expect(cli.stderr).toBe('');
    expect(figures(JSON.parse(cli.stdout) as LedgerReport)).toEqual(figures(handler));
  });

  test('the plan panel’s "after" is what the Fairness screen shows once the plan is applied', async () => {
    const s = store.getState;
    await s().proposePlan('2027-01-01', '2027-03-31');
    const after = s().plan!.result.after;
    expect(await s().applyPlan()).toBe(true);
    s().setFairnessPeriod({ kind: 'quarter', date: '2027-01-01' });
    expect(figures(await fairnessScreenReport())).toEqual(figures(after));
  });
});
