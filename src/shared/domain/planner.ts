// The auto-planner, suggested swaps and the diff against a published schedule.
//
// The planner decides, for each shift of a range, who is primary and who is secondary, and
// for each run of major-holiday days inside it who covers primary (the seeds' policy: whoever
// has the holiday week either trades it away or has the holiday covered). It aims at the most
// even CUMULATIVE burden relative to fair share, history included, so a quarter that cannot be
// even on its own evens out over the year. It only proposes: the result is a Change made of
// ordinary overrides that the lead accepts (and can undo) or not.

import type { Engineer, Holiday, Id, IsoDate, Override, Role, Rotation, Segment, Unavailability } from '../model';
import {
  buildDayTable,
  computeFairness,
  DEFAULT_FAIRNESS_WEIGHTS,
  defaultMemberships,
  fairnessFromSegments,
  historyStart,
  intervalBurden,
  MAJOR_HOLIDAY_WEIGHT,
  periodBoundsMs,
  type DayTable,
  type FairnessInput,
  type FairnessReport,
  type FairnessWeights,
  type MembershipSpan,
  type Period,
} from './fairness';
import {
  applyChange,
  basePrimaryId,
  baseSecondaryId,
  computeSegmentsMs,
  provisionalIds,
  shiftIndexAt,
  shiftOwner,
  shiftStartMs,
  swapShifts,
  toSegmentMs,
  unavailableSpans,
  type Change,
  type OverrideDraft,
  type SegmentMs,
  type UnavailableSpan,
} from './rotation';
import { addDays, localDateOf, startOfLocalDayMs, toInstant, toMs } from './time';

export interface PlanInput {
  rotation: Rotation;
  overrides: readonly Override[];
  engineers: readonly Engineer[];
  unavailability: readonly Unavailability[];
  /** Holidays from historyFrom to a few days past `to`. */
  holidays: readonly Holiday[];
  /** The shifts that start on a date from `from` to `to` (both included, rotation's zone) are planned. */
  from: IsoDate;
  to: IsoDate;
  weights?: FairnessWeights;
  memberships?: readonly MembershipSpan[];
  /** Where the cumulative fairness starts (default: historyStart, the rotation's start within FAIRNESS_HISTORY_YEARS). */
  historyFrom?: IsoDate;
  /** The most shifts in a row one engineer may be primary for (default 1). */
  maxConsecutiveShifts?: number;
  /** Holidays weighing at least this are planned as their own cover (default MAJOR_HOLIDAY_WEIGHT). */
  majorHolidayWeight?: number;
  /**
   * The balance carried in from before historyFrom per engineer, in weighted weekdays (the
   * ledger's carriedIn under the lead's carry-over policy); missing engineers carry nothing.
   */
  carriedIn?: Readonly<Record<Id, number>>;
}

/** One decision of the plan: a shift's role, or a run of major-holiday days' primary cover. */
export interface PlanUnit {
  kind: 'primary' | 'secondary' | 'holiday';
  /** For a holiday unit, the shifts it overlaps. */
  shiftIndexes: number[];
  start: number;
  end: number;
  /** Burden of taking this unit (a shift's primary excludes its holiday units). */
  cost: number;
  /** Indexes (into PlanningProblem.engineerIds) of those free for the whole unit. */
  available: number[];
  /** Those allowed only because too few are free (a violation when used). */
  fallback: number[];
  /** Who holds it in the current schedule, or -1 when nobody holds all of it. */
  current: number;
  holidayNames: string[];
}

/** A constraint between units: `distinct` units need different people; a `window` of consecutive primaries must not all be one person. */
export type PlanConstraint =
  { type: 'distinct'; units: [number, number] } | { type: 'window'; units: number[]; fixed: Id[] };

export interface PlanningProblem {
  input: PlanInput;
  period: Period;
  table: DayTable;
  /** Everyone with a fairness row (candidates first come from the rotation's active members). */
  engineerIds: Id[];
  /** Per engineer: cumulative burden − fair share, without the planned units. */
  base: number[];
  units: PlanUnit[];
  constraints: PlanConstraint[];
  plannedShifts: number[];
}

