// Zoned-time helpers. Every conversion between a wall-clock time in a named zone and an
// instant goes through @date-fns/tz, so daylight-saving rules come from the platform's time
// zone database and never from arithmetic here. Plain dates ('YYYY-MM-DD') carry no zone:
// adding days to them is calendar arithmetic, done in UTC where every day has 24 hours.

import { TZDate, tz } from '@date-fns/tz';
import { addDays as addDaysInZone } from 'date-fns';
import type { IsoDate, IsoInstant, TimeOfDay } from '../model';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

function dateParts(date: IsoDate): [year: number, month: number, day: number] {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Not a date (YYYY-MM-DD): '${date}'`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function timeParts(time: TimeOfDay): [hours: number, minutes: number] {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`Not a time of day (HH:MM): '${time}'`);
  return [Number(match[1]), Number(match[2])];
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function formatDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Milliseconds since the epoch of an ISO instant; throws on an unparsable string. */
export function toMs(instant: IsoInstant): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: '${instant}'`);
  return ms;
}

export function toInstant(ms: number): IsoInstant {
  return new Date(ms).toISOString();
}

/**
 * The instant at which the wall clock in `timeZone` shows `time` on `date`.
 * A time skipped by a spring-forward gap resolves to the same offset after the gap
 * (02:30 on the March change in New York becomes 03:30 EDT); an ambiguous autumn time
 * resolves to its first occurrence.
 */
export function zonedMs(date: IsoDate, time: TimeOfDay, timeZone: string): number {
  // The same few boundaries (midnights, hand-offs) are converted again and again for every
  // window and every time-away record; converting one costs a time-zone lookup.
  const key = `${date}T${time} ${timeZone}`;
  const known = zonedCache.get(key);
  if (known !== undefined) return known;
  const [year, month, day] = dateParts(date);
  const [hours, minutes] = timeParts(time);
  const ms = new TZDate(year, month - 1, day, hours, minutes, timeZone).getTime();
  if (zonedCache.size >= ZONED_CACHE_LIMIT) zonedCache.clear();
  zonedCache.set(key, ms);
  return ms;
}

/** Enough for decades of days in a few zones; past it the cache starts again rather than grow. */
const ZONED_CACHE_LIMIT = 50_000;
const zonedCache = new Map<string, number>();

export function zonedInstant(date: IsoDate, time: TimeOfDay, timeZone: string): IsoInstant {
  return toInstant(zonedMs(date, time, timeZone));
}

/** The instant at which `date` begins in `timeZone` (its first existing minute). */
export function startOfLocalDayMs(date: IsoDate, timeZone: string): number {
  return zonedMs(date, '00:00', timeZone);
}

/** The local calendar date in `timeZone` at an instant. */
export function localDateOf(instant: IsoInstant | number, timeZone: string): IsoDate {
  const zoned = new TZDate(typeof instant === 'number' ? instant : toMs(instant), timeZone);
  return formatDate(zoned.getFullYear(), zoned.getMonth() + 1, zoned.getDate());
}

/** The local wall-clock time 'HH:MM' in `timeZone` at an instant. */
export function localTimeOf(instant: IsoInstant | number, timeZone: string): TimeOfDay {
  const zoned = new TZDate(typeof instant === 'number' ? instant : toMs(instant), timeZone);
  return `${pad(zoned.getHours())}:${pad(zoned.getMinutes())}`;
}

/** 'YYYY-MM-DD HH:MM' in `timeZone`, for messages a person reads. */
export function formatLocal(instant: IsoInstant | number, timeZone: string): string {
  return `${localDateOf(instant, timeZone)} ${localTimeOf(instant, timeZone)}`;
}

/** Calendar arithmetic on a plain date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = dateParts(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return formatDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** The same wall-clock time `days` local days later in `timeZone` (23 or 25 hours across a DST change). */
export function addZonedDays(instant: IsoInstant, days: number, timeZone: string): IsoInstant {
  return toInstant(addDaysInZone(new Date(toMs(instant)), days, { in: tz(timeZone) }).getTime());
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [y1, m1, d1] = dateParts(from);
  const [y2, m2, d2] = dateParts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / MS_PER_DAY);
}

/** Every date from `first` to `last`, both included (empty when last < first). */
export function eachDate(first: IsoDate, last: IsoDate): IsoDate[] {
  const count = daysBetween(first, last) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, offset) => addDays(first, offset));
}

/** 0 = Sunday … 6 = Saturday, as in Date.getDay and the SLA rules. */
export function dayOfWeek(date: IsoDate): number {
  const [year, month, day] = dateParts(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** A 'YYYY-MM-DD' that names a real day (not 30 February). */
export function isIsoDate(value: string): boolean {
  return DATE_PATTERN.test(value) && addDays(value, 0) === value;
}
