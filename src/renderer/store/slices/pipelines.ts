// The rest of the ownership model: the pipeline × engineer matrix with its load and
// warnings, creating, editing and retiring pipelines (and business areas), and the
// quarterly ownership review.
import type { ArgsIn } from '../../../shared/ipc/contract';
import type { BusinessArea, Id, OwnershipReview } from '../../../shared/model';
import type { OwnershipMatrix, ReviewsView } from '../../../shared/operations-views';
import type { Result } from '../../../shared/result';
import type { PipelineRow } from '../../../shared/views';
import { call } from '../../api/client';
import { onStale, save } from '../../query/save';
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
  onStale(['ownership:matrix'], () => {
    if (get().matrixState.status !== 'idle') return get().loadMatrix();
  });
  onStale(['areas:list'], () => get().loadAreas());
  onStale(['reviews:list'], () => {
    if (get().reviewsState.status !== 'idle') return get().loadReviews();
  });

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
        const area = await save('areas:create', { name: newAreaName });
        if (!area.ok) return area;
        areaId = area.value.id;
        set((s) => ({ areas: [...s.areas, area.value] }));
      }
      return save('pipelines:save', { ...draft, areaId });
    },

    retirePipeline(pipelineId, retired) {
      return save('pipelines:retire', { pipelineId, retired });
    },

    async loadReviews() {
      set((s) => ({ reviewsState: { status: 'loading', error: s.reviewsState.error } }));
      const result = await call('reviews:list', {});
      if (result.ok) set({ reviews: result.value, reviewsState: { status: 'ready', error: null } });
      else set({ reviewsState: { status: 'error', error: result.error.message } });
    },

    saveReview(draft) {
      return save('reviews:save', draft);
    },

    deleteReview(reviewId) {
      return save('reviews:delete', { reviewId });
    },
  };
};
