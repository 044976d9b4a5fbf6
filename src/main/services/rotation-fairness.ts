// One person's load across rotations, as a service: every rotation's ledger and each person's
// total (computed in a worker), the weights a rotation sets for itself, and planning every
// rotation at once in the lead's order.
import type { HandlersFor } from '../../shared/ipc/contract';
import type { RotationWeights, rotationFairnessChannels } from '../../shared/ipc/channels/rotation-fairness';
import { resolvePeriod } from '../../shared/domain/periods';
import { periodBoundsMs } from '../../shared/domain/fairness';
import type { Id, Rotation } from '../../shared/model';
import { DomainError } from '../../shared/result';
import type { Repositories } from '../db/repositories';
import { planRotationsJob } from '../queries/planning';
import {
  fairnessInput,
  fairnessLabel,
  fairnessWeights,
  ledgerInput,
  ROTATION_WEIGHTS_KEY,
  rotationOwnWeights,
  rotationToday,
} from '../queries/schedule';
import type { ServiceContext } from './context';

function requireRotation(repos: Repositories, rotationId: Id): Rotation {
  const rotation = repos.rotations.get(rotationId);
  if (!rotation) throw new DomainError('not_found', `There is no rotation #${rotationId}.`);
  return rotation;
}

const weightsOf = (repos: Repositories, rotationId: Id): RotationWeights => ({
  own: rotationOwnWeights(repos)[String(rotationId)] ?? null,
  effective: fairnessWeights(repos, rotationId),
});

export function rotationFairnessHandlers(context: ServiceContext): HandlersFor<typeof rotationFairnessChannels> {
  const { repos, now, jobs } = context;
  return {
    'fairness:team': ({ period, carry }) => {
      const inputs = repos.rotations.list().flatMap((rotation) => {
        const resolved = resolvePeriod(period, rotation, rotationToday(now, rotation));
        // An archived rotation counts for the periods it still ran in; after that it has nothing to add.
        const [start] = periodBoundsMs(rotation, resolved);
        if (rotation.archivedAt !== null && Date.parse(rotation.archivedAt) <= start) return [];
        const input = ledgerInput(repos, fairnessInput(repos, rotation, resolved), carry);
        return [{ rotationId: rotation.id, rotationName: rotation.name, input }];
      });
      const label = inputs[0] ? fairnessLabel(inputs[0].input.period) : 'Fairness';
      return jobs.run('fairnessTeam', inputs, { channel: 'fairness:team', label: `${label}, every rotation` });
    },
    'fairness:rotation-weights': ({ rotationId }) => {
      requireRotation(repos, rotationId);
      return weightsOf(repos, rotationId);
    },
    'fairness:set-rotation-weights': ({ rotationId, weights }) => {
      requireRotation(repos, rotationId);
      const { [String(rotationId)]: _previous, ...rest } = rotationOwnWeights(repos);
      repos.settings.set(ROTATION_WEIGHTS_KEY, weights === null ? rest : { ...rest, [String(rotationId)]: weights });
      return weightsOf(repos, rotationId);
    },
    'plan:propose-all': ({ from, to, carry, replace }) => {
      const rotations = repos.rotations.active();
      if (rotations.length === 0) throw new DomainError('not_found', 'There is no rotation to plan.');
      return planRotationsJob(context, rotations, from, to, { carry, replace }, 'plan:propose-all');
    },
  };
}
