// One person on call in two rotations at once. A clash unless either rotation lets its members
// be on call elsewhere at the same time (the lead's "members may be on call elsewhere" option).
// The schedule warnings name it, and the planner is kept from creating it by seeing a person's
// duties in other rotations as time they are not free.
import type { Engineer, Id, ModelWarning, Override, Rotation, Unavailability } from '../model';
import { formatMoment, yearIn } from '../format';
import { doubleDuties, type DoubleDuty, type Duty } from './layers';
import { computeSegmentsMs, shiftIndexAt, shiftStartMs } from './rotation';
import { addDays, localDateOf, startOfLocalDayMs, toInstant } from './time';

/** A rotation with its overrides: enough to compute who is on call in it. */
export interface RotationSchedule {
  rotation: Rotation;
  overrides: readonly Override[];
}

/** Everyone's time on call in a rotation within [fromMs, toMs), both roles, only where it covers. */
export function dutiesOf({ rotation, overrides }: RotationSchedule, fromMs: number, toMs: number): Duty[] {
  const duties: Duty[] = [];
  for (const s of computeSegmentsMs(rotation, overrides, fromMs, toMs)) {
    for (const engineerId of new Set([s.primaryId, s.secondaryId])) {
      if (engineerId !== null) duties.push({ rotationId: rotation.id, engineerId, start: s.start, end: s.end });
    }
  }
  return duties;
}

/** Whether being on call in both rotations at once is a clash: not when either allows it. */
export const clashesAcross = (a: Rotation, b: Rotation): boolean =>
  a.id !== b.id && !a.allowsDoubleDuty && !b.allowsDoubleDuty;

/**
 * The double duties among the schedules that are clashes, within [fromMs, toMs): touching
 * stretches of one person in the same two rotations joined into one.
 */
export function doubleDutyClashes(schedules: readonly RotationSchedule[], fromMs: number, toMs: number): DoubleDuty[] {
  const byId = new Map(schedules.map((s) => [s.rotation.id, s.rotation]));
  const found = doubleDuties(schedules.flatMap((s) => dutiesOf(s, fromMs, toMs))).filter((d) =>
    clashesAcross(byId.get(d.rotationIds[0])!, byId.get(d.rotationIds[1])!),
  );
  const joined: DoubleDuty[] = [];
  for (const duty of found) {
    const same = joined.find(
      (j) =>
        j.engineerId === duty.engineerId &&
        j.rotationIds[0] === duty.rotationIds[0] &&
        j.rotationIds[1] === duty.rotationIds[1] &&
        j.end >= duty.start,
    );
    if (same) same.end = Math.max(same.end, duty.end);
    else joined.push({ ...duty });
  }
  return joined;
}

export interface DoubleDutyWarningInput {
  schedules: readonly RotationSchedule[];
  engineers: readonly Engineer[];
  fromMs: number;
  toMs: number;
  /** Only the clashes this rotation is part of (the calendar of one rotation); all when omitted. */
  rotationId?: Id;
  /** The zone the moments are written in. */
  timeZone: string;
  currentYear?: number;
}

/** The double-duty clashes as schedule warnings: who, in which two rotations, from when to when. */
export function doubleDutyWarnings(input: DoubleDutyWarningInput): ModelWarning[] {
  const { timeZone } = input;
  const names = new Map(input.engineers.map((e) => [e.id, e.name]));
  const rotations = new Map(input.schedules.map((s) => [s.rotation.id, s.rotation.name]));
  const order = input.schedules.map((s) => s.rotation.id);
  // Where its fix changes the schedule: the calendar it is shown on, or (Today) the rotation
  // later in the lead's order, so the first rotation keeps its plan.
  const fixedIn = (ids: readonly [Id, Id]) =>
    input.rotationId ?? (order.indexOf(ids[0]) > order.indexOf(ids[1]) ? ids[0] : ids[1]);
  const year = input.currentYear ?? yearIn(input.fromMs, timeZone);
  return doubleDutyClashes(input.schedules, input.fromMs, input.toMs)
    .filter((d) => input.rotationId === undefined || d.rotationIds.includes(input.rotationId))
    .map((d) => ({
      kind: 'double_duty',
      message:
        `${names.get(d.engineerId) ?? `Engineer #${d.engineerId}`} is on call in ${rotations.get(d.rotationIds[0])} ` +
        `and ${rotations.get(d.rotationIds[1])} at once from ${formatMoment(d.start, timeZone, year)} ` +
        `to ${formatMoment(d.end, timeZone, year)}`,
      link: { screen: 'calendar', date: localDateOf(d.start, timeZone), rotationId: fixedIn(d.rotationIds) },
      engineerIds: [d.engineerId],
      from: toInstant(d.start),
      to: toInstant(d.end),
    }));
}

