// How instants are shown to a person: in a named time zone (the rotation's), with the zone's
// short name, e.g. 'Thu 26 Nov, 09:00 EST'. The rule itself is shared with the main process
// (src/shared/format.ts); here the current year comes from the clock.
import { formatDistanceStrict } from 'date-fns';
import { formatMoment as formatMomentIn, yearIn } from '../../shared/format';
import type { IsoInstant } from '../../shared/model';
import { appNow } from '../clock';

export { formatDay, yearIn } from '../../shared/format';

/** The computer's own zone, for when the model names none. */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** 'Thu 26 Nov, 09:00 EST'; the year is added when it is not the current one. */
export function formatMoment(instant: IsoInstant, timeZone: string, now: Date = new Date(appNow())): string {
  return formatMomentIn(instant, timeZone, yearIn(now.getTime(), timeZone));
}

/** 'in 3 days', '5 hours ago'. */
export function relativeTo(instant: IsoInstant, now: IsoInstant | Date): string {
  return formatDistanceStrict(new Date(instant), new Date(now), { addSuffix: true });
}
