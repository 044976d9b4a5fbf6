// Which pipeline's runbook is open on the Runbooks screen, kept across visits (the runbook, its
// revisions and who to call are the query layer's).
import type { Id } from '../../../shared/model';
import type { SliceCreator } from '../types';

export interface RunbooksSlice {
  /** The pipeline whose runbook is open. */
  runbookPipelineId: Id | null;
  openRunbook(pipelineId: Id): void;
}

export const createRunbooksSlice: SliceCreator<RunbooksSlice> = (set) => ({
  runbookPipelineId: null,
  openRunbook(pipelineId) {
    set({ runbookPipelineId: pipelineId });
  },
});