export interface PlannedShift {
  shiftIndex: number;
  startsAt: string;
  endsAt: string;
  primaryId: Id;
  secondaryId: Id;
  covers: { startsAt: string; endsAt: string; engineerId: Id; holidayNames: string[] }[];
}

export interface PlanResult {
  change: Change;
  shifts: PlannedShift[];
  /** The cumulative period the plan evens out. */
  period: Period;
  before: FairnessReport;
  after: FairnessReport;
}

// ---------------------------------------------------------------------------------------
// The problem

const overlaps = (span: { start: number; end: number }, start: number, end: number) =>
  span.start < end && start < span.end;

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

  const periodEnd = shiftStartMs(rotation, lastShift + 1);
  const period: Period = {
    startDate: input.historyFrom ?? historyStart(rotation, input.from),
    endDate: localDateOf(periodEnd - 1, zone),
    label: 'cumulative',
  };
  const table = buildDayTable(period.startDate, period.endDate, zone, input.holidays, weights);
  // The whole period, to the end of its last day: the hours after the last planned shift count too.
  const [periodStart, periodEndOfDay] = periodBoundsMs(rotation, period);
  const segments = computeSegmentsMs(rotation, input.overrides, periodStart, periodEndOfDay);
  const memberships = input.memberships ?? defaultMemberships(rotation, period);
  const report = fairnessFromSegments(table, segments, memberships, input.unavailability, input.engineers, period);

  // Shifts the lead already shaped by hand stay as they are.
  const shaped = new Set(segments.filter((s) => s.overrideIds.length > 0).map((s) => s.shiftIndex));
  const plannedShifts: number[] = [];
  for (let index = firstInRange; index <= lastShift; index += 1) if (!shaped.has(index)) plannedShifts.push(index);
  if (plannedShifts.length === 0) return null;

  const engineerIds = report.engineers.map((r) => r.engineerId);
  const indexOf = new Map(engineerIds.map((id, i) => [id, i]));
  const base = report.engineers.map((r) => r.difference + (input.carriedIn?.[r.engineerId] ?? 0));
  const active = new Set(input.engineers.filter((e) => e.active).map((e) => e.id));
  const candidates = rotation.memberIds.filter((id) => active.has(id) || !input.engineers.some((e) => e.id === id));
  const spans = unavailableSpans(input.unavailability, input.engineers, zone);
  const isFree = (id: Id, start: number, end: number) =>
    !spans.some((s) => s.engineerId === id && overlaps(s, start, end)) &&
    memberships.some(
      (m) =>
        m.engineerId === id &&
        m.startDate <= localDateOf(start, zone) &&
        (m.endDate === null || localDateOf(end - 1, zone) <= m.endDate),
    );
  const whoMay = (start: number, end: number, needed: number) => {
    const free = candidates.filter((id) => isFree(id, start, end)).map((id) => indexOf.get(id)!);
    const fallback =
      free.length >= needed ? [] : candidates.map((id) => indexOf.get(id)!).filter((i) => !free.includes(i));
    return { available: free, fallback };
  };

  // Take the planned shifts' current holders out of the loads: the units put them back.
  const plannedSet = new Set(plannedShifts);
  for (const segment of segments) {
    if (!plannedSet.has(segment.shiftIndex)) continue;
    for (const role of ['primary', 'secondary'] as const) {
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
    primaryUnitOf.set(index, units.length);
    units.push({
      kind: 'primary',
      shiftIndexes: [index],
      start,
      end,
      cost: intervalBurden(table, start, end, 'primary'),
      ...whoMay(start, end, 1),
      current: currentOf(basePrimaryId(rotation, index)),
      holidayNames: [],
    });
    secondaryUnitOf.set(index, units.length);
    units.push({
      kind: 'secondary',
      shiftIndexes: [index],
      start,
      end,
      cost: intervalBurden(table, start, end, 'secondary'),
      ...whoMay(start, end, 2),
      current: currentOf(baseSecondaryId(rotation, index)),
      holidayNames: [],
    });
    constraints.push({ type: 'distinct', units: [primaryUnitOf.get(index)!, secondaryUnitOf.get(index)!] });
  }

  // Runs of consecutive major-holiday days, each its own primary cover, when wholly inside planned shifts.
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
    if (!shiftIndexes.every((index) => plannedSet.has(index))) continue;
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
    const unit = units.length;
    units.push({
      kind: 'holiday',
      shiftIndexes,
      start,
      end,
      cost,
      ...whoMay(start, end, 1),
      current: holders.size === 1 ? [...holders][0]! : -1,
      holidayNames: [...new Set(run.flatMap((d) => d.holidayNames))],
    });
    for (const index of shiftIndexes)
      constraints.push({ type: 'distinct', units: [unit, secondaryUnitOf.get(index)!] });
  }

  // Back-to-back: every window of limit+1 consecutive shifts, planned or not.
  const limit = input.maxConsecutiveShifts ?? 1;
  for (let first = plannedShifts[0]! - limit; first <= plannedShifts[plannedShifts.length - 1]!; first += 1) {
    const window = Array.from({ length: limit + 1 }, (_, k) => first + k);
    const windowUnits = window.filter((i) => plannedSet.has(i)).map((i) => primaryUnitOf.get(i)!);
    if (windowUnits.length === 0) continue;
    const fixed = window
      .filter((i) => !plannedSet.has(i))
      .map((i) => (i < 0 ? null : (segments.find((s) => s.shiftIndex === i)?.primaryId ?? basePrimaryId(rotation, i))));
    if (fixed.some((id) => id === null)) continue;
    constraints.push({ type: 'window', units: windowUnits, fixed: fixed as Id[] });
  }

  return { input, period, table, engineerIds, base, units, constraints, plannedShifts };
}

