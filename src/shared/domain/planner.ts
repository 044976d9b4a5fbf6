// The auto-planner: for each shift of a range, who is primary and who is secondary, and for
// each run of major-holiday days inside it who covers primary (the seeds' policy: whoever has
// the holiday week either trades it away or has the holiday covered). It fixes the clashes it
// can (someone on call while away, both owners of an investor pipeline tied up at once), then
// makes the period as even as it can (carried-in balances included), then keeps hand-offs
// few. It only proposes: the result is a Change made of ordinary overrides, each with its
// reason, that the lead accepts (and can undo) or not, and the clashes it could not fix.

import type { Id, IsoDate, ModelWarning, Override, OverrideKind, Role } from '../model';
import { computeFairness, type FairnessInput, type FairnessReport, type Period } from './fairness';
import { investorOwnerClashes } from './ownership';
import {
  buildPlanningProblem,
  investorOwnerPairs,
  overlaps,
  plannedPeriod,
  rangeLabel,
  type PlanInput,
  type PlanningProblem,
  type PlanUnit,
} from './planner/problem';
import { solvePlanningProblem } from './planner/search';
import type { ProgressReport } from './progress';
import {
  applyChange,
  computeSegmentsMs,
  provisionalIds,
  scheduleWarnings,
  shiftIndexAt,
  shiftStartMs,
  unavailableSpans,
  type Change,
  type OverrideDraft,
} from './rotation';
import { describeOverride } from './override-kinds';
import { addDays, startOfLocalDayMs, toInstant, toMs } from './time';

export type { PlanInput, PlanningProblem, PlanUnit, PlanConstraint, LockedRole } from './planner/problem';
export { buildPlanningProblem } from './planner/problem';
export { defaultRounds, scoreAssignment, solvePlanningProblem, type Score } from './planner/search';
export type { ProgressReport } from './progress';
export { suggestSwaps, type SwapSuggestion } from './swaps';
export { diffSchedules, type ScheduleDifference } from './schedule-diff';

export interface PlannedShift {
  shiftIndex: number;
  startsAt: string;
  endsAt: string;
  /** Who holds each role for most of the shift once the plan is applied (a locked role keeps its holder). */
  primaryId: Id;
  secondaryId: Id;
  covers: { startsAt: string; endsAt: string; engineerId: Id; holidayNames: string[] }[];
}

/** A clash the plan leaves, and why it could not fix it. */
export interface UnfixedClash {
  warning: ModelWarning;
  reason: string;
}

export interface PlanResult {
  change: Change;
  shifts: PlannedShift[];
  /** The period the plan evens out: the planned dates, `from` to `to`. */
  period: Period;
  /** The period's figures before and after (carried-in balances are not in them). */
  before: FairnessReport;
  after: FairnessReport;
  /** Clashes in the planned range that the plan removes. */
  fixed: ModelWarning[];
  /** Clashes in the planned range that remain, each with its reason. */
  unfixed: UnfixedClash[];
  /** The overrides an earlier plan left in the range, and whether this plan replaces them (else they are kept). */
  earlierPlan: { overrides: number; replaced: boolean };
}

/** What an override the planner writes is for. */
type PlannedCause = 'time_away' | 'investor' | 'holiday' | 'even';

/** The override kind for a planned override: what made it, as the calendar and the CLI name it. */
function plannedKind(cause: PlannedCause): OverrideKind {
  return cause === 'time_away' ? 'time_away_cover' : cause === 'holiday' ? 'holiday_cover' : 'planned';
}

function namesOf(input: PlanInput): (id: Id) => string {
  const byId = new Map(input.engineers.map((e) => [e.id, e.name]));
  return (id) => byId.get(id) ?? `Engineer #${id}`;
}

/**
 * The planner writes every reason as "planned <range>: why", the range as `rangeLabel` names it
 * (a quarter, or two dates); the pattern below reads it back.
 */
const plannerReason = (from: IsoDate, to: IsoDate, why: string) => `planned ${rangeLabel(from, to)}: ${why}`;
const PLANNER_REASON = /^planned (\d{4}-Q[1-4]|\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}): /;
const PLANNER_KINDS: readonly OverrideKind[] = ['planned', 'time_away_cover', 'holiday_cover'];

/**
 * An override the planner made and the lead left as it was: re-planning may replace it. Once the
 * lead rewrites its reason it is theirs, and kept like any other.
 */
export const isPlannerOverride = (o: Pick<Override, 'kind' | 'reason'>): boolean =>
  PLANNER_KINDS.includes(o.kind) && PLANNER_REASON.test(o.reason);

