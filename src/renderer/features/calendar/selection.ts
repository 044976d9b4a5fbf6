import { zonedMs } from '../../../shared/domain/time';
import type { IsoInstant } from '../../../shared/model';

/** 'YYYY-MM-DDTHH:MM' on the team's wall clock → the instant. */
export function zonedInstantOf(local: string, timeZone: string): IsoInstant {
  const [date = '', time = '00:00'] = local.split('T');
  return new Date(zonedMs(date, time.slice(0, 5), timeZone)).toISOString();
}
