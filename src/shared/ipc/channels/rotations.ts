// The team's rotations: many per file, each its own schedule (a layer when it covers only some
// hours or weekdays), in the lead's order; archived ones keep their history for fairness.
import type { Rotation } from '../../model';
import { noArgs, rotationArchiveArgs, rotationDraft, rotationInput, rotationOrderArgs } from '../schemas';
import { returns } from './define';

export const rotationChannels = {
  /** Every rotation, archived ones too (they say so), in the lead's order. */
  'rotations:list': { args: noArgs, result: returns<Rotation[]>() },
  'rotations:create': { args: rotationDraft, result: returns<Rotation>() },
  'rotations:save': { args: rotationInput, result: returns<Rotation>() },
  'rotations:archive': { args: rotationArchiveArgs, result: returns<Rotation>() },
  'rotations:reorder': { args: rotationOrderArgs, result: returns<Rotation[]>() },
} as const;
