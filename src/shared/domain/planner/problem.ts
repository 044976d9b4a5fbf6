// The planning problem: which decisions a plan makes (a shift's primary, its secondary, a run
// of major-holiday days' primary cover), who may take each, and the loads they add to.
//
// A plan is judged on the period it plans (the dates from `from` to `to`) plus what each
// engineer carries into it, never on the cumulative figure since the rotation started: a lead
// who plans 2027-Q1 reads the Q1 figures, and evening an old imbalance inside one quarter made
// that quarter less fair than the plain rotation. Carrying balances in is the ledger's policy.

import type {
  Engineer,
  Holiday,
  Id,
  IsoDate,
  Override,
  Ownership,
  Pipeline,
  Role,
  Rotation,
  Unavailability,
} from '../../model';
import {
  buildDayTable,
  DEFAULT_FAIRNESS_WEIGHTS,
  defaultMemberships,
  fairnessFromSegments,
  intervalBurden,
  MAJOR_HOLIDAY_WEIGHT,
  periodBoundsMs,
  quarterOf,
  type DayTable,
  type FairnessReport,
  type FairnessWeights,
  type MembershipSpan,
  type Period,
} from '../fairness';
import {
  basePrimaryId,
  baseSecondaryId,
  computeSegmentsMs,
  shiftIndexAt,
  shiftStartMs,
  unavailableSpans,
  type SegmentMs,
} from '../rotation';
import { addDays, localDateOf, startOfLocalDayMs, toMs } from '../time';

export interface PlanInput {
  rotation: Rotation;
  overrides: readonly Override[];
  engineers: readonly Engineer[];
  unavailability: readonly Unavailability[];
  /** Holidays from `from` to a few days past `to`. */
  holidays: readonly Holiday[];
  /** The shifts that start on a date from `from` to `to` (both included, rotation's zone) are planned. */
  from: IsoDate;
  to: IsoDate;
  weights?: FairnessWeights;
  memberships?: readonly MembershipSpan[];
  /**
   * Weighted weekdays each engineer carries into the period (engineer id → balance, positive:
   * carried more than their share before). Missing ids carry 0, which is carry-over "none".
   */
  carriedIn?: Record<number, number>;
  /** With ownerships: investor pipelines whose two owners the plan keeps from being tied up at once. */
  pipelines?: readonly Pipeline[];
  ownerships?: readonly Ownership[];
  /** The most shifts in a row one engineer may be primary for (default 1). */
  maxConsecutiveShifts?: number;
  /**
   * Plan again over a plan applied earlier: the planner's own overrides in the range (those whose
   * reason it wrote, see `isPlannerOverride`) are replaced instead of kept as the lead's.
   */
  replacePlan?: boolean;
  /** Holidays weighing at least this are planned as their own cover (default MAJOR_HOLIDAY_WEIGHT). */
  majorHolidayWeight?: number;
  /** Kick-and-descend rounds of the search (default: defaultRounds, by the problem's size); every round after the first descents only evens the load further. */
  searchRounds?: number;
}

/** One decision of the plan: a shift's role, or a run of major-holiday days' primary cover. */
export interface PlanUnit {
  kind: 'primary' | 'secondary' | 'holiday';
  /** For a holiday unit, the shifts it overlaps. */
  shiftIndexes: number[];
  start: number;
  end: number;
  /** Burden inside the period of taking this unit (a shift's primary excludes its holiday units). */
  cost: number;
  /** Indexes (into PlanningProblem.engineerIds) of those who may take it without a clash. */
  available: number[];
  /** Those allowed only because too few are free (a clash when used). */
  fallback: number[];
  /** Of the fallback, those whose only clash is tying up an investor pipeline's owners (a lesser clash than being away). */
  tiedOnly: number[];
  /** Who holds it in the current schedule, or -1 when nobody holds all of it. */
  current: number;
  holidayNames: string[];
}

/**
 * A constraint between units: `apart` units overlap in time, so they need different people who
 * are not both owners of one investor pipeline; a `window` of consecutive primaries must not
 * all be one person.
 */
export type PlanConstraint =
  { type: 'apart'; units: [number, number] } | { type: 'window'; units: number[]; fixed: Id[] };

/** A role of a shift the lead set by an override: the plan keeps it and works around it. */
export interface LockedRole {
  shiftIndex: number;
  role: Role;
  overrides: Override[];
}

