// The app's frame: which screen is shown, what it should bring into view, and facts about
// the running app (version, host, database) for the sidebar.
import type { Id, ScreenName } from '../../../shared/model';
import type { AppInfo } from '../../../shared/views';
import { call } from '../../api/client';
import { followMainClock } from '../../clock';
import { idle, type Loadable, type SliceCreator } from '../types';

export interface AppSlice {
  screen: ScreenName;
  /** A pipeline to bring into view on arrival (from a Today warning). */
  focusPipelineId: Id | null;
  appInfo: AppInfo | null;
  appInfoState: Loadable;
  navigate(screen: ScreenName, focus?: { pipelineId?: Id }): void;
  loadAppInfo(): Promise<void>;
}

export const createAppSlice: SliceCreator<AppSlice> = (set) => ({
  screen: 'today',
  focusPipelineId: null,
  appInfo: null,
  appInfoState: idle,
  navigate(screen, focus) {
    set({ screen, focusPipelineId: focus?.pipelineId ?? null });
  },
  async loadAppInfo() {
    set({ appInfoState: { status: 'loading', error: null } });
    const result = await call('app:info', {});
    if (result.ok) {
      followMainClock(result.value);
      set({ appInfo: result.value, appInfoState: { status: 'ready', error: null } });
    } else set({ appInfoState: { status: 'error', error: result.error.message } });
  },
});
