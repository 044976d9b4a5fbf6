// Pipelines with their owners, the edits to them and each pipeline's change history.
import type { Id, OwnershipChange } from '../../../shared/model';
import type { ArgsIn } from '../../../shared/ipc/contract';
import type { PipelineRow } from '../../../shared/views';
import { call } from '../../api/client';
import { invalidateAfter, onStale } from '../../query/save';
import { idle, type Loadable, type SliceCreator } from '../types';

export type OwnershipDraft = ArgsIn<'ownership:set'>;

export interface HistoryState extends Loadable {
  entries: OwnershipChange[];
}

export interface OwnershipSlice {
  pipelines: PipelineRow[];
  pipelinesState: Loadable;
  /** The team's time zone (a setting of the file), for dates outside Today; null until loaded: the computer's. */
  teamTimeZone: string | null;
  /** Per pipeline: a save in flight, and the last refusal. */
  saving: Record<Id, boolean>;
  saveErrors: Record<Id, string | null>;
  history: Record<Id, HistoryState>;
  loadPipelines(): Promise<void>;
  /** True when saved; on refusal the message is kept in saveErrors. */
  saveOwnership(draft: OwnershipDraft): Promise<boolean>;
  clearSaveError(pipelineId: Id): void;
  loadHistory(pipelineId: Id): Promise<void>;
}

export const createOwnershipSlice: SliceCreator<OwnershipSlice> = (set, get) => {
  // Quietly: the rows stay as they are shown until the server's view of them arrives.
  onStale(['pipelines:list'], async () => {
    if (get().pipelinesState.status === 'idle') return;
    const refreshed = await call('pipelines:list', {});
    if (refreshed.ok) set({ pipelines: refreshed.value });
  });
  onStale(['ownership:history'], () =>
    Promise.all(Object.keys(get().history).map((id) => get().loadHistory(Number(id)))),
  );
  return {
    pipelines: [],
    pipelinesState: idle,
    teamTimeZone: null,
    saving: {},
    saveErrors: {},
    history: {},

    async loadPipelines() {
      set((s) => ({ pipelinesState: { status: 'loading', error: s.pipelinesState.error } }));
      const [rows, zone] = await Promise.all([call('pipelines:list', {}), call('team:time-zone', {})]);
      if (zone.ok) set({ teamTimeZone: zone.value });
      if (rows.ok) set({ pipelines: rows.value, pipelinesState: { status: 'ready', error: null } });
      else set({ pipelinesState: { status: 'error', error: rows.error.message } });
    },

    async saveOwnership(draft) {
      const id = draft.pipelineId;
      set((s) => ({ saving: { ...s.saving, [id]: true }, saveErrors: { ...s.saveErrors, [id]: null } }));
      const result = await call('ownership:set', draft);
      if (!result.ok) {
        set((s) => ({
          saving: { ...s.saving, [id]: false },
          saveErrors: { ...s.saveErrors, [id]: result.error.message },
        }));
        return false;
      }
      const saved = result.value;
      // Show the saved value at once, then take the server's view of the row (its problem text).
      set((s) => ({
        saving: { ...s.saving, [id]: false },
        pipelines: s.pipelines.map((row) =>
          row.pipeline.id === id ? { ...row, ownership: saved, ownershipProblem: null } : row,
        ),
      }));
      await invalidateAfter('ownership:set');
      return true;
    },

    clearSaveError(pipelineId) {
      set((s) => ({ saveErrors: { ...s.saveErrors, [pipelineId]: null } }));
    },

    async loadHistory(pipelineId) {
      set((s) => ({
        history: {
          ...s.history,
          [pipelineId]: { status: 'loading', error: null, entries: s.history[pipelineId]?.entries ?? [] },
        },
      }));
      const result = await call('ownership:history', { pipelineId });
      set((s) => ({
        history: {
          ...s.history,
          [pipelineId]: result.ok
            ? { status: 'ready', error: null, entries: result.value }
            : { status: 'error', error: result.error.message, entries: s.history[pipelineId]?.entries ?? [] },
        },
      }));
    },
  };
};
