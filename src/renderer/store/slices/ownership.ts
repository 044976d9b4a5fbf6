// Editing a pipeline's owners in place: which saves are in flight and the last refusal of each
// (the rows themselves are the query layer's 'pipelines:list').
import type { ArgsIn } from '../../../shared/ipc/contract';
import type { Id } from '../../../shared/model';
import type { PipelineRow } from '../../../shared/views';
import { call } from '../../api/client';
import { channelKey, queryClient } from '../../query/client';
import { invalidateAfter } from '../../query/save';
import type { SliceCreator } from '../types';

export type OwnershipDraft = ArgsIn<'ownership:set'>;

export interface OwnershipSlice {
  /** Per pipeline: a save in flight, and the last refusal. */
  saving: Record<Id, boolean>;
  saveErrors: Record<Id, string | null>;
  /** True when saved; on refusal the message is kept in saveErrors. */
  saveOwnership(draft: OwnershipDraft): Promise<boolean>;
  clearSaveError(pipelineId: Id): void;
}

export const createOwnershipSlice: SliceCreator<OwnershipSlice> = (set) => ({
  saving: {},
  saveErrors: {},

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
    queryClient.setQueryData<PipelineRow[]>(channelKey('pipelines:list', {}), (rows) =>
      rows?.map((row) => (row.pipeline.id === id ? { ...row, ownership: saved, ownershipProblem: null } : row)),
    );
    set((s) => ({ saving: { ...s.saving, [id]: false } }));
    await invalidateAfter('ownership:set');
    return true;
  },

  clearSaveError(pipelineId) {
    set((s) => ({ saveErrors: { ...s.saveErrors, [pipelineId]: null } }));
  },
});
