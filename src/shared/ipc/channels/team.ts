// The Team screen: engineers and their time away.
import type { Engineer, Unavailability } from '../../model';
import { engineerInput, noArgs, unavailabilityInput, unavailabilityRef } from '../schemas';
import { returns } from './define';

export const teamChannels = {
  'engineers:list': { args: noArgs, result: returns<Engineer[]>() },
  'engineers:save': { args: engineerInput, result: returns<Engineer>() },
  'unavailability:list': { args: noArgs, result: returns<Unavailability[]>() },
  'unavailability:add': { args: unavailabilityInput, result: returns<Unavailability>() },
  'unavailability:remove': { args: unavailabilityRef, result: returns<null>() },
} as const;
