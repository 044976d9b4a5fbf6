// A layer's coverage in the lead's words ("Mon–Fri 09:00–18:00"): the one wording used by the
// Team screen's list, the calendar's legend and any message that names when a rotation answers.
import type { Coverage } from '../model';

const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
/** The week as a lead reads it, Monday first. */
export const WEEK_ORDER: readonly number[] = [1, 2, 3, 4, 5, 6, 0];

export const shortDayName = (weekday: number): string => SHORT_DAYS[weekday] ?? `day ${weekday}`;

/** 'Mon–Fri', 'Sat, Sun', 'Mon, Wed, Fri' — runs of three or more days joined with a dash. */
export function weekdaysLabel(weekdays: readonly number[] | null): string {
  if (weekdays === null || weekdays.length === 7) return 'Every day';
  const ordered = WEEK_ORDER.filter((d) => weekdays.includes(d));
  const runs: number[][] = [];
  for (const day of ordered) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run && previous !== undefined && WEEK_ORDER.indexOf(previous) + 1 === WEEK_ORDER.indexOf(day)) run.push(day);
    else runs.push([day]);
  }
  return runs
    .flatMap((run) =>
      run.length >= 3
        ? [`${shortDayName(run[0]!)}–${shortDayName(run[run.length - 1]!)}`]
        : run.map((d) => shortDayName(d)),
    )
    .join(', ');
}

/** 'Every day, all day', 'Mon–Fri 09:00–18:00', 'Every day 20:00–08:00 (overnight)'. */
export function coverageLabel(coverage: Coverage): string {
  const days = weekdaysLabel(coverage.weekdays);
  if (coverage.hours === null) return `${days}, all day`;
  const { from, until } = coverage.hours;
  return `${days} ${from}–${until}${until <= from ? ' (overnight)' : ''}`;
}
