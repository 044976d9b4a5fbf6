// Fairness: what each on-call day costs, who carried how much over a period, and how that
// compares with each person's fair share. Pure, and free of the holiday data package, so
// the renderer can call it with holidays it received from the main process.

import type { Engineer, Holiday, Id, IsoDate, Override, Role, Rotation, Unavailability } from '../model';
import {
  applyChange,
  computeSegmentsMs,
  provisionalIds,
  unavailableSpans,
  type Change,
  type SegmentMs,
} from './rotation';
import { addDays, dayOfWeek, eachDate, MS_PER_HOUR, startOfLocalDayMs } from './time';

/** The settings that turn on-call time into burden. Every figure is shown in the UI with its explanation. */
export interface FairnessWeights {
  /** Burden of one day on call as primary, Monday to Friday: the unit every other weight is measured in. */
  weekday: number;
  /** Burden of one weekend day on call as primary: a weekend on call gives up more free time than a working day. */
  weekendDay: number;
  /**
   * Share of a day's burden carried by the secondary: the backup is only paged when the primary
   * does not answer, so a backup day costs this fraction of a primary day.
   */
  secondaryFactor: number;
  /** Days of the week that count as weekend (0 = Sunday … 6 = Saturday). */
  weekendDays: number[];
}

export const DEFAULT_FAIRNESS_WEIGHTS: FairnessWeights = Object.freeze({
  weekday: 1,
  weekendDay: 1.5,
  secondaryFactor: 0.25,
  weekendDays: [0, 6],
});

/**
 * Default weight of a major holiday (Thanksgiving, Christmas Eve and Day, New Year's Eve and
 * Day): a day on call then costs three working days, since it takes a family holiday away.
 */
export const MAJOR_HOLIDAY_WEIGHT = 3;
/** Default weight of any other counted public holiday: twice a working day. */
export const DEFAULT_HOLIDAY_WEIGHT = 2;

/**
 * The burden of one primary day on `date`. A holiday costs its own weight, but never less than
 * the ordinary day it falls on (a holiday on a Saturday is at least a weekend day).
 */
export function dayCost(
  date: IsoDate,
  holidayWeight: number | null,
  weights: FairnessWeights = DEFAULT_FAIRNESS_WEIGHTS,
): number {
  const ordinary = weights.weekendDays.includes(dayOfWeek(date)) ? weights.weekendDay : weights.weekday;
  return holidayWeight === null ? ordinary : Math.max(ordinary, holidayWeight);
}

export const roleFactor = (role: Role, weights: FairnessWeights): number =>
  role === 'primary' ? 1 : weights.secondaryFactor;

// ---------------------------------------------------------------------------------------
// Days

export interface DayInfo {
  date: IsoDate;
  /** The local day as instants in the rotation's zone: [start, end), 23 to 25 hours. */
  start: number;
  end: number;
  weekend: boolean;
  /** The highest weight among the holidays on this date, or null. */
  holidayWeight: number | null;
  holidayNames: string[];
  /** Burden of being primary for the whole day. */
  cost: number;
}

/** The local days of a stretch of dates, with what each costs. */
export interface DayTable {
  timeZone: string;
  weights: FairnessWeights;
  days: DayInfo[];
}

export function buildDayTable(
  firstDate: IsoDate,
  lastDate: IsoDate,
  timeZone: string,
  holidays: readonly Holiday[],
  weights: FairnessWeights = DEFAULT_FAIRNESS_WEIGHTS,
): DayTable {
  const byDate = new Map<IsoDate, Holiday[]>();
  for (const holiday of holidays) byDate.set(holiday.date, [...(byDate.get(holiday.date) ?? []), holiday]);
  const dates = eachDate(firstDate, lastDate);
  const starts = [...dates, addDays(lastDate, 1)].map((date) => startOfLocalDayMs(date, timeZone));
  const days = dates.map((date, i): DayInfo => {
    const onDate = byDate.get(date) ?? [];
    // Several holidays can share a date (Christmas Eve and a substitute Christmas Day): the day costs the highest, once.
    const holidayWeight = onDate.length > 0 ? Math.max(...onDate.map((h) => h.weight)) : null;
    return {
      date,
      start: starts[i]!,
      end: starts[i + 1]!,
      weekend: weights.weekendDays.includes(dayOfWeek(date)),
      holidayWeight,
      holidayNames: onDate.map((h) => h.name),
      cost: dayCost(date, holidayWeight, weights),
    };
  });
  return { timeZone, weights, days };
}

