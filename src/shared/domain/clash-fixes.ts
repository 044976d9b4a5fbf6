// The fixes a clash warning offers: who could cover the duty, or whose shift could be swapped
// with it, ranked so the lead sees the two or three best. Each option says what it does to
// this period's fairness figure of the people involved and which new clash it would create,
// so one click can apply it without a surprise.
import type { Id, IsoInstant, ModelWarning, Override, Pipeline, Ownership, Role } from '../model';
import { doubleDutyWarnings, type RotationSchedule } from './double-duty';
import { computeFairness, type FairnessInput, type Period } from './fairness';
import { investorOwnerClashes } from './ownership';
import {
  applyChange,
  computeSegmentsMs,
  coverRange,
  provisionalIds,
  scheduleWarnings,
  shiftIndexAt,
  shiftOwner,
  shiftStartMs,
  swapShifts,
  type Change,
} from './rotation';
import { formatMoment } from '../format';
import { toInstant, toMs } from './time';

/** The warnings a fix can be offered for: someone holds a duty they should not. */
export const FIXABLE_CLASHES = [
  'oncall_unavailable',
  'investor_owners_away',
  'same_primary_secondary',
  'inactive_scheduled',
  'double_duty',
  'back_to_back',
] as const;
export type FixableClash = (typeof FIXABLE_CLASHES)[number];

/** A warning as the fix asks for it: what it is, who it names, when. */
export interface ClashRef {
  kind: FixableClash;
  engineerIds: Id[];
  from: IsoInstant;
  to: IsoInstant;
}

export function fixableClash(warning: ModelWarning): ClashRef | null {
  if (!(FIXABLE_CLASHES as readonly string[]).includes(warning.kind) || !warning.from || !warning.to) return null;
  if (warning.engineerIds.length === 0) return null;
  return { kind: warning.kind as FixableClash, engineerIds: warning.engineerIds, from: warning.from, to: warning.to };
}

/** What applying an option sends to schedule:apply, journaled like any edit so Undo takes it back. */
export type ClashFixOperation =
  | {
      op: 'cover';
      rotationId: Id;
      from: IsoInstant;
      to: IsoInstant;
      role: Role;
      engineerId: Id;
      kind: 'cover' | 'time_away_cover';
      reason: string;
    }
  | { op: 'swap'; rotationId: Id; shiftA: number; shiftB: number; reason: string };

export interface FairnessFigureChange {
  engineerId: Id;
  name: string;
  /** This period's figure (burden minus fair share, weekdays) before and after the option. */
  before: number;
  after: number;
}

export interface ClashFixOption {
  kind: 'cover' | 'swap';
  /** Who takes the duty over. */
  engineerId: Id;
  /** "Engineer C covers secondary from Thu 24 Dec, 09:00 to Mon 28 Dec, 00:00". */
  summary: string;
  operation: ClashFixOperation;
  fairness: FairnessFigureChange[];
  /** Warnings the option would create, in the words the warning list uses. */
  newClashes: string[];
}

export interface ClashFixes {
  clash: ClashRef;
  /** The period the fairness figures are for. */
  period: Period;
  options: ClashFixOption[];
  /** Why nothing is offered, when nothing is. */
  none: string | null;
}

export interface ClashFixInput extends FairnessInput {
  clash: ClashRef;
  pipelines: readonly Pipeline[];
  ownerships: readonly Ownership[];
  /** How many options to offer (the best first). */
  limit: number;
  /** The year dates are written without (the current one). */
  currentYear?: number;
  /** Now: an option never changes what is already past (a swap of a shift that has begun). */
  notBefore?: IsoInstant;
  /**
   * The team's other rotations: a double duty is fixed by moving this rotation's duty, and an
   * option that would put someone on call in two of them at once says so.
   */
  others?: readonly RotationSchedule[];
}

/**
 * This period's fairness figure per engineer: the one place the fixes read fairness, so the
 * ledger can change underneath without touching the ranking.
 */
export function periodFigures(input: FairnessInput): Map<Id, number> {
  return new Map(computeFairness(input).engineers.map((r) => [r.engineerId, r.difference]));
}

interface Duty {
  engineerId: Id;
  role: Role;
  start: number;
  end: number;
}

