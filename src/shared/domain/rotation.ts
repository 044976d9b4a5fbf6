// The on-call schedule: base shifts from a rotation, overlaid by overrides, computed on
// demand (never stored). Also the edit operations the calendar offers, each returning a
// Change that can be applied and inverted, and the checks that become warnings.

import type {
  Engineer,
  Id,
  IsoDate,
  IsoInstant,
  ModelWarning,
  Override,
  OverrideKind,
  Role,
  Rotation,
  Segment,
  Unavailability,
} from '../model';
import { formatDay, formatMoment, yearIn } from '../format';
import { DomainError } from '../result';
import { addDays, localDateOf, MS_PER_DAY, startOfLocalDayMs, toInstant, toMs, zonedMs } from './time';

// ---------------------------------------------------------------------------------------
// Base shifts

// Zone conversion is the slow step of computing a schedule (tens of microseconds each), and
// the calendar asks for the same shifts over and over: remember them, bounded.
const shiftStartCache = new Map<string, number>();
const SHIFT_START_CACHE_LIMIT = 200_000;

/** Start of shift `index` in epoch ms: the hand-off time on the shift's first local date. */
export function shiftStartMs(rotation: Rotation, index: number): number {
  const key = `${rotation.timeZone}|${rotation.startDate}|${rotation.shiftDays}|${rotation.handoffTime}|${index}`;
  let start = shiftStartCache.get(key);
  if (start === undefined) {
    const firstDate = addDays(rotation.startDate, index * rotation.shiftDays);
    start = zonedMs(firstDate, rotation.handoffTime, rotation.timeZone);
    if (shiftStartCache.size >= SHIFT_START_CACHE_LIMIT) shiftStartCache.clear();
    shiftStartCache.set(key, start);
  }
  return start;
}

export interface ShiftBounds {
  startsAt: IsoInstant;
  endsAt: IsoInstant;
}

export function shiftBounds(rotation: Rotation, index: number): ShiftBounds {
  return {
    startsAt: toInstant(shiftStartMs(rotation, index)),
    endsAt: toInstant(shiftStartMs(rotation, index + 1)),
  };
}

/**
 * The index of the shift containing `instant`. Not clamped: before the rotation's first
 * hand-off the index is negative (-1 is the shift that would have preceded shift 0), so
 * callers can tell "before the start" apart from shift 0.
 */
export function shiftIndexAt(rotation: Rotation, instant: IsoInstant | number): number {
  const ms = typeof instant === 'number' ? instant : toMs(instant);
  const nominal = rotation.shiftDays * MS_PER_DAY;
  // The nominal guess is off by at most one shift: DST moves a hand-off by an hour or so.
  let index = Math.floor((ms - shiftStartMs(rotation, 0)) / nominal);
  while (shiftStartMs(rotation, index) > ms) index -= 1;
  while (shiftStartMs(rotation, index + 1) <= ms) index += 1;
  return index;
}

/** Member `offset` places after the shift's primary in rotation order (0 = primary). */
function memberAt(rotation: Rotation, shiftIndex: number, offset: number): Id | null {
  const count = rotation.memberIds.length;
  if (count === 0) return null;
  return rotation.memberIds[(((shiftIndex + offset) % count) + count) % count] ?? null;
}

export function basePrimaryId(rotation: Rotation, shiftIndex: number): Id | null {
  return memberAt(rotation, shiftIndex, 0);
}

/** The next member in order; null for a one-person rotation (nobody distinct to back up). */
export function baseSecondaryId(rotation: Rotation, shiftIndex: number): Id | null {
  return rotation.memberIds.length < 2 ? null : memberAt(rotation, shiftIndex, 1);
}

// ---------------------------------------------------------------------------------------
// Overrides → segments

/** A segment with epoch-ms bounds: what the fairness and planner arithmetic works on. */
export interface SegmentMs {
  start: number;
  end: number;
  primaryId: Id | null;
  secondaryId: Id | null;
  shiftIndex: number;
  overrideIds: Id[];
}

interface RankedOverride {
  id: Id;
  start: number;
  end: number;
  engineerId: Id;
  /** Position in precedence order: higher wins (later createdAt, then higher id). */
  rank: number;
}

/** Max-heap on rank; expired entries are dropped lazily when they reach the top. */
class PrecedenceHeap {
  private readonly items: RankedOverride[] = [];

