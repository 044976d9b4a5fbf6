// One person's load across rotations: the ledger of every rotation with each person's total,
// the weights a rotation may set for itself, and planning every rotation at once.
import type { FairnessWeights } from '../../domain/fairness';
import type { TeamLedger } from '../../domain/ledger-team';
import type { RotationsPlan } from '../../domain/plan-rotations';
import { planAllArgs, rotationWeightsArgs, rotationWeightsRef, teamFairnessArgs } from '../rotation-fairness-schemas';
import { returns } from './define';

export interface RotationWeights {
  /** The rotation's own weights; null when it counts with the file's. */
  own: FairnessWeights | null;
  /** What its burden is counted with. */
  effective: FairnessWeights;
}

export const rotationFairnessChannels = {
  'fairness:team': { args: teamFairnessArgs, result: returns<TeamLedger>() },
  'fairness:rotation-weights': { args: rotationWeightsRef, result: returns<RotationWeights>() },
  'fairness:set-rotation-weights': { args: rotationWeightsArgs, result: returns<RotationWeights>() },
  'plan:propose-all': { args: planAllArgs, result: returns<RotationsPlan>() },
} as const;