/** The duties to take off someone: where the clash's person (or, for investor owners, either owner) is on call. */
function dutiesToMove(input: ClashFixInput): Duty[] {
  const { clash, rotation, overrides } = input;
  const segments = computeSegmentsMs(rotation, overrides, toMs(clash.from), toMs(clash.to));
  const roles: Role[] =
    clash.kind === 'same_primary_secondary'
      ? ['secondary']
      : clash.kind === 'back_to_back'
        ? ['primary']
        : ['primary', 'secondary'];
  const people = clash.kind === 'investor_owners_away' ? clash.engineerIds : clash.engineerIds.slice(0, 1);
  const duties: Duty[] = [];
  for (const engineerId of people) {
    for (const role of roles) {
      for (const s of segments) {
        if ((role === 'primary' ? s.primaryId : s.secondaryId) !== engineerId) continue;
        const last = duties[duties.length - 1];
        // A run of shifts is moved a shift at a time: taking one out is what breaks the run.
        const sameShift =
          clash.kind !== 'back_to_back' || shiftIndexAt(rotation, last?.start ?? s.start) === s.shiftIndex;
        if (last && last.engineerId === engineerId && last.role === role && last.end === s.start && sameShift)
          last.end = s.end;
        else duties.push({ engineerId, role, start: s.start, end: s.end });
      }
    }
  }
  return duties;
}

const notBeforeMs = (input: ClashFixInput) => (input.notBefore ? toMs(input.notBefore) : -Infinity);

interface Candidate {
  kind: ClashFixOption['kind'];
  engineerId: Id;
  summary: string;
  operation: ClashFixOperation;
  change: Change;
}