  push(item: RankedOverride): void {
    const items = this.items;
    items.push(item);
    let child = items.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (items[parent]!.rank >= items[child]!.rank) break;
      [items[parent], items[child]] = [items[child]!, items[parent]!];
      child = parent;
    }
  }

  /** The winning override still active at `at`, if any. */
  topActiveAt(at: number): RankedOverride | undefined {
    while (this.items.length > 0 && this.items[0]!.end <= at) this.popTop();
    return this.items[0];
  }

  private popTop(): void {
    const items = this.items;
    const last = items.pop()!;
    if (items.length === 0) return;
    items[0] = last;
    let parent = 0;
    for (;;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let largest = parent;
      if (left < items.length && items[left]!.rank > items[largest]!.rank) largest = left;
      if (right < items.length && items[right]!.rank > items[largest]!.rank) largest = right;
      if (largest === parent) return;
      [items[parent], items[largest]] = [items[largest]!, items[parent]!];
      parent = largest;
    }
  }
}

/** Sweeps one role's overrides in time order, answering "who wins at this point". */
class RoleSweep {
  private next = 0;
  private readonly heap = new PrecedenceHeap();

  constructor(private readonly byStart: RankedOverride[]) {}

  winnerAt(at: number): RankedOverride | undefined {
    while (this.next < this.byStart.length && this.byStart[this.next]!.start <= at) {
      this.heap.push(this.byStart[this.next]!);
      this.next += 1;
    }
    return this.heap.topActiveAt(at);
  }
}

/** Latest wins: higher createdAt, then higher id. */
export function comparePrecedence(a: Override, b: Override): number {
  return toMs(a.createdAt) - toMs(b.createdAt) || a.id - b.id;
}

/**
 * The computed schedule between two instants (epoch ms), clipped to the range. Nothing is
 * scheduled before the rotation's first hand-off. Segments never cross a base hand-off, so
 * each lies in exactly one shift; within a shift, consecutive pieces with the same primary,
 * secondary and shaping overrides are one segment.
 */
export function computeSegmentsMs(
  rotation: Rotation,
  overrides: readonly Override[],
  fromMs: number,
  toMs_: number,
): SegmentMs[] {
  const from = Math.max(fromMs, shiftStartMs(rotation, 0));
  if (from >= toMs_) return [];

  const ranked = overrides
    .filter((o) => o.rotationId === rotation.id)
    .sort(comparePrecedence)
    .map((o, rank) => ({
      override: o,
      ranked: { id: o.id, start: toMs(o.startsAt), end: toMs(o.endsAt), engineerId: o.engineerId, rank },
    }))
    .filter(({ ranked: r }) => r.start < r.end && r.end > from && r.start < toMs_);
  const roleOverrides = (role: Role) =>
    ranked
      .filter(({ override }) => override.role === role)
      .map(({ ranked: r }) => r)
      .sort((a, b) => a.start - b.start);
  const primarySweep = new RoleSweep(roleOverrides('primary'));
  const secondarySweep = new RoleSweep(roleOverrides('secondary'));

  let shiftIndex = shiftIndexAt(rotation, from);
  const lastShift = shiftIndexAt(rotation, toMs_ - 1);
  const shiftStarts: number[] = [];
  for (let index = shiftIndex + 1; index <= lastShift; index += 1) shiftStarts.push(shiftStartMs(rotation, index));

  const points = [from, toMs_, ...shiftStarts];
  for (const { ranked: r } of ranked) {
    if (r.start > from) points.push(r.start);
    if (r.end < toMs_) points.push(r.end);
  }
  points.sort((a, b) => a - b);

  const segments: SegmentMs[] = [];
  let nextShift = 0;
  for (let k = 0; k < points.length - 1; k += 1) {
    const start = points[k]!;
    const end = points[k + 1]!;
    if (start === end) continue;
    while (nextShift < shiftStarts.length && shiftStarts[nextShift]! <= start) {
      shiftIndex += 1;
      nextShift += 1;
    }
    const primaryWinner = primarySweep.winnerAt(start);
    const secondaryWinner = secondarySweep.winnerAt(start);
    const primaryId = primaryWinner ? primaryWinner.engineerId : basePrimaryId(rotation, shiftIndex);
    const secondaryId = secondaryWinner ? secondaryWinner.engineerId : baseSecondaryId(rotation, shiftIndex);
    const overrideIds = [primaryWinner?.id, secondaryWinner?.id].filter((id): id is Id => id !== undefined);
    if (overrideIds.length === 2 && overrideIds[0]! > overrideIds[1]!) overrideIds.reverse();

    const last = segments[segments.length - 1];
    if (
      last &&
      last.end === start &&
      last.shiftIndex === shiftIndex &&
      last.primaryId === primaryId &&
      last.secondaryId === secondaryId &&
      sameIds(last.overrideIds, overrideIds)
    ) {
      last.end = end;
    } else {
      segments.push({ start, end, primaryId, secondaryId, shiftIndex, overrideIds });
    }
  }
  return segments;
}