/** The overrides that turn the current schedule into an assignment (holiday covers last, so they win). */
export function changeFromAssignment(problem: PlanningProblem, assign: readonly number[]): Change {
  const { input, table } = problem;
  const { rotation } = input;
  const nameOf = namesOf(input);
  const spans = unavailableSpans(input.unavailability, input.engineers, rotation.timeZone);
  const awayDuring = (id: Id, start: number, end: number) =>
    spans.some((s) => s.engineerId === id && overlaps(s, start, end));
  const pairs = investorOwnerPairs(input);
  const hasHoliday = (unit: PlanUnit) =>
    table.days.some((d) => d.holidayWeight !== null && overlaps(d, unit.start, unit.end));
  const shiftDrafts: OverrideDraft[] = [];
  const coverDrafts: OverrideDraft[] = [];
  const primaryOf = new Map<number, number>();
  problem.units.forEach((unit, u) => {
    if (unit.kind === 'primary') primaryOf.set(unit.shiftIndexes[0]!, assign[u]!);
  });
  /** Why the unit's holder changes: the holder's clash if there was one, else the load. */
  const causeOf = (unit: PlanUnit, holder: Id | null): [PlannedCause, string] => {
    if (holder !== null && awayDuring(holder, unit.start, unit.end))
      return ['time_away', `covers ${nameOf(holder)}'s time away`];
    // The holder and whoever else is on call or away then were both owners of an investor pipeline.
    const alongside = problem.segments
      .filter((s) => s.shiftIndex === unit.shiftIndexes[0])
      .map((s) => (unit.kind === 'primary' ? s.secondaryId : s.primaryId));
    const tied =
      holder === null
        ? undefined
        : pairs.find(
            (p) =>
              p.owners.includes(holder) &&
              (alongside.some((id) => id !== holder && id !== null && p.owners.includes(id)) ||
                !unit.available.includes(problem.engineerIds.indexOf(holder))),
          );
    if (tied) return ['investor', `keeps an owner of ${tied.pipeline.name} free`];
    return ['even', hasHoliday(unit) ? 'evens holiday load' : 'evens the load'];
  };
  problem.units.forEach((unit, u) => {
    const engineer = assign[u]!;
    const engineerId = problem.engineerIds[engineer]!;
    const draft = (role: Role, cause: PlannedCause, why: string): OverrideDraft => ({
      rotationId: rotation.id,
      startsAt: toInstant(unit.start),
      endsAt: toInstant(unit.end),
      role,
      engineerId,
      kind: plannedKind(cause),
      reason: plannerReason(input.from, input.to, why),
      twinIndex: null,
    });
    const holder = unit.current >= 0 ? problem.engineerIds[unit.current]! : null;
    if (unit.kind === 'holiday') {
      const primaries = unit.shiftIndexes.map((index) => primaryOf.get(index));
      if (primaries.some((p) => p !== engineer)) {
        const primaryAway = primaries.some(
          (p) => p !== undefined && awayDuring(problem.engineerIds[p]!, unit.start, unit.end),
        );
        const holidays = unit.holidayNames.join(', ');
        coverDrafts.push(
          primaryAway
            ? draft('primary', 'time_away', `holiday cover while the week's primary is away (${holidays})`)
            : draft('primary', 'holiday', `evens holiday load (${holidays})`),
        );
      }
    } else if (engineer !== unit.current) {
      const [cause, why] = causeOf(unit, holder);
      shiftDrafts.push(draft(unit.kind, cause, why));
    }
  });
  return { add: [...shiftDrafts, ...coverDrafts], remove: [] };
}

/**
 * The plan's change over the earlier plan's overrides it replaces: they go and the new ones come,
 * unless the new plan is the earlier one again (then nothing changes).
 */
function replacing(change: Change, replaced: readonly Override[]): Change {
  if (replaced.length === 0) return change;
  const same = (d: OverrideDraft, o: Override) =>
    d.startsAt === o.startsAt && d.endsAt === o.endsAt && d.role === o.role && d.engineerId === o.engineerId;
  const unchanged =
    change.add.length === replaced.length &&
    change.add.every((d) => replaced.some((o) => same(d, o))) &&
    replaced.every((o) => change.add.some((d) => same(d, o)));
  return unchanged ? { add: [], remove: [] } : { add: change.add, remove: [...change.remove, ...replaced] };
}

/** The clashes a plan looks at, in [from, to): on call while away, both roles, back to back, investor owners tied up. */
function clashesIn(input: PlanInput, overrides: readonly Override[], from: number, to: number): ModelWarning[] {
  const range = { from: toInstant(from), to: toInstant(to) };
  const schedule = scheduleWarnings({ ...input, overrides, ...range }).filter((w) =>
    ['oncall_unavailable', 'same_primary_secondary', 'back_to_back'].includes(w.kind),
  );
  const investors =
    input.pipelines && input.ownerships
      ? investorOwnerClashes({
          ...input,
          pipelines: input.pipelines,
          ownerships: input.ownerships,
          overrides,
          ...range,
        })
      : [];
  return [...schedule, ...investors];
}

const clashKey = (w: ModelWarning) => `${w.kind}|${w.engineerIds.join(',')}|${w.from}|${w.to}`;

