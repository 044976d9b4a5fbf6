// Holidays from a calendar file (a company holiday calendar, a country's public holidays
// exported from Google or Outlook) into the team's custom holidays. ical.js parses (folded
// lines, escapes, parameters); this file decides what a holiday is: the local dates an event
// covers, as written, whatever its TZID, so a holiday never slides to the day before.
import ICAL from 'ical.js';
import { z } from 'zod';
import type { ImportChange, ImportProblem } from '../../shared/ipc/channels/share';
import type { ImportMode } from '../../shared/ipc/share-schemas';
import { addDays, daysBetween, localDateOf } from '../../shared/domain/time';
import type { CustomHoliday, Holiday } from '../../shared/model';
import { nameField } from '../../shared/domain/engineer';
import { mojibakeProblems, problem, stripBom } from './problems';

export interface HolidayRow {
  date: string;
  name: string;
  weight: number;
  /** Where it came from, for messages: 'event 3 "Christmas Day"'. */
  source: string;
  line: number | null;
}

/** A holiday is a day or a few: anything longer is a vacation or a mistake. */
const MAX_DAYS = 31;
/**
 * Recurring events are expanded from today this far ahead, whatever their first date: a
 * yearly holiday that began in 2015 matters from now on, not in 2015–2024.
 */
const RECURRENCE_YEARS = 10;
const MAX_OCCURRENCES = 100;
/** Occurrences before today are stepped over; a daily rule from decades ago stops here. */
const MAX_SKIPPED = 50_000;

const holidaySchema = z.object({
  date: z.iso.date(),
  name: nameField,
  weight: z.number().min(0, 'must not be negative').max(20, 'must be at most 20'),
});

/** The line each VEVENT begins on, counting physical lines (folded or not). */
function eventLines(text: string): number[] {
  const lines: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (/^BEGIN:VEVENT\s*$/i.test(line)) lines.push(i + 1);
  });
  return lines;
}

function lineOf(text: string, fragment: string): number | null {
  if (!fragment) return null;
  const index = text.split(/\r\n|\r|\n/).findIndex((line) => line.includes(fragment));
  return index >= 0 ? index + 1 : null;
}