// ---------------------------------------------------------------------------------------
// Scoring and search

interface Score {
  violations: number;
  spread: number;
  sumOfSquares: number;
}

const EPSILON = 1e-9;
function better(a: Score, b: Score): boolean {
  if (a.violations !== b.violations) return a.violations < b.violations;
  if (a.spread < b.spread - EPSILON) return true;
  if (a.spread > b.spread + EPSILON) return false;
  return a.sumOfSquares < b.sumOfSquares - EPSILON;
}

/** Deterministic pseudo-random numbers (mulberry32), so a plan is reproducible. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class PlanState {
  readonly load: number[];
  private readonly unitConstraints: number[][];
  private readonly allowed: number[][];

  constructor(
    private readonly problem: PlanningProblem,
    readonly assign: number[],
  ) {
    this.load = [...problem.base];
    problem.units.forEach((unit, u) => (this.load[assign[u]!]! += unit.cost));
    this.unitConstraints = problem.units.map(() => []);
    problem.constraints.forEach((c, i) => c.units.forEach((u) => this.unitConstraints[u]!.push(i)));
    this.allowed = problem.units.map((unit) => [...unit.available, ...unit.fallback]);
  }

  private violated(constraintIndex: number): boolean {
    const c = this.problem.constraints[constraintIndex]!;
    if (c.type === 'distinct') return this.assign[c.units[0]] === this.assign[c.units[1]];
    const first = this.assign[c.units[0]!]!;
    const id = this.problem.engineerIds[first]!;
    return c.units.every((u) => this.assign[u] === first) && c.fixed.every((f) => f === id);
  }

  private unitViolations(u: number): number {
    return this.problem.units[u]!.available.includes(this.assign[u]!) ? 0 : 1;
  }

  private violationsAround(units: readonly number[]): number {
    const seen = new Set<number>();
    let count = 0;
    for (const u of units) {
      count += this.unitViolations(u);
      for (const c of this.unitConstraints[u]!) {
        if (seen.has(c)) continue;
        seen.add(c);
        if (this.violated(c)) count += 1;
      }
    }
    return count;
  }

  score(): Score {
    return {
      violations: this.violationsAround(this.problem.units.map((_, u) => u)),
      spread: Math.max(...this.load) - Math.min(...this.load),
      sumOfSquares: this.load.reduce((sum, l) => sum + l * l, 0),
    };
  }

  /** Moves each listed unit to its new engineer and returns the resulting score (the caller may undo). */
  private moveAndScore(moves: readonly [number, number][], current: Score): Score {
    const units = moves.map(([u]) => u);
    const violationsBefore = this.violationsAround(units);
    for (const [u, to] of moves) this.reassign(u, to);
    const violationsAfter = this.violationsAround(units);
    let max = -Infinity;
    let min = Infinity;
    for (const l of this.load) {
      if (l > max) max = l;
      if (l < min) min = l;
    }
    return {
      violations: current.violations - violationsBefore + violationsAfter,
      spread: max - min,
      sumOfSquares: this.load.reduce((sum, l) => sum + l * l, 0),
    };
  }

  reassign(u: number, to: number): void {
    const cost = this.problem.units[u]!.cost;
    this.load[this.assign[u]!]! -= cost;
    this.load[to]! += cost;
    this.assign[u] = to;
  }

  /** First-improvement descent over single reassignments and pairwise exchanges. */
  descend(): Score {
    let score = this.score();
    const unitCount = this.problem.units.length;
    for (let improved = true; improved;) {
      improved = false;
      for (let u = 0; u < unitCount; u += 1) {
        for (const to of this.allowed[u]!) {
          const from = this.assign[u]!;
          if (to === from) continue;
          const next = this.moveAndScore([[u, to]], score);
          if (better(next, score)) {
            score = next;
            improved = true;
          } else this.reassign(u, from);
        }
      }
      for (let u = 0; u < unitCount; u += 1) {
        for (let v = u + 1; v < unitCount; v += 1) {
          const a = this.assign[u]!;
          const b = this.assign[v]!;
          if (a === b || !this.allowed[u]!.includes(b) || !this.allowed[v]!.includes(a)) continue;
          if (this.problem.units[u]!.cost === this.problem.units[v]!.cost) continue;
          const next = this.moveAndScore(
            [
              [u, b],
              [v, a],
            ],
            score,
          );
          if (better(next, score)) {
            score = next;
            improved = true;
          } else {
            this.reassign(u, a);
            this.reassign(v, b);
          }
        }
      }
    }
    return score;
  }

  /** A few random reassignments among free people, to leave a local optimum. */
  kick(random: () => number, moves: number): void {
    for (let k = 0; k < moves; k += 1) {
      const u = Math.floor(random() * this.problem.units.length);
      const options = this.problem.units[u]!.available;
      if (options.length > 0) this.reassign(u, options[Math.floor(random() * options.length)]!);
    }
  }
}

