// The on-call schedule: base shifts from a rotation, overlaid by overrides, computed on
// demand (never stored), and the Change an edit makes. The edits themselves are in
// rotation-edits.ts, the checks in rotation-checks.ts; both are exported from here too, so
// callers keep one import.

import type { Id, IsoInstant, Override, Role, Rotation, Segment } from '../model';
import { clipToWindows, coversAlways, coverageWindows } from './layers';
import { addDays, MS_PER_DAY, toInstant, toMs, zonedMs } from './time';

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
  return precedenceOrder({ created: toMs(a.createdAt), id: a.id }, { created: toMs(b.createdAt), id: b.id });
}

/** comparePrecedence over instants parsed once: a sort compares each override many times. */
function precedenceOrder(a: { created: number; id: Id }, b: { created: number; id: Id }): number {
  return a.created - b.created || a.id - b.id;
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
  requestedToMs: number,
): SegmentMs[] {
  const from = Math.max(fromMs, shiftStartMs(rotation, 0));
  // An archived rotation's schedule stops where the lead archived it.
  const toMs_ = rotation.archivedAt === null ? requestedToMs : Math.min(requestedToMs, toMs(rotation.archivedAt));
  if (from >= toMs_) return [];

  // Only the overrides touching the range are ranked: their order among themselves is all that matters.
  const ranked = overrides
    .filter((o) => o.rotationId === rotation.id)
    .map((o) => ({ override: o, id: o.id, start: toMs(o.startsAt), end: toMs(o.endsAt), created: toMs(o.createdAt) }))
    .filter((o) => o.start < o.end && o.end > from && o.start < toMs_)
    .sort(precedenceOrder)
    .map(({ override: o, start, end }, rank) => ({
      override: o,
      ranked: { id: o.id, start, end, engineerId: o.engineerId, rank },
    }));
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
  // A layer answers only in its hours: outside them nobody from this rotation is on call,
  // so every consumer (calendar, who-now, fairness, exports) sees the same clipped schedule.
  return coversAlways(rotation.coverage)
    ? segments
    : clipToWindows(segments, coverageWindows(rotation.coverage, rotation.timeZone, from, toMs_));
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
 * does (a one-person rotation with no overrides ahead, or no members). A layer's primary
 * hands over to nobody where its hours end (toId null), and from nobody where they begin.
 */
export function nextHandoff(rotation: Rotation, overrides: readonly Override[], instant: IsoInstant): Handoff | null {
  const ms = toMs(instant);
  const current = onCallAt(rotation, overrides, instant).primaryId;
  const cycle = shiftStartMs(rotation, shiftIndexAt(rotation, ms) + rotation.memberIds.length + 2);
  const lastOverrideEnd = overrides.reduce((latest, o) => Math.max(latest, toMs(o.endsAt)), 0);
  const horizon = Math.max(cycle, lastOverrideEnd, shiftStartMs(rotation, 1));
  // How far the schedule runs on without a break from `instant`: a gap after it is a hand-off to nobody.
  let reach = ms + 1;
  for (const segment of computeSegmentsMs(rotation, overrides, ms + 1, horizon)) {
    if (segment.start > reach && current !== null) return { at: toInstant(reach), fromId: current, toId: null };
    if (segment.primaryId !== current)
      return { at: toInstant(segment.start), fromId: current, toId: segment.primaryId };
    reach = segment.end;
  }
  return null;
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
  // Fields in the order the database reads them: an override worked out here and one read back
  // compare equal as JSON (the calendar checks what it worked out against what is saved).
  const added = change.add.map((draft, i): Override => {
    const twinFromIndex =
      draft.twinIndex !== undefined && draft.twinIndex !== null ? (ids[draft.twinIndex] ?? null) : null;
    return {
      id: ids[i]!,
      rotationId: draft.rotationId,
      startsAt: draft.startsAt,
      endsAt: draft.endsAt,
      role: draft.role,
      engineerId: draft.engineerId,
      kind: draft.kind,
      reason: draft.reason,
      twinId: draft.twinId ?? twinFromIndex,
      createdAt: draft.createdAt ?? stamp,
    };
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

export * from './rotation-edits';
export * from './rotation-checks';