/** The first line that is neither a NAME:value property nor a folded continuation. */
function firstMalformedLine(text: string): number | null {
  const index = text
    .split(/\r\n|\r|\n/)
    .findIndex((line) => line !== '' && !/^[ \t]/.test(line) && !/^[A-Za-z0-9-]+[;:]/.test(line));
  return index >= 0 ? index + 1 : null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The local date an ical.js time stands for: as written for DATE, floating and TZID values; in `zone` for UTC. */
function dateOf(time: ICAL.Time, zone: string): string {
  if (!time.isDate && time.zone === ICAL.Timezone.utcTimezone) return localDateOf(time.toJSDate().getTime(), zone);
  return `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
}

export function parseHolidaysIcs(
  file: string,
  text: string,
  options: { defaultWeight: number; timeZone: string; /** The app's today, in `timeZone`. */ today: string },
): { rows: HolidayRow[]; problems: ImportProblem[] } {
  const problems = mojibakeProblems(file, text);
  const body = stripBom(text);
  if (body.trim() === '')
    return {
      rows: [],
      problems: [...problems, problem(file, { line: 1 }, 'the file is empty: expected BEGIN:VCALENDAR')],
    };
  let root: ICAL.Component;
  try {
    const parsed = ICAL.parse(body) as unknown[];
    // Several calendars one after another parse as a list of them: the first is the one to read.
    const first = Array.isArray(parsed[0]) ? (parsed[0] as unknown[]) : parsed;
    if (typeof first[0] !== 'string') throw new Error('no BEGIN:VCALENDAR found');
    root = new ICAL.Component(first);
  } catch (error) {
    const message = (error as Error).message;
    const quoted = /"([^"]*)"\s*$/.exec(message)?.[1] ?? '';
    const line = lineOf(body, quoted) ?? firstMalformedLine(body) ?? 1;
    return { rows: [], problems: [...problems, problem(file, { line }, `is not a valid iCalendar file: ${message}`)] };
  }
  if (root.name !== 'vcalendar') {
    return {
      rows: [],
      problems: [
        ...problems,
        problem(
          file,
          { line: 1 },
          `is not a calendar: it starts with BEGIN:${root.name.toUpperCase()}, expected BEGIN:VCALENDAR`,
        ),
      ],
    };
  }
  const starts = eventLines(body);
  const rows: HolidayRow[] = [];
  const events = root.getAllSubcomponents('vevent');
  if (events.length === 0)
    problems.push(problem(file, { line: null }, 'contains no events (VEVENT): there are no holidays to import'));

  events.forEach((vevent, index) => {
    const line = starts[index] ?? null;
    const summary = String(vevent.getFirstPropertyValue('summary') ?? '').trim();
    const item = `event ${index + 1}${summary ? ` "${summary.slice(0, 60)}"` : ''}`;
    const at = (field: string) => ({ line, item, field });
    try {
      if (String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') return;
      // Watchbill's own shifts and drills, when a full export is imported back: they are not holidays.
      if (vevent.hasProperty('x-watchbill-role') || vevent.hasProperty('x-watchbill-drill-status')) return;
      const startProp = vevent.getFirstProperty('dtstart');
      if (!startProp) {
        problems.push(problem(file, at('DTSTART'), 'is missing: every holiday needs a start date'));
        return;
      }
      const start = startProp.getFirstValue() as ICAL.Time;
      const endProp = vevent.getFirstProperty('dtend');
      const end = endProp ? (endProp.getFirstValue() as ICAL.Time) : null;
      const duration = vevent.getFirstPropertyValue('duration') as ICAL.Duration | null;
      // A DATE event covers [start, end); a timed event marks the day it starts on.
      let days = 1;
      if (start.isDate && end) days = daysBetween(dateOf(start, options.timeZone), dateOf(end, options.timeZone));
      else if (start.isDate && duration) days = Math.floor(duration.toSeconds() / 86_400);
      if (start.isDate && days < 1) {
        problems.push(
          problem(
            file,
            at('DTEND'),
            'ends before or when it starts: an all-day event ends on the day after its last day',
          ),
        );
        return;
      }
      if (days > MAX_DAYS) {
        problems.push(problem(file, at('DTEND'), `spans ${days} days; a holiday lasts at most ${MAX_DAYS} days`));
        return;
      }
      const weightText = vevent.getFirstPropertyValue('x-watchbill-weight');
      const weight =
        weightText === null || weightText === undefined ? options.defaultWeight : Number(String(weightText));
      if (!Number.isFinite(weight)) {
        problems.push(problem(file, at('X-WATCHBILL-WEIGHT'), `must be a number, not "${String(weightText)}"`));
        return;
      }
      const firstDates: string[] = [];
      const event = new ICAL.Event(vevent);
      if (event.isRecurring()) {
        // Compared as text only, so 29 February ten years on needs no correcting.
        const until = `${Number(options.today.slice(0, 4)) + RECURRENCE_YEARS}${options.today.slice(4)}`;
        const iterator = event.iterator();
        let skipped = 0;
        for (let next = iterator.next(); next && firstDates.length < MAX_OCCURRENCES; next = iterator.next()) {
          const date = dateOf(next, options.timeZone);
          if (date >= until) break;
          // An occurrence counts while any of its days is still to come.
          if (addDays(date, days - 1) >= options.today) firstDates.push(date);
          else if (++skipped > MAX_SKIPPED) break;
        }
      } else {
        firstDates.push(dateOf(start, options.timeZone));
      }
      for (const first of firstDates) {
        for (let d = 0; d < days; d += 1) {
          const candidate = { date: addDays(first, d), name: summary, weight };
          const parsed = holidaySchema.safeParse(candidate);
          if (!parsed.success) {
            const issue = parsed.error.issues[0]!;
            const field =
              issue.path[0] === 'name' ? 'SUMMARY' : issue.path[0] === 'weight' ? 'X-WATCHBILL-WEIGHT' : 'DTSTART';
            problems.push(problem(file, at(field), issue.message));
            return;
          }
          rows.push({ ...parsed.data, source: item, line });
        }
      }
    } catch (error) {
      problems.push(problem(file, at('DTSTART'), `cannot be read: ${(error as Error).message}`));
    }
  });
  return { rows: dedupe(rows), problems };
}

/** The same day and name twice (an event and its recurrence, or a file merged twice) is one holiday. */
function dedupe(rows: HolidayRow[]): HolidayRow[] {
  const seen = new Map<string, HolidayRow>();
  for (const row of rows) {
    const key = `${row.date}|${row.name.toLocaleLowerCase()}`;
    if (!seen.has(key)) seen.set(key, row);
  }
  return [...seen.values()].sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}

export interface HolidayPlan {
  changes: ImportChange[];
  unchanged: number;
  add: Omit<CustomHoliday, 'id' | 'calendarId'>[];
  /** Custom holidays to remove (replaced ones, and a changed weight is a remove and an add). */
  remove: CustomHoliday[];
}

/**
 * `publicHolidays` are the calendar's own public days over the file's dates: a row naming one
 * of them on its date is already known and is not added again as a custom day.
 */
export function planHolidayImport(
  rows: readonly HolidayRow[],
  existing: readonly CustomHoliday[],
  mode: ImportMode,
  publicHolidays: readonly Pick<Holiday, 'date' | 'name'>[] = [],
): HolidayPlan {
  const known = new Set(publicHolidays.map((h) => `${h.date}|${h.name.toLocaleLowerCase()}`));
  const key = (h: { date: string; name: string }) => `${h.date}|${h.name.toLocaleLowerCase()}`;
  const current = new Map(existing.map((h) => [key(h), h]));
  const listed = new Set<string>();
  const plan: HolidayPlan = { changes: [], unchanged: 0, add: [], remove: [] };
  for (const row of rows) {
    listed.add(key(row));
    const found = current.get(key(row));
    const label = `${row.date} ${row.name}`;
    if (!found && known.has(key(row))) {
      plan.unchanged += 1;
    } else if (!found) {
      plan.add.push({ date: row.date, name: row.name, weight: row.weight });
      plan.changes.push({ action: 'add', what: 'holiday', label, details: [`weight ${row.weight}`] });
    } else if (found.weight !== row.weight) {
      plan.remove.push(found);
      plan.add.push({ date: row.date, name: found.name, weight: row.weight });
      plan.changes.push({
        action: 'update',
        what: 'holiday',
        label,
        details: [`weight: ${found.weight} → ${row.weight}`],
      });
    } else {
      plan.unchanged += 1;
    }
  }
  if (mode === 'replace') {
    for (const holiday of existing) {
      if (listed.has(key(holiday))) continue;
      plan.remove.push(holiday);
      plan.changes.push({
        action: 'remove',
        what: 'holiday',
        label: `${holiday.date} ${holiday.name}`,
        details: ['not in the file'],
      });
    }
  }
  return plan;
}