/** Index of the first day that ends after `at`. */
function firstDayEndingAfter(table: DayTable, at: number): number {
  let low = 0;
  let high = table.days.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (table.days[mid]!.end <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Calls `visit` with each day overlapping [start, end) and the fraction of that day covered. */
export function forEachDayFraction(
  table: DayTable,
  start: number,
  end: number,
  visit: (day: DayInfo, fraction: number) => void,
): void {
  for (let i = firstDayEndingAfter(table, start); i < table.days.length; i += 1) {
    const day = table.days[i]!;
    if (day.start >= end) return;
    const overlap = Math.min(end, day.end) - Math.max(start, day.start);
    if (overlap > 0) visit(day, overlap / (day.end - day.start));
  }
}

/** Burden of holding `role` over [start, end); time outside the table's days costs nothing. */
export function intervalBurden(table: DayTable, start: number, end: number, role: Role): number {
  const factor = roleFactor(role, table.weights);
  let burden = 0;
  forEachDayFraction(table, start, end, (day, fraction) => {
    burden += fraction * day.cost * factor;
  });
  return burden;
}

// ---------------------------------------------------------------------------------------
// Periods

/** Local dates in the rotation's zone, both included. */
export interface Period {
  startDate: IsoDate;
  endDate: IsoDate;
  label?: string;
}

export function quarterOf(date: IsoDate): Period {
  const year = Number(date.slice(0, 4));
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  const startDate = `${date.slice(0, 4)}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
  const nextStart =
    quarter === 3 ? `${year + 1}-01-01` : `${date.slice(0, 4)}-${String(quarter * 3 + 4).padStart(2, '0')}-01`;
  return { startDate, endDate: addDays(nextStart, -1), label: `${year}-Q${quarter + 1}` };
}

export function yearToDate(today: IsoDate): Period {
  return { startDate: `${today.slice(0, 4)}-01-01`, endDate: today, label: `${today.slice(0, 4)} year to date` };
}

/** The twelve months ending today: from the day after the same date a year ago. */
export function rolling12Months(today: IsoDate): Period {
  const yearAgo = `${String(Number(today.slice(0, 4)) - 1).padStart(4, '0')}${today.slice(4)}`;
  // A year before 29 February there is no 29 February: start on 1 March.
  const start = today.slice(5) === '02-29' ? addDays(`${yearAgo.slice(0, 4)}-02-28`, 1) : addDays(yearAgo, 1);
  return { startDate: start, endDate: today, label: 'last 12 months' };
}

/**
 * How far back cumulative fairness looks. Older shifts no longer say who carried what in the
 * team as it is, and a rotation dated centuries back would otherwise take seconds to weigh.
 */
export const FAIRNESS_HISTORY_YEARS = 10;

/** Where cumulative fairness up to `until` starts: the rotation's first day, at most FAIRNESS_HISTORY_YEARS earlier. */
export function historyStart(rotation: Rotation, until: IsoDate): IsoDate {
  const year = Number(until.slice(0, 4)) - FAIRNESS_HISTORY_YEARS;
  const earliest = year < 1 ? '0001-01-01' : `${String(year).padStart(4, '0')}-01-01`;
  return rotation.startDate > earliest ? rotation.startDate : earliest;
}

/** Cumulative: everything since the rotation's first shift (within FAIRNESS_HISTORY_YEARS). */
export function sinceRotationStart(rotation: Rotation, today: IsoDate): Period {
  const startDate = historyStart(rotation, today);
  return {
    startDate,
    endDate: today < startDate ? startDate : today,
    label: startDate === rotation.startDate ? 'since the rotation started' : `since ${startDate}`,
  };
}

// ---------------------------------------------------------------------------------------
// Per-engineer figures

/** A stretch of days during which an engineer belonged to the rotation (both ends included; open end = still a member). */
export interface MembershipSpan {
  engineerId: Id;
  startDate: IsoDate;
  endDate: IsoDate | null;
}

export interface FairnessInput {
  rotation: Rotation;
  overrides: readonly Override[];
  engineers: readonly Engineer[];
  unavailability: readonly Unavailability[];
  /** Holidays of the period (from holidays.ts in the main process). */
  holidays: readonly Holiday[];
  period: Period;
  weights?: FairnessWeights;
  /** Who was a member when; by default every current member for the whole period. */
  memberships?: readonly MembershipSpan[];
}

export interface EngineerFairness {
  engineerId: Id;
  primaryDays: number;
  secondaryDays: number;
  /** Weekend days on call, in either role. */
  weekendDays: number;
  /** Holidays on call in either role, for all or part of the day: whole days, each holiday date counted once. */
  holidayDays: number;
  /** The part of the burden that fell on holidays. */
  weightedHolidayLoad: number;
  burden: number;
  /** Days as a member and available (fractional: half a day of PTO counts half). */
  eligibleDays: number;
  /** Each day's team burden shared among the people eligible that day. */
  fairShare: number;
  /** burden − fairShare: positive carried more than their share. */
  difference: number;
  /** Hours on call in either role (for the balance score). */
  onCallHours: number;
}

export interface TeamFairness {
  totalBurden: number;
  /** Most minus least loaded, relative to fair share (max − min of difference). */
  spread: number;
  /** Population standard deviation of the differences. */
  standardDeviation: number;
  /**
   * Grafana OnCall's balance score, for reference: the mean over all pairs of
   * min(hours)/max(hours). 1 is perfectly even.
   */
  balanceScore: number;
}

export interface FairnessReport {
  period: Period;
  engineers: EngineerFairness[];
  team: TeamFairness;
}

/** An engineer with nothing counted yet. */
export function emptyRow(engineerId: Id): EngineerFairness {
  return {
    engineerId,
    primaryDays: 0,
    secondaryDays: 0,
    weekendDays: 0,
    holidayDays: 0,
    weightedHolidayLoad: 0,
    burden: 0,
    eligibleDays: 0,
    fairShare: 0,
    difference: 0,
    onCallHours: 0,
  };
}

/** The period as instants [start, end) in the rotation's zone. */
export function periodBoundsMs(rotation: Rotation, period: Period): [number, number] {
  return [
    startOfLocalDayMs(period.startDate, rotation.timeZone),
    startOfLocalDayMs(addDays(period.endDate, 1), rotation.timeZone),
  ];
}

/**
 * For each day of the table, the fraction of it each engineer was a member and available.
 * Depends only on membership and unavailability, never on who is on call.
 */
export function eligibilityByDay(
  table: DayTable,
  memberships: readonly MembershipSpan[],
  unavailability: readonly Unavailability[],
  engineers: readonly Engineer[],
): Map<Id, number>[] {
  const spansByEngineer = new Map<Id, { start: number; end: number }[]>();
  for (const span of unavailableSpans(unavailability, engineers, table.timeZone)) {
    spansByEngineer.set(span.engineerId, [...(spansByEngineer.get(span.engineerId) ?? []), span]);
  }
  return table.days.map((day) => {
    const eligible = new Map<Id, number>();
    for (const membership of memberships) {
      if (day.date < membership.startDate || (membership.endDate !== null && day.date > membership.endDate)) continue;
      let away = 0;
      for (const span of spansByEngineer.get(membership.engineerId) ?? []) {
        away += Math.max(0, Math.min(span.end, day.end) - Math.max(span.start, day.start));
      }
      const share = Math.max(0, 1 - away / (day.end - day.start));
      eligible.set(membership.engineerId, Math.max(eligible.get(membership.engineerId) ?? 0, share));
    }
    return eligible;
  });
}

export function defaultMemberships(rotation: Rotation, period: Period): MembershipSpan[] {
  return rotation.memberIds.map((engineerId) => ({ engineerId, startDate: period.startDate, endDate: null }));
}

/** Per-engineer figures and team figures over a period. Fractions of days count exactly. */
export function computeFairness(input: FairnessInput): FairnessReport {
  const weights = input.weights ?? DEFAULT_FAIRNESS_WEIGHTS;
  const { rotation, period } = input;
  const table = buildDayTable(period.startDate, period.endDate, rotation.timeZone, input.holidays, weights);
  const [from, to] = periodBoundsMs(rotation, period);
  const segments = computeSegmentsMs(rotation, input.overrides, from, to);
  return fairnessFromSegments(
    table,
    segments,
    input.memberships ?? defaultMemberships(rotation, period),
    input.unavailability,
    input.engineers,
    period,
  );
}

/** The arithmetic of computeFairness on already computed segments (the planner reuses it). */
export function fairnessFromSegments(
  table: DayTable,
  segments: readonly SegmentMs[],
  memberships: readonly MembershipSpan[],
  unavailability: readonly Unavailability[],
  engineers: readonly Engineer[],
  period: Period,
): FairnessReport {
  const weights = table.weights;
  const rows = new Map<Id, EngineerFairness>();
  const rowOf = (id: Id) => {
    let row = rows.get(id);
    if (!row) rows.set(id, (row = emptyRow(id)));
    return row;
  };
  for (const m of memberships) rowOf(m.engineerId);

  const holidayDates = new Map<Id, Set<IsoDate>>();
  const dayBurden = new Array<number>(table.days.length).fill(0);
  const dayIndex = new Map(table.days.map((day, i) => [day.date, i]));
  for (const segment of segments) {
    for (const role of ['primary', 'secondary'] as const) {
      const holder = role === 'primary' ? segment.primaryId : segment.secondaryId;
      if (holder === null) continue;
      const row = rowOf(holder);
      const factor = roleFactor(role, weights);
      row.onCallHours += (segment.end - segment.start) / MS_PER_HOUR;
      forEachDayFraction(table, segment.start, segment.end, (day, fraction) => {
        const burden = fraction * day.cost * factor;
        if (role === 'primary') row.primaryDays += fraction;
        else row.secondaryDays += fraction;
        if (day.weekend) row.weekendDays += fraction;
        if (day.holidayWeight !== null) {
          // A holiday with a hand-off is a holiday on call for both: the person gave it up either way.
          holidayDates.set(holder, (holidayDates.get(holder) ?? new Set()).add(day.date));
          row.weightedHolidayLoad += burden;
        }
        row.burden += burden;
        dayBurden[dayIndex.get(day.date)!]! += burden;
      });
    }
  }

  // Each day's burden is shared among those eligible that day; nobody eligible: among that day's members.
  const eligibility = eligibilityByDay(table, memberships, unavailability, engineers);
  eligibility.forEach((eligible, i) => {
    let total = 0;
    for (const share of eligible.values()) total += share;
    const burden = dayBurden[i]!;
    for (const [id, share] of eligible) {
      const row = rowOf(id);
      row.eligibleDays += share;
      row.fairShare += total > 0 ? (burden * share) / total : burden / eligible.size;
    }
  });

  const list = [...rows.values()].sort((a, b) => a.engineerId - b.engineerId);
  for (const row of list) {
    row.difference = row.burden - row.fairShare;
    row.holidayDays = holidayDates.get(row.engineerId)?.size ?? 0;
  }
  return { period, engineers: list, team: teamFigures(list) };
}

export function teamFigures(rows: readonly EngineerFairness[]): TeamFairness {
  const counted = rows.filter((r) => r.eligibleDays > 0 || r.burden > 0);
  const differences = counted.map((r) => r.difference);
  const mean = differences.reduce((sum, d) => sum + d, 0) / Math.max(1, differences.length);
  const variance = differences.reduce((sum, d) => sum + (d - mean) ** 2, 0) / Math.max(1, differences.length);
  return {
    totalBurden: rows.reduce((sum, r) => sum + r.burden, 0),
    spread: differences.length > 0 ? Math.max(...differences) - Math.min(...differences) : 0,
    standardDeviation: Math.sqrt(variance),
    balanceScore: balanceScore(counted.map((r) => r.onCallHours)),
  };
}

/** Grafana OnCall's balance: mean over pairs of min/max hours (two people with no hours are even). */
export function balanceScore(hours: readonly number[]): number {
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < hours.length; i += 1) {
    for (let j = i + 1; j < hours.length; j += 1) {
      const high = Math.max(hours[i]!, hours[j]!);
      sum += high === 0 ? 1 : Math.min(hours[i]!, hours[j]!) / high;
      pairs += 1;
    }
  }
  return pairs === 0 ? 1 : sum / pairs;
}

// ---------------------------------------------------------------------------------------
// What-if

export interface FairnessDelta {
  engineerId: Id;
  burdenBefore: number;
  burdenAfter: number;
  differenceBefore: number;
  differenceAfter: number;
}

/** Per engineer in either report: burden and difference before and after. */
export function fairnessDeltas(before: FairnessReport, after: FairnessReport): FairnessDelta[] {
  const ids = [...new Set([...before.engineers, ...after.engineers].map((r) => r.engineerId))].sort((a, b) => a - b);
  const find = (report: FairnessReport, id: Id) => report.engineers.find((r) => r.engineerId === id) ?? emptyRow(id);
  return ids.map((engineerId) => {
    const was = find(before, engineerId);
    const will = find(after, engineerId);
    return {
      engineerId,
      burdenBefore: was.burden,
      burdenAfter: will.burden,
      differenceBefore: was.difference,
      differenceAfter: will.difference,
    };
  });
}

/** The overrides after a proposed change, without applying it anywhere. */
export const overridesAfter = (overrides: readonly Override[], change: Change): Override[] =>
  applyChange(overrides, change, provisionalIds(overrides)).overrides;
