// @vitest-environment jsdom
// The calendar's kept schedule window follows the staleness table: a change made elsewhere
// (time away on the Team screen) reads the range in view again, and an edit on the calendar
// keeps its own answer while what else shows the schedule is marked stale.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Api } from '../../src/shared/ipc/contract';
import type { AppStore } from '../../src/renderer/store';
import type { WatchbillApp } from '../../src/main/app';
import type * as QueryClient from '../../src/renderer/query/client';
import type * as QuerySave from '../../src/renderer/query/save';
import { testApp } from '../support/app';
import { NOVEMBER } from '../support/calendar-range';

let app: WatchbillApp;
let store: { getState: () => AppStore };
let query: typeof QueryClient;
let saving: typeof QuerySave;
let calls: string[];
/** Holds back answers on a channel until released, as a busy main process might. */
let holdBack: { channel: string; release: Promise<void> } | null;

beforeEach(async () => {
  app = testApp();
  calls = [];
  holdBack = null;
  window.api = new Proxy({} as Api, {
    get: (_target, channel: string) => async (args: unknown) => {
      calls.push(channel);
      const held = holdBack?.channel === channel ? holdBack.release : null;
      const answer = await app.dispatch(channel, args);
      if (held) await held;
      return answer;
    },
  });
  // One fresh store and cache per test, from the same module graph.
  vi.resetModules();
  store = (await import('../../src/renderer/store')).useStore;
  query = await import('../../src/renderer/query/client');
  saving = await import('../../src/renderer/query/save');
  await store.getState().loadCalendarRotation();
});

afterEach(() => {
  delete window.api;
  app.close();
});

/** The clash warnings of someone on call while away, as the calendar shows them. */
const onCallWarnings = () => store.getState().schedule!.warnings.filter((w) => w.kind === 'oncall_unavailable').length;

describe('the calendar window and the staleness table', () => {
  test('time away saved elsewhere reads the range in view again, and shows its clash', async () => {
    const s = store.getState;
    await s().loadSchedule(NOVEMBER);
    expect(onCallWarnings()).toBe(0);
    const evening = '2026-11-18T23:00:00.000Z';
    const onCall = s().schedule!.segments.find((seg) => seg.startsAt <= evening && seg.endsAt > evening)!;
    calls = [];

    const away = await saving.save('unavailability:add', {
      engineerId: onCall.primaryId!,
      startDate: '2026-11-18',
      endDate: '2026-11-18',
      reason: 'Dentist',
    });

    expect(away.ok).toBe(true);
    expect(calls).toContain('schedule:window');
    expect(onCallWarnings()).toBe(1);
  });

  test("an edit on the calendar keeps its own answer and marks Today's view stale, not the runbooks", async () => {
    const s = store.getState;
    await s().loadSchedule(NOVEMBER);
    await query.readChannel('today:get', {});
    await query.readChannel('runbooks:revisions', { pipelineId: app.repos.pipelines.list()[0]!.id });
    const weeks = [...new Set(s().schedule!.segments.map((seg) => seg.shiftIndex))];
    calls = [];

    expect(await s().applyEdit({ op: 'swap', shiftA: weeks[1]!, shiftB: weeks[2]!, reason: 'trade' })).toBe(true);

    expect(calls.filter((c) => c === 'schedule:window')).toEqual([]);
    const stale = (channel: string) =>
      query.queryClient.getQueryCache().find({ queryKey: [channel], exact: false })!.state.isInvalidated;
    expect(stale('today:get')).toBe(true);
    expect(stale('runbooks:revisions')).toBe(false);
  });

  test('an edit is done once it is saved and shown: Today, on screen, is read again after', async () => {
    const s = store.getState;
    await s().loadSchedule(NOVEMBER);
    // Today is on screen (a query with an observer), so a change reads it again.
    const { QueryObserver } = await import('@tanstack/react-query');
    const today = new QueryObserver(query.queryClient, {
      queryKey: query.channelKey('today:get', {}),
      queryFn: () => query.fetchChannel('today:get', {}),
    });
    const unsubscribe = today.subscribe(() => undefined);
    await vi.waitFor(() => expect(today.getCurrentResult().status).toBe('success'));
    let release!: () => void;
    holdBack = { channel: 'today:get', release: new Promise<void>((done) => (release = done)) };
    const weeks = [...new Set(s().schedule!.segments.map((seg) => seg.shiftIndex))];

    // Saved and said so while Today's new answer is still on its way.
    expect(await s().applyEdit({ op: 'swap', shiftA: weeks[1]!, shiftB: weeks[2]!, reason: 'trade' })).toBe(true);
    expect(s().calendarMessage?.text).toBe('Saved: Swap shifts.');
    expect(today.getCurrentResult().isFetching).toBe(true);

    release();
    await vi.waitFor(() => expect(today.getCurrentResult().isFetching).toBe(false));
    unsubscribe();
  });
});
