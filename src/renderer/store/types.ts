import type { StateCreator } from 'zustand';
import type { AppSlice } from './slices/app';
import type { CalendarSlice } from './slices/calendar';
import type { CalendarLayersSlice } from './slices/calendarLayers';
import type { CalendarPlanSlice } from './slices/calendarPlan';
import type { ClashSlice } from './slices/clashes';
import type { DrillsSlice } from './slices/drills';
import type { FairnessSlice } from './slices/fairness';
import type { OwnershipSlice } from './slices/ownership';
import type { PublishSlice } from './slices/publish';
import type { RunbooksSlice } from './slices/runbooks';
import type { ShareSlice } from './slices/share';

export type AppStore = AppSlice &
  CalendarSlice &
  CalendarLayersSlice &
  CalendarPlanSlice &
  ClashSlice &
  DrillsSlice &
  FairnessSlice &
  OwnershipSlice &
  PublishSlice &
  RunbooksSlice &
  ShareSlice;

/** Every slice sees the whole store, so an action in one may refresh another. */
export type SliceCreator<T> = StateCreator<AppStore, [], [], T>;

/** Where a piece of loaded data stands; the data itself stays visible while it reloads. */
export interface Loadable {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
}

export const idle: Loadable = { status: 'idle', error: null };