/** Chronological greedy: each unit to the least-loaded free person who keeps the constraints. */
function greedyAssignment(problem: PlanningProblem): number[] {
  const load = [...problem.base];
  const assign = problem.units.map((unit) =>
    unit.current >= 0 ? unit.current : (unit.available[0] ?? unit.fallback[0] ?? 0),
  );
  const order = problem.units.map((_, u) => u).sort((a, b) => problem.units[a]!.start - problem.units[b]!.start);
  const decided = new Set<number>();
  for (const u of order) {
    const unit = problem.units[u]!;
    const clashes = (e: number) =>
      problem.constraints.some((c) => {
        if (!c.units.includes(u)) return false;
        const others = c.units.filter((o) => o !== u && decided.has(o)).map((o) => assign[o]);
        if (c.type === 'distinct') return others.includes(e);
        const id = problem.engineerIds[e]!;
        return others.length === c.units.length - 1 && others.every((o) => o === e) && c.fixed.every((f) => f === id);
      });
    const pool = unit.available.length > 0 ? unit.available : unit.fallback;
    const fitting = pool.filter((e) => !clashes(e));
    const choice = (fitting.length > 0 ? fitting : pool).reduce(
      (best, e) => (load[e]! < load[best]! ? e : best),
      (fitting.length > 0 ? fitting : pool)[0]!,
    );
    assign[u] = choice;
    load[choice]! += unit.cost;
    decided.add(u);
  }
  return assign;
}

/** How far a long computation has come: `done` of `total` steps. Called often; cheap callers only. */
export type ProgressReport = (done: number, total: number) => void;