function sameIds(a: readonly Id[], b: readonly Id[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

export function toSegment(segment: SegmentMs): Segment {
  return {
    startsAt: toInstant(segment.start),
    endsAt: toInstant(segment.end),
    primaryId: segment.primaryId,
    secondaryId: segment.secondaryId,
    shiftIndex: segment.shiftIndex,
    overrideIds: segment.overrideIds,
  };
}

export function toSegmentMs(segment: Segment): SegmentMs {
  return { ...segment, start: toMs(segment.startsAt), end: toMs(segment.endsAt) };
}

/** The computed schedule over [from, to): base shifts overlaid by overrides, latest wins. */
export function computeSegments(
  rotation: Rotation,
  overrides: readonly Override[],
  from: IsoInstant,
  to: IsoInstant,
): Segment[] {
  return computeSegmentsMs(rotation, overrides, toMs(from), toMs(to)).map(toSegment);
}

export interface OnCall {
  primaryId: Id | null;
  secondaryId: Id | null;
  /** The segment containing the instant; null before the rotation starts. */
  segment: Segment | null;
}

export function onCallAt(rotation: Rotation, overrides: readonly Override[], instant: IsoInstant): OnCall {
  const ms = toMs(instant);
  const [segment] = computeSegmentsMs(rotation, overrides, ms, ms + 1);
  if (!segment) return { primaryId: null, secondaryId: null, segment: null };
  const whole = computeSegmentsMs(
    rotation,
    overrides,
    shiftStartMs(rotation, segment.shiftIndex),
    shiftStartMs(rotation, segment.shiftIndex + 1),
  );
  const containing = whole.find((s) => s.start <= ms && ms < s.end) ?? segment;
  return { primaryId: containing.primaryId, secondaryId: containing.secondaryId, segment: toSegment(containing) };
}

export interface Handoff {
  at: IsoInstant;
  fromId: Id | null;
  toId: Id | null;
}

/**
 * The next moment after `instant` at which the primary changes, or null when it never
 * does (a one-person rotation with no overrides ahead, or no members).
 */
export function nextHandoff(rotation: Rotation, overrides: readonly Override[], instant: IsoInstant): Handoff | null {
  const ms = toMs(instant);
  const current = onCallAt(rotation, overrides, instant).primaryId;
  const cycle = shiftStartMs(rotation, shiftIndexAt(rotation, ms) + rotation.memberIds.length + 2);
  const lastOverrideEnd = overrides.reduce((latest, o) => Math.max(latest, toMs(o.endsAt)), 0);
  const horizon = Math.max(cycle, lastOverrideEnd, shiftStartMs(rotation, 1));
  const change = computeSegmentsMs(rotation, overrides, ms + 1, horizon).find((s) => s.primaryId !== current);
  return change ? { at: toInstant(change.start), fromId: current, toId: change.primaryId } : null;
}

// ---------------------------------------------------------------------------------------
// Changes: what an edit adds and removes, so it can be applied, undone and redone

/**
 * An override to be created. `twinIndex` points at its twin within the same Change's `add`
 * (swaps); applyChange turns it into twinId. When an undo puts a removed override back, the
 * draft carries the override's own id, createdAt and twinId, so it returns exactly as it was
 * (including its precedence).
 */
export interface OverrideDraft extends Omit<Override, 'id' | 'createdAt' | 'twinId'> {
  twinIndex?: number | null;
  id?: Id;
  createdAt?: IsoInstant;
  twinId?: Id | null;
}

/** Drafts are created in order: a later draft wins over an earlier one where they overlap. */
export interface Change {
  add: OverrideDraft[];
  remove: Override[];
}

/** A change as it was applied: every added override has its id. This is what undo inverts. */
export interface AppliedChange {
  add: Override[];
  remove: Override[];
}

/**
 * Applies a change to a list of overrides. New overrides get ids from `idFactory`, which must
 * hand out increasing ids above the existing ones (as the database's autoincrement does), in
 * `add` order, so that a later draft wins where drafts of one change overlap. `createdAt`
 * defaults to one millisecond after the newest existing override, so the change wins over
 * everything already there.
 */
export function applyChange(
  overrides: readonly Override[],
  change: Change,
  idFactory: () => Id,
  createdAt?: IsoInstant,
): { overrides: Override[]; applied: AppliedChange } {
  const removedIds = new Set(change.remove.map((o) => o.id));
  const kept = overrides.filter((o) => !removedIds.has(o.id));
  const stamp =
    createdAt ??
    toInstant(overrides.reduce((latest, o) => Math.max(latest, toMs(o.createdAt) + 1), Date.UTC(2000, 0, 1)));
  const ids = change.add.map((draft) => draft.id ?? idFactory());
  const added: Override[] = change.add.map((draft, i) => {
    const { twinIndex, id: _id, createdAt: _createdAt, twinId, ...fields } = draft;
    const twinFromIndex = twinIndex !== undefined && twinIndex !== null ? (ids[twinIndex] ?? null) : null;
    return { ...fields, id: ids[i]!, createdAt: draft.createdAt ?? stamp, twinId: twinId ?? twinFromIndex };
  });
  return { overrides: [...kept, ...added], applied: { add: added, remove: [...change.remove] } };
}

/** Ids for a change that is only being looked at (what-if, planning): increasing, above every existing id. */
export function provisionalIds(overrides: readonly Override[]): () => Id {
  let next = overrides.reduce((max, o) => Math.max(max, o.id), 0);
  return () => (next += 1);
}

/** The change that undoes an applied change: removes what it added, restores what it removed. */
export function invertChange(applied: AppliedChange): AppliedChange {
  return { add: [...applied.remove], remove: [...applied.add] };
}

// ---------------------------------------------------------------------------------------
// Operations

const OTHER_ROLE: Record<Role, Role> = { primary: 'secondary', secondary: 'primary' };

const holderOf = (segment: SegmentMs, role: Role): Id | null =>
  role === 'primary' ? segment.primaryId : segment.secondaryId;

interface Piece {
  role: Role;
  engineerId: Id;
  start: number;
  end: number;
}

/** Joins touching pieces of the same role and engineer. */
function mergePieces(pieces: readonly Piece[]): Piece[] {
  const sorted = [...pieces].sort((a, b) => (a.role === b.role ? a.start - b.start : a.role === 'primary' ? -1 : 1));
  const merged: Piece[] = [];
  for (const piece of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.role === piece.role && last.engineerId === piece.engineerId && last.end === piece.start)
      last.end = piece.end;
    else merged.push({ ...piece });
  }
  return merged;
}

interface DraftContext {
  rotationId: Id;
  kind: OverrideKind;
  reason: string;
}

function toDraft(piece: Piece, context: DraftContext, twinIndex: number | null = null): OverrideDraft {
  return {
    rotationId: context.rotationId,
    startsAt: toInstant(piece.start),
    endsAt: toInstant(piece.end),
    role: piece.role,
    engineerId: piece.engineerId,
    kind: context.kind,
    reason: context.reason,
    twinIndex,
  };
}

/** An override and the companions it needs to keep the roles distinct; companions link to it as twins. */
interface Assignment {
  main: Piece;
  companions: Piece[];
}

/**
 * Puts `engineerId` in `role` over [start, end). Where that engineer currently holds the other
 * role, the person they replace takes that other role instead, so primary and secondary stay
 * two people (D covering Christmas while already secondary makes the displaced primary the
 * backup for those hours).
 */
function assign(current: readonly SegmentMs[], start: number, end: number, role: Role, engineerId: Id): Assignment {
  const other = OTHER_ROLE[role];
  const companions: Piece[] = [];
  for (const segment of current) {
    const from = Math.max(segment.start, start);
    const to = Math.min(segment.end, end);
    const displaced = holderOf(segment, role);
    if (from < to && holderOf(segment, other) === engineerId && displaced !== null && displaced !== engineerId) {
      companions.push({ role: other, engineerId: displaced, start: from, end: to });
    }
  }
  return { main: { role, engineerId, start, end }, companions: mergePieces(companions) };
}

/** Drafts of assignments: each main override, then its companions pointing at it, so removing it removes them. */
function assignmentDrafts(assignments: readonly Assignment[], context: DraftContext): OverrideDraft[] {
  const drafts: OverrideDraft[] = [];
  for (const { main, companions } of assignments) {
    const mainIndex = drafts.length;
    drafts.push(toDraft(main, context));
    for (const companion of companions) drafts.push(toDraft(companion, context, mainIndex));
  }
  return drafts;
}

/** The engineer who is primary for the largest part of the given segments. */
function mainPrimary(segments: readonly SegmentMs[]): Id | null {
  const time = new Map<Id, number>();
  for (const s of segments)
    if (s.primaryId !== null) time.set(s.primaryId, (time.get(s.primaryId) ?? 0) + s.end - s.start);
  let best: Id | null = null;
  for (const [id, ms] of time) if (best === null || ms > time.get(best)!) best = id;
  return best;
}

function shiftSegments(rotation: Rotation, overrides: readonly Override[], shiftIndex: number): SegmentMs[] {
  return computeSegmentsMs(
    rotation,
    overrides,
    shiftStartMs(rotation, shiftIndex),
    shiftStartMs(rotation, shiftIndex + 1),
  );
}

/** Who holds a shift: the engineer who is primary for most of it, overrides included. */
export function shiftOwner(rotation: Rotation, overrides: readonly Override[], shiftIndex: number): Id | null {
  return mainPrimary(shiftSegments(rotation, overrides, shiftIndex));
}

/**
 * Swaps two shifts between the engineers who hold them (the primary for most of each):
 * within both shifts, every duty of A becomes B's and every duty of B becomes A's, in either
 * role. So A takes B's week, B takes A's, and a backup duty that would clash (B was A's
 * secondary) is exchanged too. The two primary overrides are twins; any secondary override
 * points at the primary override of its own shift.
 */
export function swapShifts(
  rotation: Rotation,
  overrides: readonly Override[],
  shiftA: number,
  shiftB: number,
  reason: string,
): Change {
  if (shiftA === shiftB) return { add: [], remove: [] };
  const segmentsA = shiftSegments(rotation, overrides, shiftA);
  const segmentsB = shiftSegments(rotation, overrides, shiftB);
  const engineerA = mainPrimary(segmentsA);
  const engineerB = mainPrimary(segmentsB);
  if (engineerA === null || engineerB === null || engineerA === engineerB) return { add: [], remove: [] };

  const exchange = (id: Id | null): Id | null => (id === engineerA ? engineerB : id === engineerB ? engineerA : id);
  const exchangedPieces = (segments: readonly SegmentMs[]): Piece[] =>
    mergePieces(
      segments.flatMap((segment) =>
        (['primary', 'secondary'] as const).flatMap((role) => {
          const before = holderOf(segment, role);
          const after = exchange(before);
          return after !== null && after !== before
            ? [{ role, engineerId: after, start: segment.start, end: segment.end }]
            : [];
        }),
      ),
    );

  const context: DraftContext = { rotationId: rotation.id, kind: 'swap', reason };
  const piecesA = exchangedPieces(segmentsA);
  const piecesB = exchangedPieces(segmentsB);
  // Primary pieces come first (mergePieces sorts them so), so index 0 of each week is its primary half.
  const offsetB = piecesA.length;
  const draftsA = piecesA.map((piece, i) => toDraft(piece, context, i === 0 ? offsetB : 0));
  const draftsB = piecesB.map((piece, i) => toDraft(piece, context, i === 0 ? 0 : offsetB));
  return { add: [...draftsA, ...draftsB], remove: [] };
}

/** The instant halfway through a shift (elapsed time, so DST weeks split evenly too). */
export function shiftMidpoint(rotation: Rotation, shiftIndex: number): IsoInstant {
  const start = shiftStartMs(rotation, shiftIndex);
  return toInstant(start + Math.round((shiftStartMs(rotation, shiftIndex + 1) - start) / 2));
}

/**
 * Splits a shift at `atInstant`: `role` (primary by default) goes to the first engineer
 * before it and to the second engineer after it (the seeds' Thanksgiving week).
 */
export function splitShift(
  rotation: Rotation,
  overrides: readonly Override[],
  shiftIndex: number,
  atInstant: IsoInstant,
  firstEngineerId: Id,
  secondEngineerId: Id,
  reason: string,
  role: Role = 'primary',
): Change {
  const start = shiftStartMs(rotation, shiftIndex);
  const end = shiftStartMs(rotation, shiftIndex + 1);
  const at = toMs(atInstant);
  if (!(start < at && at < end)) {
    const zone = rotation.timeZone;
    throw new DomainError(
      'invalid_input',
      `The split moment ${formatMoment(at, zone)} is not inside that shift (${formatMoment(start, zone)} to ${formatMoment(end, zone)}).`,
    );
  }
  const current = shiftSegments(rotation, overrides, shiftIndex);
  const context: DraftContext = { rotationId: rotation.id, kind: 'split', reason };
  const halves = [assign(current, start, at, role, firstEngineerId), assign(current, at, end, role, secondEngineerId)];
  return { add: assignmentDrafts(halves, context), remove: [] };
}

export interface CoverOptions {
  /**
   * The rotation's current overrides. When given, an engineer who covers a role while holding
   * the other one hands that other role to the person they replace (see assign);
   * without them the cover is a single override and the checks report any clash.
   */
  overrides?: readonly Override[];
}

function coverRangesMs(
  rotation: Rotation,
  ranges: readonly (readonly [number, number])[],
  role: Role,
  engineerId: Id,
  context: DraftContext,
  options: CoverOptions,
): Change {
  const assignments = ranges.map(([start, end]) => {
    if (!(start < end)) throw new RangeError('A cover must end after it starts');
    const current = options.overrides ? computeSegmentsMs(rotation, options.overrides, start, end) : [];
    return assign(current, start, end, role, engineerId);
  });
  return { add: assignmentDrafts(assignments, context), remove: [] };
}

/** `engineerId` covers `role` over [from, to) (hours or days, any length). */
export function coverRange(
  rotation: Rotation,
  from: IsoInstant,
  to: IsoInstant,
  role: Role,
  engineerId: Id,
  kind: OverrideKind,
  reason: string,
  options: CoverOptions = {},
): Change {
  return coverRangesMs(
    rotation,
    [[toMs(from), toMs(to)]],
    role,
    engineerId,
    { rotationId: rotation.id, kind, reason },
    options,
  );
}

/** `engineerId` covers `role` on whole local days (midnight to midnight in the rotation's zone). */
export function coverDays(
  rotation: Rotation,
  dates: readonly IsoDate[],
  role: Role,
  engineerId: Id,
  kind: OverrideKind,
  reason: string,
  options: CoverOptions = {},
): Change {
  const sorted = [...new Set(dates)].sort();
  const runs: [IsoDate, IsoDate][] = [];
  for (const date of sorted) {
    const run = runs[runs.length - 1];
    if (run && addDays(run[1], 1) === date) run[1] = date;
    else runs.push([date, date]);
  }
  const ranges = runs.map(
    ([first, last]) =>
      [startOfLocalDayMs(first, rotation.timeZone), startOfLocalDayMs(addDays(last, 1), rotation.timeZone)] as const,
  );
  return coverRangesMs(rotation, ranges, role, engineerId, { rotationId: rotation.id, kind, reason }, options);
}

/** A cover as the calendar asks for it: a span of time, or whole local days. */
export type CoverRequest = {
  role: Role;
  engineerId: Id;
  kind: OverrideKind;
  reason: string;
} & ({ op: 'cover'; from: IsoInstant; to: IsoInstant } | { op: 'cover-days'; dates: readonly IsoDate[] });

/**
 * The instants a cover touches. The overrides around them (what computeSegments needs for
 * that span) are all coverChange needs: the main process reads only those, and the calendar
 * can work out a drop's result from the schedule it has loaded.
 */
export function coverSpan(rotation: Rotation, request: CoverRequest): [IsoInstant, IsoInstant] {
  if (request.op === 'cover') return [toInstant(toMs(request.from)), toInstant(toMs(request.to))];
  const dates = [...request.dates].sort();
  return [
    toInstant(startOfLocalDayMs(dates[0]!, rotation.timeZone)),
    toInstant(startOfLocalDayMs(addDays(dates[dates.length - 1]!, 1), rotation.timeZone)),
  ];
}

/** The change a cover makes, given (at least) the overrides touching its span. */
export function coverChange(rotation: Rotation, request: CoverRequest, overrides: readonly Override[]): Change {
  const { role, engineerId, kind, reason } = request;
  return request.op === 'cover'
    ? coverRange(rotation, request.from, request.to, role, engineerId, kind, reason, { overrides })
    : coverDays(rotation, request.dates, role, engineerId, kind, reason, { overrides });
}

/**
 * Removes an override. Given the rotation's overrides, it also removes every override linked
 * to it through twins, so deleting one half of a swap deletes the whole swap.
 */
export function removeOverride(override: Override, overrides: readonly Override[] = []): Change {
  const byId = new Map(overrides.map((o) => [o.id, o]));
  byId.set(override.id, override);
  const linked = new Set<Id>([override.id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const o of byId.values()) {
      if (linked.has(o.id)) continue;
      const pointsIn = o.twinId !== null && linked.has(o.twinId);
      const pointedAt = [...linked].some((id) => byId.get(id)?.twinId === o.id);
      if (pointsIn || pointedAt) {
        linked.add(o.id);
        grew = true;
      }
    }
  }
  return { add: [], remove: [...linked].map((id) => byId.get(id)!) };
}

// ---------------------------------------------------------------------------------------
// Unavailability

/** The instants [start, end) an unavailability covers: whole local days in `timeZone`. */
export function unavailabilityMs(unavailability: Unavailability, timeZone: string): [number, number] {
  return [
    startOfLocalDayMs(unavailability.startDate, timeZone),
    startOfLocalDayMs(addDays(unavailability.endDate, 1), timeZone),
  ];
}

export interface UnavailableSpan {
  engineerId: Id;
  start: number;
  end: number;
  unavailability: Unavailability;
}

/**
 * Unavailability as instants. PTO dates are the engineer's own days, so they are read in the
 * engineer's time zone when the engineer is known, else in the rotation's.
 */
export function unavailableSpans(
  unavailability: readonly Unavailability[],
  engineers: readonly Engineer[],
  fallbackTimeZone: string,
): UnavailableSpan[] {
  const zones = new Map(engineers.map((e) => [e.id, e.timeZone]));
  return unavailability.map((u) => {
    const [start, end] = unavailabilityMs(u, zones.get(u.engineerId) ?? fallbackTimeZone);
    return { engineerId: u.engineerId, start, end, unavailability: u };
  });
}

// ---------------------------------------------------------------------------------------
// Checks

export interface ScheduleCheckInput {
  rotation: Rotation;
  overrides: readonly Override[];
  engineers: readonly Engineer[];
  unavailability: readonly Unavailability[];
  from: IsoInstant;
  to: IsoInstant;
  /** The most shifts in a row one engineer may be primary for (default 1). */
  maxConsecutiveShifts?: number;
  /** Dates in the messages name their year when it is not this one (default: the year of `from`). */
  currentYear?: number;
}

export function scheduleWarnings(input: ScheduleCheckInput): ModelWarning[] {
  const { rotation, engineers } = input;
  const zone = rotation.timeZone;
  const fromMs = toMs(input.from);
  const toMs_ = toMs(input.to);
  const segments = computeSegmentsMs(rotation, input.overrides, fromMs, toMs_);
  const byId = new Map(engineers.map((e) => [e.id, e]));
  const nameOf = (id: Id) => byId.get(id)?.name ?? `Engineer #${id}`;
  const year = input.currentYear ?? yearIn(fromMs, zone);
  const moment = (ms: number) => formatMoment(ms, zone, year);
  const dateSpan = (start: number, end: number) => {
    const first = localDateOf(start, zone);
    const last = localDateOf(end - 1, zone);
    return first === last
      ? `on ${formatDay(first, year)}`
      : `from ${formatDay(first, year)} to ${formatDay(last, year)}`;
  };
  const warning = (
    kind: ModelWarning['kind'],
    message: string,
    engineerIds: Id[],
    start: number,
    end: number,
  ): ModelWarning => ({
    kind,
    message,
    link: { screen: 'calendar', date: localDateOf(start, zone) },
    engineerIds,
    from: toInstant(start),
    to: toInstant(end),
  });
  const warnings: ModelWarning[] = [];

  // Stretches of touching segments that share a property, e.g. "B is both roles".
  const stretches = <K>(keyOf: (s: SegmentMs) => K | null): { key: K; start: number; end: number }[] => {
    const found: { key: K; start: number; end: number }[] = [];
    for (const segment of segments) {
      const key = keyOf(segment);
      const last = found[found.length - 1];
      if (key === null) continue;
      if (last && last.key === key && last.end === segment.start) last.end = segment.end;
      else found.push({ key, start: segment.start, end: segment.end });
    }
    return found;
  };

  for (const { key, start, end } of stretches((s) =>
    s.primaryId !== null && s.primaryId === s.secondaryId ? s.primaryId : null,
  )) {
    warnings.push(
      warning(
        'same_primary_secondary',
        `${nameOf(key)} is both primary and secondary from ${moment(start)} to ${moment(end)}`,
        [key],
        start,
        end,
      ),
    );
  }

  for (const { start, end } of stretches((s) => (s.primaryId === null ? 'gap' : null))) {
    warnings.push(warning('gap', `Nobody is primary on call from ${moment(start)} to ${moment(end)}`, [], start, end));
  }

  // On call during unavailability: one warning per (absence, role), naming the overlapping days.
  const spans = unavailableSpans(input.unavailability, engineers, zone);
  for (const span of spans) {
    for (const role of ['primary', 'secondary'] as const) {
      let overlapStart = Infinity;
      let overlapEnd = -Infinity;
      for (const segment of segments) {
        if (holderOf(segment, role) !== span.engineerId) continue;
        const from = Math.max(segment.start, span.start);
        const to = Math.min(segment.end, span.end);
        if (from < to) {
          overlapStart = Math.min(overlapStart, from);
          overlapEnd = Math.max(overlapEnd, to);
        }
      }
      if (overlapStart < overlapEnd) {
        const why = span.unavailability.reason.trim() ? `PTO (${span.unavailability.reason.trim()})` : 'PTO';
        warnings.push(
          warning(
            'oncall_unavailable',
            `${nameOf(span.engineerId)} is on call (${role}) ${dateSpan(overlapStart, overlapEnd)} during ${why}`,
            [span.engineerId],
            overlapStart,
            overlapEnd,
          ),
        );
      }
    }
  }

  // Back-to-back: runs of whole shifts with the same main primary, longer than the limit.
  const limit = input.maxConsecutiveShifts ?? 1;
  if (segments.length > 0) {
    const firstShift = segments[0]!.shiftIndex;
    const lastShift = segments[segments.length - 1]!.shiftIndex;
    const wholeShifts = computeSegmentsMs(
      rotation,
      input.overrides,
      shiftStartMs(rotation, firstShift),
      shiftStartMs(rotation, lastShift + 1),
    );
    let run: { engineerId: Id; first: number; last: number } | null = null;
    const flush = () => {
      if (run && run.last - run.first + 1 > limit) {
        const start = shiftStartMs(rotation, run.first);
        const end = shiftStartMs(rotation, run.last + 1);
        const count = run.last - run.first + 1;
        warnings.push(
          warning(
            'back_to_back',
            `${nameOf(run.engineerId)} is primary for ${count} shifts in a row (limit ${limit}) ${dateSpan(start, end)}`,
            [run.engineerId],
            start,
            end,
          ),
        );
      }
    };
    for (let index = firstShift; index <= lastShift; index += 1) {
      const owner = mainPrimary(wholeShifts.filter((s) => s.shiftIndex === index));
      if (owner !== null && run && run.engineerId === owner && run.last === index - 1) run.last = index;
      else {
        flush();
        run = owner === null ? null : { engineerId: owner, first: index, last: index };
      }
    }
    flush();
  }

  // Someone who left the team but is still on call.
  for (const engineer of engineers.filter((e) => !e.active)) {
    for (const role of ['primary', 'secondary'] as const) {
      const held = segments.filter((s) => holderOf(s, role) === engineer.id);
      if (held.length === 0) continue;
      const start = held[0]!.start;
      const end = held[held.length - 1]!.end;
      warnings.push(
        warning(
          'inactive_scheduled',
          `${engineer.name} is no longer active but is still scheduled (${role}) ${dateSpan(start, end)}`,
          [engineer.id],
          start,
          end,
        ),
      );
    }
  }

  return warnings.sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
}
