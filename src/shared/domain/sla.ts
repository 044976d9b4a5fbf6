// When an SLA's deliveries are due. Pure over plain data: the holidays come in as dates (the
// main process reads them with holidays.ts; the renderer receives them over IPC), so the
// SLA screen, Today and the CLI all compute the same deadlines.
//
// Every deadline is a wall-clock time in the SLA's own time zone, turned into an instant by
// time.ts (@date-fns/tz), so "09:00" stays 09:00 local across daylight-saving changes.
import type { IsoDate, IsoInstant, SlaRule, TimeOfDay } from '../model';
import {
  addDays,
  dayOfWeek,
  daysBetween,
  localDateOf,
  localTimeOf,
  MS_PER_HOUR,
  toInstant,
  toMs,
  zonedMs,
} from './time';

/** Saturday and Sunday. */
export const DEFAULT_WEEKEND_DAYS: readonly number[] = [0, 6];

/** Which days are worked: every day but the weekend days and the team's holidays. */
export interface BusinessCalendar {
  holidays: ReadonlySet<IsoDate>;
  weekendDays: readonly number[];
}

/**
 * The team's business calendar from its holidays (Holiday[] from holidaysBetween, or plain
 * dates). Pass holidays covering the range asked about plus a few weeks after it, since a
 * deadline near the end may move past it.
 */
export function businessCalendar(
  holidays: readonly (IsoDate | { date: IsoDate })[],
  weekendDays: readonly number[] = DEFAULT_WEEKEND_DAYS,
): BusinessCalendar {
  return { holidays: new Set(holidays.map((h) => (typeof h === 'string' ? h : h.date))), weekendDays };
}

export function isBusinessDay(date: IsoDate, calendar: BusinessCalendar): boolean {
  return !calendar.weekendDays.includes(dayOfWeek(date)) && !calendar.holidays.has(date);
}

// A calendar that names every day a holiday would loop for ever; a year without one working
// day is a data error, not a deadline.
const MAX_SEARCH_DAYS = 366;

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: IsoDate, calendar: BusinessCalendar): IsoDate {
  return firstBusinessDayFrom(addDays(date, 1), calendar);
}

/** `date` itself when it is a business day, else the first one after it. */
export function firstBusinessDayFrom(date: IsoDate, calendar: BusinessCalendar): IsoDate {
  let day = date;
  for (let i = 0; i < MAX_SEARCH_DAYS; i += 1) {
    if (isBusinessDay(day, calendar)) return day;
    day = addDays(day, 1);
  }
  throw new RangeError(`No business day within a year after ${date}: check the weekend days and holidays.`);
}

/** Something that starts a within-N-hours SLA's clock (an experiment start). */
export interface SlaEvent {
  at: IsoInstant;
  label: string;
}

export interface SlaDeadline {
  dueAt: IsoInstant;
  /** dueAt on the SLA's wall clock. */
  localDate: IsoDate;
  localTime: TimeOfDay;
  /**
   * next_business_day: the days whose data this deadline delivers (Friday's, Saturday's and
   * Sunday's data are all due on Monday). Empty for the other kinds.
   */
  dataDates: IsoDate[];
  /** weekly: the holiday the rule named, when the deadline moved off it (see slaDeadlinesBetween). */
  movedFrom: IsoDate | null;
  /** within_hours: the event that started the clock. */
  event: SlaEvent | null;
}

export interface SlaSpec {
  rule: SlaRule;
  timeZone: string;
}

export interface DeadlineOptions {
  calendar: BusinessCalendar;
  /** Events for within_hours SLAs; other kinds ignore them. */
  events?: readonly SlaEvent[];
}

/**
 * For the data of day `date`, a next-business-day report is due at the rule's time on the
 * first business day after `date` (Wednesday 25 Nov 2026 → Friday 27 Nov: Thanksgiving is a
 * holiday, the day after is a working day unless the team's calendar counts it).
 */
export function nextBusinessDayDeadline(
  dataDate: IsoDate,
  time: TimeOfDay,
  timeZone: string,
  calendar: BusinessCalendar,
): IsoInstant {
  return toInstant(zonedMs(nextBusinessDay(dataDate, calendar), time, timeZone));
}

/**
 * Every deadline of an SLA with `from <= dueAt < to`, in order.
 *
 * - daily: every calendar day at the time, weekends and holidays included — "by 10 AM
 *   daily" is a promise for every day, and the pipeline that keeps it runs unattended.
 * - weekly: the named weekday at the time. **When that day is one of the team's holidays,
 *   the deadline moves to the next business day at the same time** (Aggregate Engagement's
 *   "8 AM every Monday" on Labor Day is due Tuesday 8 AM): the report is read at the start
 *   of the working week, nobody reads it on the holiday, and keeping the date would make
 *   the on-call engineer work the holiday for it. The deadline keeps `movedFrom` so the
 *   screen can say why. A weekday that is itself a weekend day is kept: the rule chose it.
 * - next_business_day: at the time on each business day, for the data of every day since
 *   the previous business day (`dataDates`).
 * - within_hours: event + N hours of elapsed time, for each event given (six hours after
 *   an experiment starts is six hours even across a clock change).
 */