/** The best assignment found: descent from the current schedule and from a greedy start, then kicks. */
export function solvePlanningProblem(
  problem: PlanningProblem,
  rounds = 60,
  onProgress: ProgressReport = () => {},
): number[] {
  // The two descents cost about as much as a round each.
  const total = rounds + 2;
  const fromCurrent = problem.units.map((unit) =>
    unit.current >= 0 ? unit.current : (unit.available[0] ?? unit.fallback[0] ?? 0),
  );
  let best = new PlanState(problem, fromCurrent);
  let bestScore = best.descend();
  onProgress(1, total);
  const greedy = new PlanState(problem, greedyAssignment(problem));
  const greedyScore = greedy.descend();
  if (better(greedyScore, bestScore)) [best, bestScore] = [greedy, greedyScore];
  onProgress(2, total);

  const random = seededRandom(problem.units.length * 7919 + problem.engineerIds.length);
  for (let round = 0; round < rounds; round += 1) {
    const trial = new PlanState(problem, [...best.assign]);
    trial.kick(random, 2 + Math.floor(random() * 4));
    const score = trial.descend();
    if (better(score, bestScore)) [best, bestScore] = [trial, score];
    onProgress(round + 3, total);
  }
  return best.assign;
}

/** The overrides that turn the current schedule into an assignment (holiday covers last, so they win). */
export function changeFromAssignment(problem: PlanningProblem, assign: readonly number[]): Change {
  const { rotation } = problem.input;
  const spans = unavailableSpans(problem.input.unavailability, problem.input.engineers, rotation.timeZone);
  const unavailableDuring = (id: Id, start: number, end: number) =>
    spans.some((s: UnavailableSpan) => s.engineerId === id && overlaps(s, start, end));
  const shiftDrafts: OverrideDraft[] = [];
  const coverDrafts: OverrideDraft[] = [];
  const primaryOf = new Map<number, number>();
  problem.units.forEach((unit, u) => {
    if (unit.kind === 'primary') primaryOf.set(unit.shiftIndexes[0]!, assign[u]!);
  });
  problem.units.forEach((unit, u) => {
    const engineer = assign[u]!;
    const engineerId = problem.engineerIds[engineer]!;
    const draft = (role: Role, kind: Override['kind'], reason: string): OverrideDraft => ({
      rotationId: rotation.id,
      startsAt: toInstant(unit.start),
      endsAt: toInstant(unit.end),
      role,
      engineerId,
      kind,
      reason,
      twinIndex: null,
    });
    if (unit.kind === 'holiday') {
      if (unit.shiftIndexes.some((index) => primaryOf.get(index) !== engineer)) {
        coverDrafts.push(draft('primary', 'holiday', `Planner: holiday cover (${unit.holidayNames.join(', ')})`));
      }
    } else if (engineer !== unit.current) {
      const holder = unit.current >= 0 ? problem.engineerIds[unit.current]! : null;
      const away = holder !== null && unavailableDuring(holder, unit.start, unit.end);
      shiftDrafts.push(
        draft(
          unit.kind,
          away ? 'pto' : 'manual',
          away ? 'Planner: cover while the rotation’s engineer is away' : 'Planner: evens out the cumulative load',
        ),
      );
    }
  });
  return { add: [...shiftDrafts, ...coverDrafts], remove: [] };
}

/** Plans the range. Returns an empty change when there is nothing to plan (fewer than two members, or every shift already shaped by hand). */
export function planSchedule(input: PlanInput, onProgress?: ProgressReport): PlanResult {
  const problem = buildPlanningProblem(input);
  const fairnessOf = (overrides: readonly Override[], period: Period) =>
    computeFairness({ ...input, overrides, period } satisfies FairnessInput);
  if (!problem) {
    const period: Period = {
      startDate: input.historyFrom ?? historyStart(input.rotation, input.from),
      endDate: input.to,
      label: 'cumulative',
    };
    const report = fairnessOf(input.overrides, period);
    return { change: { add: [], remove: [] }, shifts: [], period, before: report, after: report };
  }
  const assign = solvePlanningProblem(problem, undefined, onProgress);
  const change = changeFromAssignment(problem, assign);
  const after = applyChange(input.overrides, change, provisionalIds(input.overrides)).overrides;

  const shifts = problem.plannedShifts.map((shiftIndex): PlannedShift => {
    const start = shiftStartMs(input.rotation, shiftIndex);
    const end = shiftStartMs(input.rotation, shiftIndex + 1);
    const idOf = (kind: PlanUnit['kind']) =>
      problem.engineerIds[
        assign[problem.units.findIndex((u) => u.kind === kind && u.shiftIndexes[0] === shiftIndex)]!
      ]!;
    const covers = problem.units
      .map((unit, u) => ({ unit, engineerId: problem.engineerIds[assign[u]!]! }))
      .filter(({ unit }) => unit.kind === 'holiday' && unit.shiftIndexes.includes(shiftIndex))
      .map(({ unit, engineerId }) => ({
        startsAt: toInstant(unit.start),
        endsAt: toInstant(unit.end),
        engineerId,
        holidayNames: unit.holidayNames,
      }));
    return {
      shiftIndex,
      startsAt: toInstant(start),
      endsAt: toInstant(end),
      primaryId: idOf('primary'),
      secondaryId: idOf('secondary'),
      covers,
    };
  });
  return {
    change,
    shifts,
    period: problem.period,
    before: fairnessOf(input.overrides, problem.period),
    after: fairnessOf(after, problem.period),
  };
}