export function clashFixes(input: ClashFixInput): ClashFixes {
  const { clash, rotation, engineers, overrides } = input;
  const zone = rotation.timeZone;
  const byId = new Map(engineers.map((e) => [e.id, e]));
  const nameOf = (id: Id) => byId.get(id)?.name ?? `Engineer #${id}`;
  const moment = (ms: number) => formatMoment(ms, zone, input.currentYear);
  const others = input.others ?? [];
  // With several rotations an option says which one it changes.
  const where = others.length > 0 ? ` in ${rotation.name}` : '';
  const result = (options: ClashFixOption[], none: string | null): ClashFixes => ({
    clash,
    period: input.period,
    options,
    none,
  });

  const duties = dutiesToMove(input);
  if (duties.length === 0) return result([], 'Nobody named by this warning is on call then any more.');
  const active = (id: Id) => byId.get(id)?.active ?? false;
  const candidates: Candidate[] = [];
  const relieved = new Set(clash.kind === 'investor_owners_away' ? clash.engineerIds : [clash.engineerIds[0]!]);
  const takers = rotation.memberIds.filter((id) => active(id) && !relieved.has(id));

  // Covers: one person takes every duty in question.
  for (const duty of duties
    .map((d) => ({ ...d, start: Math.max(d.start, notBeforeMs(input)) }))
    .filter((d) => d.start < d.end)) {
    const dutyName = nameOf(duty.engineerId);
    const kind = clash.kind === 'oncall_unavailable' ? 'time_away_cover' : 'cover';
    for (const engineerId of takers) {
      const reason =
        kind === 'time_away_cover'
          ? `${nameOf(engineerId)} covers ${dutyName}'s time away`
          : `${nameOf(engineerId)} covers ${dutyName}: ${clashWords[clash.kind]}`;
      const from = toInstant(duty.start);
      const to = toInstant(duty.end);
      candidates.push({
        kind: 'cover',
        engineerId,
        summary: `${nameOf(engineerId)} covers ${duty.role}${where} for ${dutyName} from ${moment(duty.start)} to ${moment(duty.end)}`,
        operation: { op: 'cover', rotationId: rotation.id, from, to, role: duty.role, engineerId, kind, reason },
        change: coverRange(rotation, from, to, duty.role, engineerId, kind, reason, { overrides }),
      });
    }
  }

  // Swaps: the primary's whole shift traded with a nearby shift of someone else (for a run of
  // shifts in a row, any shift of the run).
  const primaryDuties = duties.filter((d) => d.role === 'primary');
  for (const primaryDuty of clash.kind === 'back_to_back' ? primaryDuties : primaryDuties.slice(0, 1)) {
    const shift = shiftIndexAt(rotation, primaryDuty.start);
    if (shiftOwner(rotation, overrides, shift) === primaryDuty.engineerId) {
      for (const offset of [-1, 1, -2, 2, -3, 3]) {
        const other = shift + offset;
        const engineerId = shiftOwner(rotation, overrides, other);
        if (engineerId === null || relieved.has(engineerId) || !active(engineerId)) continue;
        const reason = `${nameOf(primaryDuty.engineerId)} and ${nameOf(engineerId)} swap shifts: ${clashWords[clash.kind]}`;
        candidates.push({
          kind: 'swap',
          engineerId,
          summary: `Swap with ${nameOf(engineerId)}${where}: ${nameOf(primaryDuty.engineerId)} takes the shift from ${moment(shiftStartMs(rotation, other))}`,
          operation: { op: 'swap', rotationId: rotation.id, shiftA: shift, shiftB: other, reason },
          change: swapShifts(rotation, overrides, shift, other, reason),
        });
      }
    }
  }

  // Warnings are looked for around everything a candidate touches, a shift either side.
  const margin = rotation.shiftDays * 86_400_000;
  const warningsOf = (list: readonly Override[], from: number, to: number) => {
    const range = { from: toInstant(from - margin), to: toInstant(to + margin) };
    return [
      ...scheduleWarnings({ ...input, overrides: list, ...range }),
      ...investorOwnerClashes({ ...input, overrides: list, ...range }),
      ...(others.length === 0
        ? []
        : doubleDutyWarnings({
            schedules: [{ rotation, overrides: list }, ...others],
            engineers,
            fromMs: from - margin,
            toMs: to + margin,
            rotationId: rotation.id,
            timeZone: zone,
            ...(input.currentYear !== undefined && { currentYear: input.currentYear }),
          })),
    ];
  };
  const figuresBefore = periodFigures(input);

  const notBefore = notBeforeMs(input);
  const upcoming = { ...clash, from: toInstant(Math.max(toMs(clash.from), notBefore)) };
  const evaluated = candidates
    .filter((c) => c.change.add.length > 0 && c.change.add.every((o) => toMs(o.startsAt) >= notBefore))
    .map((candidate) => {
      const after = applyChange(overrides, candidate.change, provisionalIds(overrides)).overrides;
      const touched = [
        ...candidate.change.add.map((o) => [toMs(o.startsAt), toMs(o.endsAt)]),
        [toMs(clash.from), toMs(clash.to)],
      ];
      const from = Math.min(...touched.map(([s]) => s!));
      const to = Math.max(...touched.map(([, e]) => e!));
      const before = warningsOf(overrides, from, to);
      const later = warningsOf(after, from, to);
      // What is past cannot be fixed: the clash is resolved when nothing of it is left from now on.
      const resolves = !later.some((w) => sameClash(w, upcoming));
      const newClashes = later.filter((w) => !before.some((b) => sameWarning(b, w))).map((w) => w.message);
      const figuresAfter = periodFigures({ ...input, overrides: after });
      const involved = [...new Set([...relieved, ...candidate.change.add.map((o) => o.engineerId)])];
      const fairness = involved
        .map((engineerId) => ({
          engineerId,
          name: nameOf(engineerId),
          before: figuresBefore.get(engineerId) ?? 0,
          after: figuresAfter.get(engineerId) ?? 0,
        }))
        .sort((a, b) => a.engineerId - b.engineerId);
      // The team's unevenness after the option: the sum of squared figures.
      const unevenness = [...figuresAfter.values()].reduce((sum, d) => sum + d * d, 0);
      return { candidate, resolves, newClashes, fairness, unevenness };
    })
    .filter((e) => e.resolves)
    .sort(
      (a, b) =>
        a.newClashes.length - b.newClashes.length ||
        a.unevenness - b.unevenness ||
        a.candidate.change.add.length - b.candidate.change.add.length ||
        (a.candidate.kind === b.candidate.kind ? 0 : a.candidate.kind === 'cover' ? -1 : 1),
    );

  // One option per person and kind: the lead chooses between people, not between near-copies.
  const seen = new Set<string>();
  const options: ClashFixOption[] = [];
  for (const { candidate, newClashes, fairness } of evaluated) {
    const key = `${candidate.kind}:${candidate.engineerId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { change: _change, ...shown } = candidate;
    options.push({ ...shown, fairness, newClashes });
    if (options.length === input.limit) break;
  }
  return result(
    options,
    options.length ? null : 'Nobody in the rotation can take this over without leaving the clash in place.',
  );
}

const clashWords: Record<FixableClash, string> = {
  oncall_unavailable: 'time away',
  investor_owners_away: 'both owners of an investor pipeline tied up',
  same_primary_secondary: 'one person in both roles',
  inactive_scheduled: 'no longer on the team',
  double_duty: 'on call in two rotations at once',
  back_to_back: 'too many shifts in a row',
};

const overlaps = (a: { from?: string; to?: string }, b: { from?: string; to?: string }) =>
  (a.from ?? '') < (b.to ?? '') && (b.from ?? '') < (a.to ?? '');

const sameIds = (a: readonly Id[], b: readonly Id[]) =>
  a.length === b.length && [...a].sort().every((id, i) => id === [...b].sort()[i]);

/** The warning the fix is for, wherever its exact edges now fall. */
function sameClash(warning: ModelWarning, clash: ClashRef): boolean {
  return warning.kind === clash.kind && sameIds(warning.engineerIds, clash.engineerIds) && overlaps(warning, clash);
}

/** A warning that was already there before the option (its edges may have moved). */
function sameWarning(a: ModelWarning, b: ModelWarning): boolean {
  return a.kind === b.kind && sameIds(a.engineerIds, b.engineerIds) && overlaps(a, b);
}