export function slaDeadlinesBetween(
  sla: SlaSpec,
  from: IsoInstant,
  to: IsoInstant,
  options: DeadlineOptions,
): SlaDeadline[] {
  const fromMs = toMs(from);
  const toMs_ = toMs(to);
  if (toMs_ <= fromMs) return [];
  const { rule, timeZone } = sla;
  const { calendar } = options;
  const deadline = (ms: number, extra: Partial<SlaDeadline> = {}): SlaDeadline => ({
    dueAt: toInstant(ms),
    localDate: localDateOf(ms, timeZone),
    localTime: localTimeOf(ms, timeZone),
    dataDates: [],
    movedFrom: null,
    event: null,
    ...extra,
  });
  const inRange = (d: SlaDeadline) => {
    const ms = toMs(d.dueAt);
    return ms >= fromMs && ms < toMs_;
  };

  if (rule.kind === 'within_hours') {
    return (options.events ?? [])
      .map((event) => deadline(toMs(event.at) + rule.hours * MS_PER_HOUR, { event }))
      .filter(inRange)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  // Local dates that can hold a deadline in range; a day either side absorbs zone offsets.
  const firstDate = addDays(localDateOf(fromMs, timeZone), -1);
  const lastDate = addDays(localDateOf(toMs_, timeZone), 1);
  const dates = Array.from({ length: daysBetween(firstDate, lastDate) + 1 }, (_, i) => addDays(firstDate, i));
  const at = (date: IsoDate) => zonedMs(date, rule.time, timeZone);
  const found: SlaDeadline[] = [];

  switch (rule.kind) {
    case 'daily':
      for (const date of dates) found.push(deadline(at(date)));
      break;
    case 'weekly': {
      // A deadline moved off a holiday can land in range from a named day before it.
      const scanFrom = addDays(firstDate, -MAX_MOVE_BACK_DAYS);
      for (let date = scanFrom; date <= lastDate; date = addDays(date, 1)) {
        if (dayOfWeek(date) !== rule.weekday) continue;
        const moves = calendar.holidays.has(date) && !calendar.weekendDays.includes(rule.weekday);
        const due = moves ? nextBusinessDay(date, calendar) : date;
        found.push(deadline(at(due), { movedFrom: moves ? date : null }));
      }
      break;
    }
    case 'next_business_day':
      for (const date of dates) {
        if (!isBusinessDay(date, calendar)) continue;
        found.push(deadline(at(date), { dataDates: dataDatesDueOn(date, calendar) }));
      }
      break;
  }
  return found.filter(inRange);
}

// How far back a weekly deadline's named day may lie: a run of holidays after it (Christmas
// to New Year) can push it about a week and a half.
const MAX_MOVE_BACK_DAYS = 21;

/** The days whose data is due on business day `due`: each day from the previous business day to the day before. */
function dataDatesDueOn(due: IsoDate, calendar: BusinessCalendar): IsoDate[] {
  const dates: IsoDate[] = [];
  let day = addDays(due, -1);
  for (let i = 0; i < MAX_SEARCH_DAYS; i += 1) {
    dates.unshift(day);
    if (isBusinessDay(day, calendar)) break;
    day = addDays(day, -1);
  }
  return dates;
}

/** The next deadline at or after `after`, looking up to `withinDays` ahead. */
export function nextSlaDeadline(
  sla: SlaSpec,
  after: IsoInstant,
  options: DeadlineOptions,
  withinDays = 31,
): SlaDeadline | null {
  const end = toInstant(toMs(after) + withinDays * 24 * MS_PER_HOUR);
  return slaDeadlinesBetween(sla, after, end, options)[0] ?? null;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday] ?? `day ${weekday}`;
}

/** The rule in words, as the SLA screen and the CLI show it ("every Monday by 08:00"). */
export function describeSlaRule(rule: SlaRule): string {
  switch (rule.kind) {
    case 'daily':
      return `daily by ${rule.time}`;
    case 'weekly':
      return `every ${weekdayName(rule.weekday)} by ${rule.time}`;
    case 'next_business_day':
      return `by ${rule.time} the next business day`;
    case 'within_hours':
      return `within ${rule.hours} hours of ${rule.event}`;
  }
}
