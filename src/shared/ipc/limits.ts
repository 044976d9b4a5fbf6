// How far the bridge lets a request reach. Every date lies in the years a team can plan in,
// and every range a channel accepts has a maximum span: the work behind a range grows with
// it (a plan over a century took minutes and blocked every other request), so a range
// larger than anyone needs is refused at the border with a message naming the limit. The
// README's command-line section lists these; change both together.

export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2200;

export interface SpanLimit {
  /** The longest span accepted, in days from the first to the last. */
  days: number;
  /** The same in words, for the message. */
  words: string;
}

export const SPAN_LIMITS = {
  /** plan:propose, the `plan` schedule edit, swaps:suggest: the planner searches every shift of the range. */
  plan: { days: 731, words: 'two years' },
  /** schedule:get, the calendar's view ranges, covers, fairness and snapshot windows, time away. */
  schedule: { days: 3_660, words: 'ten years' },
  /** Calendar files and spreadsheets: every shift of the range is written out. */
  export: { days: 1_830, words: 'five years' },
  /** holidays:list: public holidays are computed year by year. */
  holidays: { days: 7_320, words: 'twenty years' },
} as const satisfies Record<string, SpanLimit>;

const DAY_MS = 86_400_000;

/** Whether an ISO date or instant falls in the supported years (by the year it is written with). */
export function inSupportedYears(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

export const supportedYearsMessage = `must be in the years ${EARLIEST_YEAR} to ${LATEST_YEAR}`;

/** True when `to` is at most `limit` after `from` (either may be a date or an instant). */
export function withinSpan(limit: SpanLimit, from: string, to: string): boolean {
  return Date.parse(to) - Date.parse(from) <= limit.days * DAY_MS;
}

export const spanMessage = (limit: SpanLimit): string => `must be at most ${limit.words} after from`;
