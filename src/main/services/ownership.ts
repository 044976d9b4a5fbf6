// Pipelines' owners: who owns what, setting them, and the history of changes.
import type { HandlersFor } from '../../shared/ipc/contract';
import type { ownershipChannels } from '../../shared/ipc/channels/operations';
import { ownershipError } from '../../shared/domain/ownership';
import { DomainError } from '../../shared/result';
import { engineersById, pipelineRows } from '../queries/ownership';
import type { ServiceContext } from './context';

export function ownershipHandlers({ repos, now }: ServiceContext): HandlersFor<typeof ownershipChannels> {
  return {
    'areas:list': () => repos.pipelines.listAreas(),
    'pipelines:list': () => pipelineRows(repos),
    'ownership:set': (input) =>
      repos.transaction(() => {
        if (!repos.pipelines.get(input.pipelineId)) {
          throw new DomainError('not_found', `There is no pipeline #${input.pipelineId}.`);
        }
        const problem = ownershipError(input.primaryEngineerId, input.secondaryEngineerId, engineersById(repos));
        if (problem) throw new DomainError('conflict', problem);
        repos.pipelines.setOwnership({ ...input, reason: input.reason.trim(), updatedAt: now().toISOString() });
        return repos.pipelines.getOwnership(input.pipelineId)!;
      }),
    'ownership:history': ({ pipelineId }) => repos.pipelines.ownershipHistory(pipelineId),
  };
}
