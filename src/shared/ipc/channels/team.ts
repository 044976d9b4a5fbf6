// The Team screen: time away per engineer, and creating the team's rotation.
import type { Rotation, Unavailability } from '../../model';
import { noArgs, rotationDraft, unavailabilityInput, unavailabilityRef } from '../schemas';
import { returns } from './define';

export const teamChannels = {
  'unavailability:list': { args: noArgs, result: returns<Unavailability[]>() },
  'unavailability:add': { args: unavailabilityInput, result: returns<Unavailability>() },
  'unavailability:remove': { args: unavailabilityRef, result: returns<null>() },
  'rotations:create': { args: rotationDraft, result: returns<Rotation>() },
} as const;
