// One store for the renderer, composed from typed slices. Components read with selectors
// (`useStore((s) => s.today)`) and change things only through the slices' actions, which
// go to the main process through api/client.
import { create } from 'zustand';
import { createAppSlice } from './slices/app';
import { createCalendarSlice } from './slices/calendar';
import { createCalendarLayersSlice } from './slices/calendarLayers';
import { createCalendarPlanSlice } from './slices/calendarPlan';
import { createClashSlice } from './slices/clashes';
import { createDrillsSlice } from './slices/drills';
import { createFairnessSlice } from './slices/fairness';
import { createOwnershipSlice } from './slices/ownership';
import { createPublishSlice } from './slices/publish';
import { createRunbooksSlice } from './slices/runbooks';
import { createShareSlice } from './slices/share';
import type { AppStore } from './types';

export const useStore = create<AppStore>()((...a) => ({
  ...createAppSlice(...a),
  ...createCalendarSlice(...a),
  ...createCalendarLayersSlice(...a),
  ...createCalendarPlanSlice(...a),
  ...createClashSlice(...a),
  ...createDrillsSlice(...a),
  ...createFairnessSlice(...a),
  ...createOwnershipSlice(...a),
  ...createPublishSlice(...a),
  ...createRunbooksSlice(...a),
  ...createShareSlice(...a),
}));

export type { AppStore };
