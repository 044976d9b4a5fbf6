// The calendar's window of the schedule as it crosses the bridge (`schedule:window`): a
// ScheduleView without what the renderer computes itself, and its overrides and time away as
// rows of plain values. The calendar asks for months either side of the range in view, so at
// 200 engineers the full view was about 100 KB, most of it the same field names and
// timestamps repeated hundreds of times; this is about a quarter of that.
//
// - segments are left out: the renderer computes them with the engine's own computeSegments
//   from the rotation and the overrides (every override touching the window is in it, and
//   none outside can shape a segment inside);
// - an override is a row [id, startsAt, endsAt, role, engineerId, kind, reason, twinId, stamp]:
//   its instants as whole minutes since the epoch (hand-offs, midnights and picked times all
//   are) or, when not a whole minute, their ISO text; `stamp` indexes `stamps`, the distinct
//   creation instants (one edit stamps all its overrides alike, an applied plan hundreds);
//   the rotation is the window's own;
// - time away is a row [id, engineerId, startDate, endDate, reason].
//
// unpackScheduleWindow gives back exactly the ScheduleView that `schedule:get` answers for
// the same range, so every screen and rule keeps working on ScheduleView.
import { computeSegments } from './domain/rotation';
import type { Id, IsoDate, IsoInstant, Override, OverrideKind, Role, Unavailability } from './model';
import type { ScheduleView } from './views';

/** An instant: whole minutes since the epoch, or its ISO text when it is not a whole minute. */
export type WireInstant = number | IsoInstant;

export type OverrideRow = [
  id: Id,
  startsAt: WireInstant,
  endsAt: WireInstant,
  role: Role,
  engineerId: Id,
  kind: OverrideKind,
  reason: string,
  twinId: Id | null,
  /** Index into ScheduleWindow.stamps. */
  stamp: number,
];

export type TimeAwayRow = [id: Id, engineerId: Id, startDate: IsoDate, endDate: IsoDate, reason: string];

export interface ScheduleWindow extends Omit<ScheduleView, 'segments' | 'overrides' | 'unavailability'> {
  /** The overrides that touch [from, to), as rows. */
  overrides: OverrideRow[];
  /** The distinct createdAt instants of the overrides (their precedence: later wins). */
  stamps: IsoInstant[];
  /** The time away that touches the window, as rows. */
  unavailability: TimeAwayRow[];
}

const MS_PER_MINUTE = 60_000;

function packInstant(instant: IsoInstant): WireInstant {
  const ms = Date.parse(instant);
  return ms % MS_PER_MINUTE === 0 ? ms / MS_PER_MINUTE : instant;
}

function unpackInstant(value: WireInstant): IsoInstant {
  return typeof value === 'number' ? new Date(value * MS_PER_MINUTE).toISOString() : value;
}

/** The window of a view (its segments not needed: the renderer computes them). */
export function packScheduleWindow(view: Omit<ScheduleView, 'segments'>): ScheduleWindow {
  const { overrides, unavailability, ...rest } = view;
  const stamps: IsoInstant[] = [];
  const stampIndex = new Map<IsoInstant, number>();
  const stampOf = (createdAt: IsoInstant) => {
    let index = stampIndex.get(createdAt);
    if (index === undefined) {
      index = stamps.push(createdAt) - 1;
      stampIndex.set(createdAt, index);
    }
    return index;
  };
  return {
    ...rest,
    overrides: overrides.map((o) => [
      o.id,
      packInstant(o.startsAt),
      packInstant(o.endsAt),
      o.role,
      o.engineerId,
      o.kind,
      o.reason,
      o.twinId,
      stampOf(o.createdAt),
    ]),
    stamps,
    unavailability: unavailability.map((u) => [u.id, u.engineerId, u.startDate, u.endDate, u.reason]),
  };
}

/** The ScheduleView a window stands for, its segments computed as the main process computes them. */
export function unpackScheduleWindow(window: ScheduleWindow): ScheduleView {
  const { overrides: rows, stamps, unavailability: away, ...rest } = window;
  const overrides = rows.map(([id, startsAt, endsAt, role, engineerId, kind, reason, twinId, stamp]): Override => ({
    id,
    rotationId: window.rotation.id,
    startsAt: unpackInstant(startsAt),
    endsAt: unpackInstant(endsAt),
    role,
    engineerId,
    kind,
    reason,
    twinId,
    createdAt: stamps[stamp]!,
  }));
  const unavailability = away.map(([id, engineerId, startDate, endDate, reason]): Unavailability => ({
    id,
    engineerId,
    startDate,
    endDate,
    reason,
  }));
  return {
    ...rest,
    segments: computeSegments(window.rotation, overrides, window.from, window.to),
    overrides,
    unavailability,
  };
}
