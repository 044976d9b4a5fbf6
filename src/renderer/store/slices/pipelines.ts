// The rest of the ownership model: the pipeline × engineer matrix with its load and
// warnings, creating, editing and retiring pipelines (and business areas), and the
// quarterly ownership review.
import type { ArgsIn } from '../../../shared/ipc/contract';
import type { BusinessArea, Id, OwnershipReview } from '../../../shared/model';
import type { OwnershipMatrix, ReviewsView } from '../../../shared/operations-views';
import type { Result } from '../../../shared/result';
import type { PipelineRow } from '../../../shared/views';
import { call } from '../../api/client';
import { idle, type Loadable, type SliceCreator } from '../types';

export type PipelineDraft = ArgsIn<'pipelines:save'>;
export type ReviewDraft = ArgsIn<'reviews:save'>;

export interface PipelinesSlice {
  matrix: OwnershipMatrix | null;
  matrixState: Loadable;
  areas: BusinessArea[];
  reviews: ReviewsView | null;
  reviewsState: Loadable;
  loadMatrix(): Promise<void>;
  loadAreas(): Promise<void>;
  /** Creates the business area `newAreaName` first when given, then saves the pipeline. */
  savePipeline(draft: PipelineDraft, newAreaName?: string): Promise<Result<PipelineRow>>;
  retirePipeline(pipelineId: Id, retired: boolean): Promise<Result<PipelineRow>>;
  loadReviews(): Promise<void>;
  saveReview(draft: ReviewDraft): Promise<Result<OwnershipReview>>;
  deleteReview(reviewId: Id): Promise<Result<null>>;
}

export const createPipelinesSlice: SliceCreator<PipelinesSlice> = (set, get) => {
  /** Everything that shows pipelines or their checks, after one of them changed. */
  const refreshPipelines = async () => {
    await Promise.all([get().loadMatrix(), get().loadPipelines(), get().loadAreas()]);
  };

  return {
    matrix: null,
    matrixState: idle,
    areas: [],
    reviews: null,
    reviewsState: idle,

    async loadMatrix() {
      set((s) => ({ matrixState: { status: 'loading', error: s.matrixState.error } }));
      const result = await call('ownership:matrix', {});
      if (result.ok) set({ matrix: result.value, matrixState: { status: 'ready', error: null } });
      else set({ matrixState: { status: 'error', error: result.error.message } });
    },

    async loadAreas() {
      const result = await call('areas:list', {});
      if (result.ok) set({ areas: result.value });
    },

    async savePipeline(draft, newAreaName) {
      let areaId = draft.areaId;
      if (newAreaName !== undefined) {
        const area = await call('areas:create', { name: newAreaName });
        if (!area.ok) return area;
        areaId = area.value.id;
        set((s) => ({ areas: [...s.areas, area.value] }));
      }
      const result = await call('pipelines:save', { ...draft, areaId });
      if (result.ok) await refreshPipelines();
      return result;
    },

    async retirePipeline(pipelineId, retired) {
      const result = await call('pipelines:retire', { pipelineId, retired });
      if (result.ok) await refreshPipelines();
      return result;
    },

    async loadReviews() {
      set((s) => ({ reviewsState: { status: 'loading', error: s.reviewsState.error } }));
      const result = await call('reviews:list', {});
      if (result.ok) set({ reviews: result.value, reviewsState: { status: 'ready', error: null } });
      else set({ reviewsState: { status: 'error', error: result.error.message } });
    },

    async saveReview(draft) {
      const result = await call('reviews:save', draft);
      if (result.ok) await Promise.all([get().loadReviews(), get().loadMatrix()]);
      return result;
    },

    async deleteReview(reviewId) {
      const result = await call('reviews:delete', { reviewId });
      if (result.ok) await Promise.all([get().loadReviews(), get().loadMatrix()]);
      return result;
    },
  };
};
