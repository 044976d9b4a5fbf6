import type { LedgerReport } from '../../../shared/domain/ledger';
import type { TodayView } from '../../../shared/views';
import { call } from '../../api/client';
import { idle, type Loadable, type SliceCreator } from '../types';

export interface TodaySlice {
  today: TodayView | null;
  todayState: Loadable;
  /** The ledger of the current quarter (null without a rotation): the same figures as the Fairness screen. */
  todayFairness: LedgerReport | null;
  loadToday(): Promise<void>;
}

export const createTodaySlice: SliceCreator<TodaySlice> = (set) => ({
  today: null,
  todayState: idle,
  todayFairness: null,
  async loadToday() {
    set((s) => ({ todayState: { status: 'loading', error: s.todayState.error } }));
    const [result, fairness] = await Promise.all([
      call('today:get', {}),
      call('fairness:get', { period: { kind: 'quarter' } }),
    ]);
    set({ todayFairness: fairness.ok ? fairness.value : null });
    if (result.ok) set({ today: result.value, todayState: { status: 'ready', error: null } });
    else set({ todayState: { status: 'error', error: result.error.message } });
  },
});