export interface PlanningProblem {
  input: PlanInput;
  /** The planned period: `from` to `to`. */
  period: Period;
  table: DayTable;
  /** Everyone with a fairness row (candidates first come from the rotation's active members). */
  engineerIds: Id[];
  /** Per engineer: carried in + burden − fair share in the period, without the planned units. */
  base: number[];
  /** Per engineer: whether their figure counts in the spread (available some of the period, or carrying a balance). */
  counted: boolean[];
  units: PlanUnit[];
  constraints: PlanConstraint[];
  /** Index pairs i * n + j (both orders) of the owners of an investor pipeline. */
  investorPairs: Set<number>;
  /** Shifts with at least one planned role. */
  plannedShifts: number[];
  lockedRoles: LockedRole[];
  /** The schedule as it is, around the planned shifts. */
  segments: SegmentMs[];
  /** The period's figures before planning. */
  report: FairnessReport;
}

export const overlaps = (span: { start: number; end: number }, start: number, end: number) =>
  span.start < end && start < span.end;

/** "2027-Q1" when the range is a quarter, else "2026-12-17 to 2026-12-31". */
export function rangeLabel(from: IsoDate, to: IsoDate): string {
  return plannedPeriod({ from, to }).label ?? `${from} to ${to}`;
}

/** The period a plan is judged on: the planned dates, labelled when they are a quarter. */
export function plannedPeriod(input: Pick<PlanInput, 'from' | 'to'>): Period {
  const quarter = quarterOf(input.from);
  const isQuarter = quarter.startDate === input.from && quarter.endDate === input.to;
  return { startDate: input.from, endDate: input.to, ...(isQuarter && { label: quarter.label! }) };
}

/** The two owners of each investor pipeline in service. */
export function investorOwnerPairs(input: PlanInput): { pipeline: Pipeline; owners: [Id, Id] }[] {
  const ownershipOf = new Map((input.ownerships ?? []).map((o) => [o.pipelineId, o]));
  return (input.pipelines ?? []).flatMap((pipeline) => {
    const o = ownershipOf.get(pipeline.id);
    if (pipeline.retiredAt || pipeline.audience !== 'investors' || !o) return [];
    const { primaryEngineerId: a, secondaryEngineerId: b } = o;
    return a === null || b === null || a === b ? [] : [{ pipeline, owners: [a, b] as [Id, Id] }];
  });
}

