// Saving a pipeline, with a new business area created first when the lead names one.
import type { ArgsIn } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';
import type { PipelineRow } from '../../../shared/views';
import { save } from '../../query/save';

export type PipelineDraft = ArgsIn<'pipelines:save'>;

/** Creates the business area `newAreaName` first when given, then saves the pipeline. */
export async function savePipeline(draft: PipelineDraft, newAreaName?: string): Promise<Result<PipelineRow>> {
  let areaId = draft.areaId;
  if (newAreaName !== undefined) {
    const area = await save('areas:create', { name: newAreaName });
    if (!area.ok) return area;
    areaId = area.value.id;
  }
  return save('pipelines:save', { ...draft, areaId });
}
