// When a layer answers, in words: "Mon–Fri 09:00–18:00 New York time" on Today and in "who do
// I call now?", "Mon–Fri 09:00–18:00" on the Team screen, the calendar's legend, the CLI and the
// printed plan. The one home for this wording, so every place says it the same way.
import type { Coverage, Rotation } from '../model';
import { coversAlways } from './layers';

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** The week as a lead reads it: Monday first. */
export const WEEK_ORDER: readonly number[] = [1, 2, 3, 4, 5, 6, 0];

export const shortDayName = (weekday: number): string => DAY_NAMES[weekday] ?? `day ${weekday}`;

/** "New York time" for America/New_York; "UTC" for UTC. */
export function zoneWords(timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  const city = timeZone.slice(timeZone.lastIndexOf('/') + 1).replace(/_/g, ' ');
  return `${city} time`;
}

/** "Mon–Fri", "Sat, Sun", "Mon, Wed, Fri": runs of three or more days joined with a dash. */
export function weekdayWords(weekdays: readonly number[]): string {
  const chosen = WEEK_ORDER.filter((d) => weekdays.includes(d));
  if (chosen.length === 7) return 'every day';
  const runs: number[][] = [];
  for (const day of chosen) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run && previous !== undefined && WEEK_ORDER.indexOf(day) === WEEK_ORDER.indexOf(previous) + 1) run.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) =>
      run.length >= 3
        ? `${DAY_NAMES[run[0]!]}–${DAY_NAMES[run[run.length - 1]!]}`
        : run.map((d) => DAY_NAMES[d]).join(', '),
    )
    .join(', ');
}

/** When a rotation answers, in words: "Mon–Fri 09:00–18:00 New York time", "all day, every day". */
export function coverageWords(coverage: Coverage, timeZone: string): string {
  if (coversAlways(coverage)) return 'all day, every day';
  const days = coverage.weekdays === null ? 'every day' : weekdayWords(coverage.weekdays);
  const hours = coverage.hours === null ? 'all day' : `${coverage.hours.from}–${coverage.hours.until}`;
  return `${days} ${hours} ${zoneWords(timeZone)}`;
}

/** "it covers Mon–Fri 09:00–18:00 New York time": why nobody from a layer answers at a moment. */
export const coversWords = (rotation: Pick<Rotation, 'coverage' | 'timeZone'>): string =>
  `it covers ${coverageWords(rotation.coverage, rotation.timeZone)}`;

const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);
const hoursWords = ({ from, until }: { from: string; until: string }) =>
  `${from}–${until}${until <= from ? ' (overnight)' : ''}`;

/** The Team screen's and the legend's label: "Every day, all day", "Mon–Fri 09:00–18:00", "Sat, Sun, all day". */
export function coverageLabel(coverage: Coverage): string {
  const days = capitalised(coverage.weekdays === null ? 'every day' : weekdayWords(coverage.weekdays));
  return coverage.hours === null ? `${days}, all day` : `${days} ${hoursWords(coverage.hours)}`;
}

/** A weekday list as the Team screen labels it: "Mon, Wed, Fri", "Every day". */
export const weekdaysLabel = (weekdays: readonly number[] | null): string =>
  capitalised(weekdays === null ? 'every day' : weekdayWords(weekdays));

/** The coverage for the CLI and the printed plan ("Mon–Fri 09:00–18:00"), or null for round the clock. */
export function describeCoverage(coverage: Coverage): string | null {
  if (coversAlways(coverage)) return null;
  const days = coverage.weekdays === null ? 'every day' : weekdayWords(coverage.weekdays);
  return `${days} ${coverage.hours === null ? 'all day' : `${coverage.hours.from}–${coverage.hours.until}`}`;
}
