// A rotation's coverage in words, as the CLI, the printed plan and the calendar files say it:
// 'Mon–Fri 09:00–18:00', 'Sat, Sun all day', 'every day 20:00–08:00'.
import type { Coverage } from '../model';

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** The week as people read it: Monday first. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

/** Weekdays as runs: [1,2,3,4,5] → 'Mon–Fri', [6,0] → 'Sat, Sun'. */
function describeWeekdays(weekdays: readonly number[]): string {
  const days = WEEK_ORDER.filter((d) => weekdays.includes(d));
  const runs: number[][] = [];
  for (const day of days) {
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

/** The coverage in words, or null for a rotation that covers every hour of every day. */
export function describeCoverage(coverage: Coverage): string | null {
  if (coverage.weekdays === null && coverage.hours === null) return null;
  const days =
    coverage.weekdays === null || coverage.weekdays.length === 7 ? 'every day' : describeWeekdays(coverage.weekdays);
  const hours = coverage.hours === null ? 'all day' : `${coverage.hours.from}–${coverage.hours.until}`;
  return `${days} ${hours}`;
}
