import type { Engineer } from '../../../shared/model';
import { onStale } from '../../query/save';
import { call } from '../../api/client';
import { idle, type Loadable, type SliceCreator } from '../types';

export interface EngineersSlice {
  engineers: Engineer[];
  engineersState: Loadable;
  loadEngineers(): Promise<void>;
}

export const createEngineersSlice: SliceCreator<EngineersSlice> = (set, get) => {
  onStale(['engineers:list'], () => {
    if (get().engineersState.status !== 'idle') return get().loadEngineers();
  });
  return {
    engineers: [],
    engineersState: idle,
    async loadEngineers() {
      set((s) => ({ engineersState: { status: 'loading', error: s.engineersState.error } }));
      const result = await call('engineers:list', {});
      // An unchanged list keeps its identity: the calendar redraws every event on a new one.
      if (result.ok)
        set((s) => ({
          engineers: JSON.stringify(s.engineers) === JSON.stringify(result.value) ? s.engineers : result.value,
          engineersState: { status: 'ready', error: null },
        }));
      else set({ engineersState: { status: 'error', error: result.error.message } });
    },
  };
};