/** Builds the planning problem: the units to decide, who may take each, and the loads so far. */
export function buildPlanningProblem(input: PlanInput): PlanningProblem | null {
  const { rotation } = input;
  const weights = input.weights ?? DEFAULT_FAIRNESS_WEIGHTS;
  const zone = rotation.timeZone;
  const rangeStart = startOfLocalDayMs(input.from, zone);
  const rangeEnd = startOfLocalDayMs(addDays(input.to, 1), zone);
  const firstShift = Math.max(0, shiftIndexAt(rotation, rangeStart - 1) + 1);
  const lastShift = shiftIndexAt(rotation, rangeEnd - 1);
  const firstInRange = shiftStartMs(rotation, firstShift) >= rangeStart ? firstShift : firstShift + 1;
  if (lastShift < firstInRange || rotation.memberIds.length < 2) return null;

  const period = plannedPeriod(input);
  const table = buildDayTable(period.startDate, period.endDate, zone, input.holidays, weights);
  const [periodStart, periodEnd] = periodBoundsMs(rotation, period);
  const limit = input.maxConsecutiveShifts ?? 1;
  // Wide enough for the shifts around the planned ones (back-to-back windows, clashes at the edges).
  const segments = computeSegmentsMs(
    rotation,
    input.overrides,
    Math.min(periodStart, shiftStartMs(rotation, Math.max(0, firstInRange - limit))),
    Math.max(periodEnd, shiftStartMs(rotation, lastShift + limit + 1)),
  );
  const memberships = input.memberships ?? defaultMemberships(rotation, period);
  const inPeriod = segments
    .filter((s) => s.end > periodStart && s.start < periodEnd)
    .map((s) => ({ ...s, start: Math.max(s.start, periodStart), end: Math.min(s.end, periodEnd) }));
  const report = fairnessFromSegments(table, inPeriod, memberships, input.unavailability, input.engineers, period);

  // A role the lead shaped by an override stays as it is; the other role of that shift is still planned.
  const lockedRoles: LockedRole[] = [];
  const planned = new Map<number, Set<Role>>();
  for (let index = firstInRange; index <= lastShift; index += 1) {
    const start = shiftStartMs(rotation, index);
    const end = shiftStartMs(rotation, index + 1);
    const roles = new Set<Role>();
    for (const role of ['primary', 'secondary'] as const) {
      const shaping = input.overrides.filter(
        (o) => o.role === role && overlaps({ start: toMs(o.startsAt), end: toMs(o.endsAt) }, start, end),
      );
      if (shaping.length > 0) lockedRoles.push({ shiftIndex: index, role, overrides: shaping });
      else roles.add(role);
    }
    if (roles.size > 0) planned.set(index, roles);
  }
  const plannedShifts = [...planned.keys()];
  if (plannedShifts.length === 0) return null;

  const engineerIds = report.engineers.map((r) => r.engineerId);
  const n = engineerIds.length;
  const indexOf = new Map(engineerIds.map((id, i) => [id, i]));
  const carried = (id: Id) => input.carriedIn?.[id] ?? 0;
  const base = report.engineers.map((r) => r.difference + carried(r.engineerId));
  const counted = report.engineers.map((r) => r.eligibleDays > 0 || carried(r.engineerId) !== 0);
  const active = new Set(input.engineers.filter((e) => e.active).map((e) => e.id));
  const candidates = rotation.memberIds.filter((id) => active.has(id) || !input.engineers.some((e) => e.id === id));
  const spans = unavailableSpans(input.unavailability, input.engineers, zone);
  const awayDuring = (id: Id, start: number, end: number) =>
    spans.some((s) => s.engineerId === id && overlaps(s, start, end));
  const isMember = (id: Id, start: number, end: number) =>
    memberships.some(
      (m) =>
        m.engineerId === id &&
        m.startDate <= localDateOf(start, zone) &&
        (m.endDate === null || localDateOf(end - 1, zone) <= m.endDate),
    );

  const investorPairs = new Set<number>();
  const partnersOf = new Map<Id, Id[]>();
  for (const { owners } of investorOwnerPairs(input)) {
    const [a, b] = owners.map((id) => indexOf.get(id));
    if (a !== undefined && b !== undefined) investorPairs.add(a * n + b).add(b * n + a);
    partnersOf.set(owners[0], [...(partnersOf.get(owners[0]) ?? []), owners[1]]);
    partnersOf.set(owners[1], [...(partnersOf.get(owners[1]) ?? []), owners[0]]);
  }
  const lockedHolders = (shiftIndex: number, role: Role) =>
    lockedRoles.some((l) => l.shiftIndex === shiftIndex && l.role === role)
      ? segments
          .filter((s) => s.shiftIndex === shiftIndex)
          .map((s) => (role === 'primary' ? s.primaryId : s.secondaryId))
          .filter((id): id is Id => id !== null)
      : [];
  // Someone on call in a role the plan does not decide, during [start, end).
  const fixedOnCall = (start: number, end: number): Set<Id> => {
    const ids = new Set<Id>();
    for (const s of segments) {
      if (!overlaps(s, start, end)) continue;
      const roles = planned.get(s.shiftIndex);
      if (s.primaryId !== null && !roles?.has('primary')) ids.add(s.primaryId);
      if (s.secondaryId !== null && !roles?.has('secondary')) ids.add(s.secondaryId);
    }
    return ids;
  };
  /** Who may take [start, end) without a clash: free, not holding the shift's locked role, not tying up an investor pipeline. */
  const whoMay = (start: number, end: number, needed: number, blocked: readonly Id[]) => {
    const busy = fixedOnCall(start, end);
    const away = (id: Id) => awayDuring(id, start, end) || !isMember(id, start, end);
    const tied = (id: Id) => (partnersOf.get(id) ?? []).some((p) => awayDuring(p, start, end) || busy.has(p));
    const free = candidates.filter((id) => !away(id) && !tied(id) && !blocked.includes(id));
    if (free.length >= needed) return { available: free.map((id) => indexOf.get(id)!), fallback: [], tiedOnly: [] };
    // Holding both roles at once is never a way out; being away or tying up owners is, when nobody is free.
    const others = candidates.filter((id) => !free.includes(id) && !blocked.includes(id));
    const fallback = others.length > 0 ? others : candidates.filter((id) => !free.includes(id));
    return {
      available: free.map((id) => indexOf.get(id)!),
      fallback: fallback.map((id) => indexOf.get(id)!),
      tiedOnly: fallback.filter((id) => !away(id) && !blocked.includes(id)).map((id) => indexOf.get(id)!),
    };
  };

  // Take the planned roles' current holders out of the loads: the units put them back.
  for (const segment of inPeriod) {
    const roles = planned.get(segment.shiftIndex);
    if (!roles) continue;
    for (const role of roles) {
      const holder = role === 'primary' ? segment.primaryId : segment.secondaryId;
      if (holder !== null) base[indexOf.get(holder)!]! -= intervalBurden(table, segment.start, segment.end, role);
    }
  }

  const units: PlanUnit[] = [];
  const constraints: PlanConstraint[] = [];
  const primaryUnitOf = new Map<number, number>();
  const secondaryUnitOf = new Map<number, number>();
  const currentOf = (id: Id | null) => (id === null ? -1 : (indexOf.get(id) ?? -1));
  for (const index of plannedShifts) {
    const start = shiftStartMs(rotation, index);
    const end = shiftStartMs(rotation, index + 1);
    const roles = planned.get(index)!;
    for (const role of ['primary', 'secondary'] as const) {
      if (!roles.has(role)) continue;
      const other = role === 'primary' ? 'secondary' : 'primary';
      const blocked = lockedHolders(index, other);
      (role === 'primary' ? primaryUnitOf : secondaryUnitOf).set(index, units.length);
      units.push({
        kind: role,
        shiftIndexes: [index],
        start,
        end,
        cost: intervalBurden(table, start, end, role),
        ...whoMay(start, end, roles.size, blocked),
        current: currentOf(role === 'primary' ? basePrimaryId(rotation, index) : baseSecondaryId(rotation, index)),
        holidayNames: [],
      });
    }
    if (roles.size === 2)
      constraints.push({ type: 'apart', units: [primaryUnitOf.get(index)!, secondaryUnitOf.get(index)!] });
  }

  // Runs of consecutive major-holiday days, each its own primary cover, when every shift they touch has its primary planned.
  const major = input.majorHolidayWeight ?? MAJOR_HOLIDAY_WEIGHT;
  const majorDays = table.days.filter(
    (d) => d.holidayWeight !== null && d.holidayWeight >= major && d.start >= shiftStartMs(rotation, firstInRange),
  );
  const runs: (typeof majorDays)[] = [];
  for (const day of majorDays) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1]!.end === day.start) run.push(day);
    else runs.push([day]);
  }
  for (const run of runs) {
    const start = run[0]!.start;
    const end = run[run.length - 1]!.end;
    const shiftIndexes: number[] = [];
    for (let index = shiftIndexAt(rotation, start); index <= shiftIndexAt(rotation, end - 1); index += 1)
      shiftIndexes.push(index);
    if (!shiftIndexes.every((index) => primaryUnitOf.has(index))) continue;
    const cost = intervalBurden(table, start, end, 'primary');
    for (const index of shiftIndexes) {
      const shiftUnit = units[primaryUnitOf.get(index)!]!;
      shiftUnit.cost -= intervalBurden(
        table,
        Math.max(start, shiftUnit.start),
        Math.min(end, shiftUnit.end),
        'primary',
      );
    }
    const holders = new Set(shiftIndexes.map((index) => currentOf(basePrimaryId(rotation, index))));
    const blocked = shiftIndexes.flatMap((index) => lockedHolders(index, 'secondary'));
    const unit = units.length;
    units.push({
      kind: 'holiday',
      shiftIndexes,
      start,
      end,
      cost,
      ...whoMay(start, end, 1, blocked),
      current: holders.size === 1 ? [...holders][0]! : -1,
      holidayNames: [...new Set(run.flatMap((d) => d.holidayNames))],
    });
    for (const index of shiftIndexes) {
      const secondary = secondaryUnitOf.get(index);
      if (secondary !== undefined) constraints.push({ type: 'apart', units: [unit, secondary] });
    }
  }

  // Back-to-back: every window of limit+1 consecutive shifts with at least one planned primary.
  const primaryOf = (index: number) =>
    segments.find((s) => s.shiftIndex === index)?.primaryId ?? basePrimaryId(rotation, index);
  for (let first = plannedShifts[0]! - limit; first <= plannedShifts[plannedShifts.length - 1]!; first += 1) {
    const window = Array.from({ length: limit + 1 }, (_, k) => first + k);
    const windowUnits = window.filter((i) => primaryUnitOf.has(i)).map((i) => primaryUnitOf.get(i)!);
    if (windowUnits.length === 0) continue;
    const fixed = window.filter((i) => !primaryUnitOf.has(i)).map((i) => (i < 0 ? null : primaryOf(i)));
    if (fixed.some((id) => id === null)) continue;
    constraints.push({ type: 'window', units: windowUnits, fixed: fixed as Id[] });
  }

  return {
    input,
    period,
    table,
    engineerIds,
    base,
    counted,
    units,
    constraints,
    investorPairs,
    plannedShifts,
    lockedRoles,
    segments,
    report,
  };
}