// ---------------------------------------------------------------------------------------
// Suggested swaps

export interface SwapSuggestion {
  shiftA: number;
  shiftB: number;
  engineerA: Id;
  engineerB: Id;
  change: Change;
  spreadBefore: number;
  spreadAfter: number;
  /** Burden − fair share before and after, for the people whose figures move. */
  deltas: { engineerId: Id; differenceBefore: number; differenceAfter: number }[];
}

/**
 * The single swaps of two shifts within the period that reduce the spread most, best first.
 * With `carriedIn` (the ledger's balance carried into the period) the spread is of the
 * balances, so a suggestion never undoes a plan that evened them.
 * A swap that would put someone on call during their unavailability is never suggested;
 * shifts starting before `notBefore` (the past) are left alone.
 */
export function suggestSwaps(
  input: FairnessInput & { notBefore?: string; carriedIn?: Readonly<Record<Id, number>> },
  limit = 3,
  onProgress: ProgressReport = () => {},
): SwapSuggestion[] {
  const { rotation } = input;
  const report = computeFairness(input);
  const difference = new Map(
    report.engineers.map((r) => [r.engineerId, r.difference + (input.carriedIn?.[r.engineerId] ?? 0)]),
  );
  const spreadBefore = input.carriedIn ? spreadOf([...difference.values()]) : report.team.spread;
  const table = buildDayTable(
    input.period.startDate,
    input.period.endDate,
    rotation.timeZone,
    input.holidays,
    input.weights,
  );
  const [from, to] = periodBoundsMs(rotation, input.period);
  const spans = unavailableSpans(input.unavailability, input.engineers, rotation.timeZone);
  const notBefore = input.notBefore ? toMs(input.notBefore) : -Infinity;
  const first = Math.max(0, shiftIndexAt(rotation, Math.max(from, notBefore)));
  const last = shiftIndexAt(rotation, to - 1);
  const shifts: number[] = [];
  for (let index = first; index <= last; index += 1) if (shiftStartMs(rotation, index) >= notBefore) shifts.push(index);
  const current = computeSegmentsMs(
    rotation,
    input.overrides,
    shiftStartMs(rotation, first),
    shiftStartMs(rotation, last + 1),
  );

  const suggestions: SwapSuggestion[] = [];
  for (let i = 0; i < shifts.length; i += 1) {
    // Row i holds the pairs (i, j > i): the rows shorten, so count pairs, not rows.
    onProgress(i * shifts.length - (i * (i + 1)) / 2, (shifts.length * (shifts.length - 1)) / 2);
    for (let j = i + 1; j < shifts.length; j += 1) {
      const change = swapShifts(
        rotation,
        input.overrides,
        shifts[i]!,
        shifts[j]!,
        'Suggested swap: evens out the load',
      );
      if (change.add.length === 0) continue;
      const moved = burdenMovedBy(change, current, table);
      if (moved.unavailable(spans)) continue;
      const after = new Map(difference);
      for (const [id, delta] of moved.delta) after.set(id, (after.get(id) ?? 0) + delta);
      const spreadAfter = spreadOf([...after.values()]);
      if (spreadAfter >= spreadBefore - EPSILON) continue;
      const engineers = [...moved.delta.keys()].filter((id) => Math.abs(moved.delta.get(id)!) > EPSILON);
      suggestions.push({
        shiftA: shifts[i]!,
        shiftB: shifts[j]!,
        engineerA: shiftOwner(rotation, input.overrides, shifts[i]!)!,
        engineerB: shiftOwner(rotation, input.overrides, shifts[j]!)!,
        change,
        spreadBefore,
        spreadAfter,
        deltas: engineers.map((engineerId) => ({
          engineerId,
          differenceBefore: difference.get(engineerId) ?? 0,
          differenceAfter: after.get(engineerId) ?? 0,
        })),
      });
    }
  }
  return suggestions
    .sort((a, b) => a.spreadAfter - b.spreadAfter || a.shiftA - b.shiftA || a.shiftB - b.shiftB)
    .slice(0, limit);
}

