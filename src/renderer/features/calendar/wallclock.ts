// FullCalendar runs in 'UTC' and is fed the team's wall-clock times as if they were UTC, so
// the calendar shows the rotation's zone whatever the computer's zone is (as Today does),
// without a time-zone plugin. These convert between real instants and those stand-ins.
import { localDateOf, localTimeOf, zonedMs } from '../../../shared/domain/time';
import type { IsoDate, IsoInstant } from '../../../shared/model';
import { appNow } from '../../clock';

const pad = (n: number) => String(n).padStart(2, '0');

/** '2026-11-26T09:00:00' for an instant, read on the wall clock of `timeZone`. */
export function toWall(instant: IsoInstant | number, timeZone: string): string {
  return `${localDateOf(instant, timeZone)}T${localTimeOf(instant, timeZone)}:00`;
}

/** The calendar date FullCalendar means by one of its Dates (the UTC fields). */
export function wallDate(date: Date): IsoDate {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The real instant of one of FullCalendar's Dates, read as a wall clock in `timeZone`. */
export function fromWall(date: Date, timeZone: string): IsoInstant {
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  return new Date(zonedMs(wallDate(date), time, timeZone)).toISOString();
}

/** Now, as a stand-in for the now-indicator and today's highlight. */
export function wallNow(timeZone: string): Date {
  return new Date(`${toWall(appNow(), timeZone)}Z`);
}

/** A wall-clock date as a datetime-local input's value ('2026-11-26T09:00'). */
export function toLocalInput(date: Date): string {
  return `${wallDate(date)}T${date.toISOString().slice(11, 16)}`;
}
