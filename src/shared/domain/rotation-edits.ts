// The edit operations the calendar offers (swap, split, cover, remove), each returning a
// Change that can be applied and inverted.
import type { Id, IsoDate, IsoInstant, Override, OverrideKind, Role, Rotation } from '../model';
import { formatMoment } from '../format';
import { DomainError } from '../result';
import { addDays, startOfLocalDayMs, toInstant, toMs } from './time';
import { computeSegmentsMs, shiftStartMs, type Change, type OverrideDraft, type SegmentMs } from './rotation';

// ---------------------------------------------------------------------------------------
// Operations

const OTHER_ROLE: Record<Role, Role> = { primary: 'secondary', secondary: 'primary' };

export const holderOf = (segment: SegmentMs, role: Role): Id | null =>
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
export function mainPrimary(segments: readonly SegmentMs[]): Id | null {
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
