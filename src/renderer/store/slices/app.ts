// The app's frame: which screen is shown and what it should bring into view (facts about the
// running app are the query layer's useAppInfo).
import type { Id, ScreenName } from '../../../shared/model';
import type { SliceCreator } from '../types';

export interface AppSlice {
  screen: ScreenName;
  /** A pipeline to bring into view on arrival (from a Today warning). */
  focusPipelineId: Id | null;
  navigate(screen: ScreenName, focus?: { pipelineId?: Id }): void;
}

export const createAppSlice: SliceCreator<AppSlice> = (set) => ({
  screen: 'today',
  focusPipelineId: null,
  navigate(screen, focus) {
    set({ screen, focusPipelineId: focus?.pipelineId ?? null });
  },
});
