import type { TodayView } from '../../../shared/views';
import { call } from '../../api/client';
import { idle, type Loadable, type SliceCreator } from '../types';

export interface TodaySlice {
  today: TodayView | null;
  todayState: Loadable;
  loadToday(): Promise<void>;
}

export const createTodaySlice: SliceCreator<TodaySlice> = (set) => ({
  today: null,
  todayState: idle,
  async loadToday() {
    set((s) => ({ todayState: { status: 'loading', error: s.todayState.error } }));
    const result = await call('today:get', {});
    if (result.ok) set({ today: result.value, todayState: { status: 'ready', error: null } });
    else set({ todayState: { status: 'error', error: result.error.message } });
  },
});
