// One store for the renderer, composed from typed slices. Components read with selectors
// (`useStore((s) => s.today)`) and change things only through the slices' actions, which
// go to the main process through api/client.
import { create } from 'zustand';
import { createAppSlice } from './slices/app';
import { createCalendarSlice } from './slices/calendar';
import { createEngineersSlice } from './slices/engineers';
import { createFairnessSlice } from './slices/fairness';
import { createOwnershipSlice } from './slices/ownership';
import { createTodaySlice } from './slices/today';
import type { AppStore } from './types';

export const useStore = create<AppStore>()((...a) => ({
  ...createAppSlice(...a),
  ...createCalendarSlice(...a),
  ...createEngineersSlice(...a),
  ...createFairnessSlice(...a),
  ...createOwnershipSlice(...a),
  ...createTodaySlice(...a),
}));

export type { AppStore };