/** Busy time stands apart from real time away by its negative ids. */
const BUSY_ID_BASE = -1;

const busyReason = (rotation: Rotation) => `on call in ${rotation.name}`;
/** How the time-away check words a clash with busy time: "… during PTO (on call in X)". */
const BUSY_WORDS = /during PTO \(on call in (.+)\)$/;

/**
 * A time-away warning about busy time, as what it is: a double duty. The planner checks busy
 * time as time away, so its fixed and unfixed clashes would otherwise call it PTO.
 */
export function busyWarningAsDoubleDuty(warning: ModelWarning): ModelWarning {
  const words = warning.kind === 'oncall_unavailable' ? BUSY_WORDS.exec(warning.message) : null;
  return words
    ? { ...warning, kind: 'double_duty', message: warning.message.replace(BUSY_WORDS, `while on call in ${words[1]}`) }
    : warning;
}

/**
 * The others' duties that would clash with `rotation`, as time away in the planner's terms
 * (whole days in the engineer's zone). The planner decides whole shifts, so a duty anywhere in
 * a shift keeps its person off that whole shift: every day lying inside the shift is marked,
 * or, for a shift shorter than a day, the day the duty meets it.
 */
export function busyAsTimeAway(
  rotation: Rotation,
  others: readonly RotationSchedule[],
  engineers: readonly Engineer[],
  fromMs: number,
  toMs: number,
): Unavailability[] {
  const zones = new Map(engineers.map((e) => [e.id, e.timeZone]));
  const days = new Map<string, { engineerId: Id; date: string; reason: string }>();
  for (const other of others) {
    if (!clashesAcross(rotation, other.rotation)) continue;
    const reason = busyReason(other.rotation);
    for (const duty of dutiesOf(other, fromMs, toMs)) {
      const zone = zones.get(duty.engineerId) ?? rotation.timeZone;
      const mark = (date: string) =>
        days.set(`${duty.engineerId}|${date}`, { engineerId: duty.engineerId, date, reason });
      const first = Math.max(0, shiftIndexAt(rotation, duty.start));
      const last = shiftIndexAt(rotation, duty.end - 1);
      for (let index = first; index <= last; index += 1) {
        const start = shiftStartMs(rotation, index);
        const end = shiftStartMs(rotation, index + 1);
        let inside = 0;
        for (let date = localDateOf(start, zone); date <= localDateOf(end - 1, zone); date = addDays(date, 1)) {
          if (startOfLocalDayMs(date, zone) >= start && startOfLocalDayMs(addDays(date, 1), zone) <= end) {
            mark(date);
            inside += 1;
          }
        }
        if (inside === 0) mark(localDateOf(Math.max(start, duty.start), zone));
      }
    }
  }
  // Consecutive days of one person, for one reason, as one stretch of time away.
  const sorted = [...days.values()].sort((a, b) => a.engineerId - b.engineerId || (a.date < b.date ? -1 : 1));
  const away: Unavailability[] = [];
  for (const day of sorted) {
    const last = away[away.length - 1];
    if (last && last.engineerId === day.engineerId && addDays(last.endDate, 1) === day.date) last.endDate = day.date;
    else
      away.push({
        id: BUSY_ID_BASE - away.length,
        engineerId: day.engineerId,
        startDate: day.date,
        endDate: day.date,
        reason: day.reason,
      });
  }
  return away;
}
