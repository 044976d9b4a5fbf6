// The periods the calendar steps through (a month, a Monday-to-Sunday week, a calendar quarter),
// worked out without FullCalendar so the deck knows which periods to keep drawn beside the one
// in view before any of them is drawn.
import { addDays, dayOfWeek } from '../../../shared/domain/time';
import type { IsoDate } from '../../../shared/model';
import type { CalendarViewKey } from './useCalendarKeys';

/** One drawn period: its view and first day; `id` tells it from every other (a React key). */
export interface Period {
  id: string;
  view: CalendarViewKey;
  start: IsoDate;
}

const pad = (n: number) => String(n).padStart(2, '0');

function addMonths(start: IsoDate, months: number): IsoDate {
  const index = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
}

/** The first day of the period of `view` holding `date` (weeks start on Monday, as the calendar's). */
export function periodStart(view: CalendarViewKey, date: IsoDate): IsoDate {
  if (view === 'week') return addDays(date, -((dayOfWeek(date) + 6) % 7));
  const month = Number(date.slice(5, 7));
  if (view === 'quarter') return `${date.slice(0, 4)}-${pad(month - ((month - 1) % 3))}-01`;
  return `${date.slice(0, 7)}-01`;
}

/** The first day of the period `steps` periods after (before, when negative) the one starting on `start`. */
export function stepPeriod(view: CalendarViewKey, start: IsoDate, steps: number): IsoDate {
  if (view === 'week') return addDays(start, 7 * steps);
  return addMonths(start, view === 'quarter' ? 3 * steps : steps);
}

export function periodOf(view: CalendarViewKey, date: IsoDate): Period {
  const start = periodStart(view, date);
  return { id: `${view}:${start}`, view, start };
}

/** The period in view and its neighbours, earliest first. */
export function deckAround(current: Period): Period[] {
  return [-1, 0, 1].map((steps) => periodOf(current.view, stepPeriod(current.view, current.start, steps)));
}
