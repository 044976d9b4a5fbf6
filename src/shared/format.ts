// How dates and times are named to a person, on every screen and in the engine's warnings:
// 'Thu 26 Nov', 'Thu 26 Nov, 09:00 EST'; the year is added when it is not the current one.
// The caller says which year is current, so the engine's messages stay pure.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { IsoDate, IsoInstant } from './model';

/** 'EST', 'CET' or 'GMT+1': what en-US calls the zone at that moment. */
function zoneAbbreviation(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(ms);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** 'Thu 26 Nov' for a plain date (no zone: it is the same calendar day everywhere); the year is added when it is not `currentYear`. */
export function formatDay(date: IsoDate, currentYear?: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  return format(day, y === currentYear ? 'EEE d MMM' : 'EEE d MMM yyyy');
}

/** 'Thu 26 Nov, 09:00 EST' in `timeZone`; the year is added when it is not `currentYear` there. */
export function formatMoment(instant: IsoInstant | number, timeZone: string, currentYear?: number): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  const date = new TZDate(ms, timeZone);
  const sameYear = date.getFullYear() === currentYear;
  return `${format(date, sameYear ? 'EEE d MMM, HH:mm' : 'EEE d MMM yyyy, HH:mm')} ${zoneAbbreviation(ms, timeZone)}`;
}

/** The calendar year in `timeZone` at an instant: the `currentYear` of the two above. */
export function yearIn(instant: IsoInstant | number, timeZone: string): number {
  return new TZDate(typeof instant === 'number' ? instant : Date.parse(instant), timeZone).getFullYear();
}

/** 'April 2027': the month of a plain date, by name. */
export function formatMonth(date: IsoDate): string {
  const [y, m] = date.split('-').map(Number);
  return format(new Date(y ?? 1970, (m ?? 1) - 1, 1), 'MMMM yyyy');
}

/** The year of a plain date: the `currentYear` when the date is today. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** "Holiday cover" from "holiday cover": a label at the start of a sentence or a bold lead-in. */
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
