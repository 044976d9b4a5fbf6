// What other domains ask of pipelines and their owners: the rows of the Ownership screen.
import { ownershipError } from '../../shared/domain/ownership';
import type { Engineer, Id } from '../../shared/model';
import type { PipelineRow } from '../../shared/views';
import type { Repositories } from '../db/repositories';

export const engineersById = (repos: Repositories): Map<Id, Engineer> =>
  new Map(repos.engineers.list().map((e) => [e.id, e]));

/** Every pipeline with its area, its owners and what is wrong with them: what `pipelines:list` answers. */
export function pipelineRows(repos: Repositories): PipelineRow[] {
  const areas = new Map(repos.pipelines.listAreas().map((a) => [a.id, a]));
  const ownerships = new Map(repos.pipelines.listOwnerships().map((o) => [o.pipelineId, o]));
  const engineers = engineersById(repos);
  return repos.pipelines.list().map((pipeline): PipelineRow => {
    const ownership = ownerships.get(pipeline.id) ?? null;
    return {
      pipeline,
      area: pipeline.areaId === null ? null : (areas.get(pipeline.areaId) ?? null),
      ownership,
      ownershipProblem: ownership
        ? ownershipError(ownership.primaryEngineerId, ownership.secondaryEngineerId, engineers)
        : null,
    };
  });
}
