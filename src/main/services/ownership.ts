import type { Handlers } from '../../shared/ipc/contract';
import { ownershipError } from '../../shared/domain/ownership';
import { DomainError } from '../../shared/result';
import type { PipelineRow } from '../../shared/views';
import type { ServiceContext } from './context';

type OwnershipChannels = 'areas:list' | 'pipelines:list' | 'ownership:set' | 'ownership:history';

export function ownershipHandlers({ repos, now }: ServiceContext): Pick<Handlers, OwnershipChannels> {
  const engineersById = () => new Map(repos.engineers.list().map((e) => [e.id, e]));
  return {
    'areas:list': () => repos.pipelines.listAreas(),
    'pipelines:list': () => {
      const areas = new Map(repos.pipelines.listAreas().map((a) => [a.id, a]));
      const ownerships = new Map(repos.pipelines.listOwnerships().map((o) => [o.pipelineId, o]));
      const engineers = engineersById();
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
    },
    'ownership:set': (input) =>
      repos.transaction(() => {
        if (!repos.pipelines.get(input.pipelineId)) {
          throw new DomainError('not_found', `There is no pipeline #${input.pipelineId}.`);
        }
        const problem = ownershipError(input.primaryEngineerId, input.secondaryEngineerId, engineersById());
        if (problem) throw new DomainError('conflict', problem);
        repos.pipelines.setOwnership({ ...input, reason: input.reason.trim(), updatedAt: now().toISOString() });
        return repos.pipelines.getOwnership(input.pipelineId)!;
      }),
    'ownership:history': ({ pipelineId }) => repos.pipelines.ownershipHistory(pipelineId),
  };
}
