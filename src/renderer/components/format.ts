// How instants are shown to a person: in a named time zone (the rotation's), with the zone's
// short name, e.g. 'Thu 26 Nov, 09:00 EST'.
import { TZDate } from '@date-fns/tz';
import { format, formatDistanceStrict } from 'date-fns';
import type { IsoDate, IsoInstant } from '../../shared/model';

/** The computer's own zone, for when the model names none. */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** 'EST', 'CET' or 'GMT+1': what en-US calls the zone at that moment. */
function zoneAbbreviation(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(ms);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

function zoned(instant: IsoInstant, timeZone: string): { date: TZDate; ms: number } {
  const ms = Date.parse(instant);
  return { date: new TZDate(ms, timeZone), ms };
}

/** 'Thu 26 Nov, 09:00 EST'; the year is added when it is not the current one. */
export function formatMoment(instant: IsoInstant, timeZone: string, now: Date = new Date()): string {
  const { date, ms } = zoned(instant, timeZone);
  const sameYear = date.getFullYear() === new TZDate(now.getTime(), timeZone).getFullYear();
  return `${format(date, sameYear ? 'EEE d MMM, HH:mm' : 'EEE d MMM yyyy, HH:mm')} ${zoneAbbreviation(ms, timeZone)}`;
}

/** 'Thu 26 Nov' for a plain date (no zone: it is the same calendar day everywhere); the year is added when it is not `currentYear`. */
export function formatDay(date: IsoDate, currentYear?: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  return format(day, y === currentYear ? 'EEE d MMM' : 'EEE d MMM yyyy');
}

/** 'in 3 days', '5 hours ago'. */
export function relativeTo(instant: IsoInstant, now: IsoInstant | Date): string {
  return formatDistanceStrict(new Date(instant), new Date(now), { addSuffix: true });
}

/** The calendar year in `timeZone` at an instant. */
export function yearIn(instant: IsoInstant, timeZone: string): number {
  return new TZDate(Date.parse(instant), timeZone).getFullYear();
}