/** Why a clash stayed: a role the lead locked, a shift outside the range, or nobody free. */
function whyUnfixed(problem: PlanningProblem, warning: ModelWarning, firstPlannedStart: number): string {
  const { rotation } = problem.input;
  const from = warning.from ? Date.parse(warning.from) : firstPlannedStart;
  const to = warning.to ? Date.parse(warning.to) : from + 1;
  const locked = problem.lockedRoles.find(
    (l) =>
      overlaps(
        { start: shiftStartMs(rotation, l.shiftIndex), end: shiftStartMs(rotation, l.shiftIndex + 1) },
        from,
        to,
      ) &&
      l.overrides.some((o) => warning.engineerIds.includes(o.engineerId) || warning.kind === 'investor_owners_away'),
  );
  if (locked) {
    const what = locked.overrides.map(describeOverride);
    return `the ${locked.role} of that week is set by an override the plan keeps (${[...new Set(what)].join('; ')}): change or remove it`;
  }
  if (from < firstPlannedStart)
    return `it falls in a shift that starts before ${problem.input.from}: plan from an earlier date`;
  if (warning.kind === 'back_to_back') return 'too few people are free around those weeks to avoid it';
  if (warning.kind === 'investor_owners_away') return 'nobody else free then keeps one of the owners off call';
  return 'nobody else is free then without another clash';
}

/** Plans the range. Returns an empty change when there is nothing to plan (fewer than two members, or every shift already shaped by hand). */
export function planSchedule(input: PlanInput, onProgress?: ProgressReport): PlanResult {
  const { rotation } = input;
  const zone = rotation.timeZone;
  // The clashes of the shifts that start in the range, to the end of the last one.
  const rangeStart = startOfLocalDayMs(input.from, zone);
  const rangeEnd = shiftStartMs(
    rotation,
    shiftIndexAt(rotation, startOfLocalDayMs(addDays(input.to, 1), zone) - 1) + 1,
  );
  // Planning again over an earlier plan: its overrides in the range are planned as if absent.
  const earlier = input.overrides.filter(
    (o) => isPlannerOverride(o) && toMs(o.startsAt) >= rangeStart && toMs(o.endsAt) <= rangeEnd,
  );
  const replaced = input.replacePlan ? earlier : [];
  const earlierPlan = { overrides: earlier.length, replaced: replaced.length > 0 };
  const problem = buildPlanningProblem(
    replaced.length > 0 ? { ...input, overrides: input.overrides.filter((o) => !replaced.includes(o)) } : input,
  );
  const period: Period = problem?.period ?? plannedPeriod(input);
  const fairnessOf = (overrides: readonly Override[]) =>
    computeFairness({ ...input, overrides, period } satisfies FairnessInput);
  const clashesBefore = clashesIn(input, input.overrides, rangeStart, rangeEnd);
  if (!problem) {
    const report = fairnessOf(input.overrides);
    const unfixed = clashesBefore.map((warning) => ({
      warning,
      reason: 'every shift of the range is set by overrides the plan keeps',
    }));
    return {
      change: { add: [], remove: [] },
      shifts: [],
      period,
      before: report,
      after: report,
      fixed: [],
      unfixed,
      earlierPlan,
    };
  }
  const assign = solvePlanningProblem(problem, input.searchRounds, onProgress);
  const change = replacing(changeFromAssignment(problem, assign), replaced);
  const after = applyChange(input.overrides, change, provisionalIds(input.overrides)).overrides;
  const clashesAfter = clashesIn(input, after, rangeStart, rangeEnd);
  const remaining = new Set(clashesAfter.map(clashKey));
  const firstPlannedStart = shiftStartMs(rotation, problem.plannedShifts[0]!);

  const segments = computeSegmentsMs(
    rotation,
    after,
    firstPlannedStart,
    shiftStartMs(rotation, problem.plannedShifts[problem.plannedShifts.length - 1]! + 1),
  );
  const mainHolder = (shiftIndex: number, role: Role): Id => {
    const time = new Map<Id, number>();
    for (const s of segments) {
      const id = role === 'primary' ? s.primaryId : s.secondaryId;
      if (s.shiftIndex === shiftIndex && id !== null) time.set(id, (time.get(id) ?? 0) + s.end - s.start);
    }
    return [...time].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [0, -1] as [Id, number])[0];
  };
  const shifts = problem.plannedShifts.map((shiftIndex): PlannedShift => {
    const unitOf = (kind: PlanUnit['kind']) =>
      problem.units.findIndex((u) => u.kind === kind && u.shiftIndexes[0] === shiftIndex);
    const idOf = (role: Role) => {
      const u = unitOf(role);
      return u >= 0 ? problem.engineerIds[assign[u]!]! : mainHolder(shiftIndex, role);
    };
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
      startsAt: toInstant(shiftStartMs(rotation, shiftIndex)),
      endsAt: toInstant(shiftStartMs(rotation, shiftIndex + 1)),
      primaryId: idOf('primary'),
      secondaryId: idOf('secondary'),
      covers,
    };
  });
  return {
    change,
    shifts,
    period,
    before: fairnessOf(input.overrides),
    after: fairnessOf(after),
    fixed: clashesBefore.filter((w) => !remaining.has(clashKey(w))),
    unfixed: clashesAfter.map((warning) => ({ warning, reason: whyUnfixed(problem, warning, firstPlannedStart) })),
    earlierPlan,
  };
}
