// The Team screen: engineers, their time away and the team's time zone.
import type { Engineer, Unavailability } from '../../model';
import { engineerInput, noArgs, teamTimeZoneArgs, unavailabilityInput, unavailabilityRef } from '../schemas';
import { returns } from './define';

export const teamChannels = {
  'engineers:list': { args: noArgs, result: returns<Engineer[]>() },
  'engineers:save': { args: engineerInput, result: returns<Engineer>() },
  'unavailability:list': { args: noArgs, result: returns<Unavailability[]>() },
  'unavailability:add': { args: unavailabilityInput, result: returns<Unavailability>() },
  'unavailability:remove': { args: unavailabilityRef, result: returns<null>() },
  /** The team's own zone: the dates of drills, deadlines and imports (each rotation has its own too). */
  'team:time-zone': { args: noArgs, result: returns<string>() },
  'team:set-time-zone': { args: teamTimeZoneArgs, result: returns<string>() },
} as const;