const spreadOf = (values: readonly number[]) => (values.length === 0 ? 0 : Math.max(...values) - Math.min(...values));

/** How a change of non-overlapping drafts moves burden: each draft's engineer gains what the current holder loses. */
function burdenMovedBy(change: Change, current: readonly SegmentMs[], table: DayTable) {
  const delta = new Map<Id, number>();
  const taken: { engineerId: Id; start: number; end: number }[] = [];
  for (const draft of change.add) {
    const start = toMs(draft.startsAt);
    const end = toMs(draft.endsAt);
    for (const segment of current) {
      const from = Math.max(start, segment.start);
      const to = Math.min(end, segment.end);
      if (from >= to) continue;
      const holder = draft.role === 'primary' ? segment.primaryId : segment.secondaryId;
      const burden = intervalBurden(table, from, to, draft.role);
      delta.set(draft.engineerId, (delta.get(draft.engineerId) ?? 0) + burden);
      if (holder !== null) delta.set(holder, (delta.get(holder) ?? 0) - burden);
    }
    taken.push({ engineerId: draft.engineerId, start, end });
  }
  return {
    delta,
    unavailable: (spans: readonly UnavailableSpan[]) =>
      taken.some((t) => spans.some((s) => s.engineerId === t.engineerId && overlaps(s, t.start, t.end))),
  };
}

// ---------------------------------------------------------------------------------------
// What changed since publishing

export interface ScheduleDifference {
  role: Role;
  startsAt: string;
  endsAt: string;
  /** Who held the role in the published schedule (null: nobody, or outside it). */
  beforeId: Id | null;
  afterId: Id | null;
  /** The local dates touched, in the rotation's zone. */
  dates: IsoDate[];
}

/** Where the current schedule differs from a published one: who, which role, which days. */
export function diffSchedules(
  published: readonly Segment[],
  current: readonly Segment[],
  timeZone: string,
): ScheduleDifference[] {
  const before = published.map(toSegmentMs).sort((a, b) => a.start - b.start);
  const now = current.map(toSegmentMs).sort((a, b) => a.start - b.start);
  const points = [...new Set([...before, ...now].flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const holderAt = (list: SegmentMs[], at: number, role: Role) => {
    const segment = list.find((s) => s.start <= at && at < s.end);
    return segment ? (role === 'primary' ? segment.primaryId : segment.secondaryId) : null;
  };
  const found: { role: Role; start: number; end: number; beforeId: Id | null; afterId: Id | null }[] = [];
  for (const role of ['primary', 'secondary'] as const) {
    for (let k = 0; k < points.length - 1; k += 1) {
      const start = points[k]!;
      const end = points[k + 1]!;
      const beforeId = holderAt(before, start, role);
      const afterId = holderAt(now, start, role);
      if (beforeId === afterId) continue;
      const last = found[found.length - 1];
      if (last && last.role === role && last.end === start && last.beforeId === beforeId && last.afterId === afterId)
        last.end = end;
      else found.push({ role, start, end, beforeId, afterId });
    }
  }
  return found
    .sort((a, b) => a.start - b.start || a.role.localeCompare(b.role))
    .map((d) => {
      const firstDate = localDateOf(d.start, timeZone);
      const lastDate = localDateOf(d.end - 1, timeZone);
      const dates: IsoDate[] = [];
      for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) dates.push(date);
      return {
        role: d.role,
        startsAt: toInstant(d.start),
        endsAt: toInstant(d.end),
        beforeId: d.beforeId,
        afterId: d.afterId,
        dates,
      };
    });
}
