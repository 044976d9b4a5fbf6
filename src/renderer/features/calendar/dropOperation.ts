// What a drop on the calendar asks for, as the operation the main process understands. Pure:
// FullCalendar's drop arguments are reduced to plain values by the screen, so every rule of
// "what did the lead mean" is here and tested without a browser.
import { shiftIndexAt } from '../../../shared/domain/rotation';
import { eachDate } from '../../../shared/domain/time';
import type { ScheduleOperation } from '../../../shared/ipc/schemas';
import type { CoverKind, Id, IsoDate, Role, Rotation, Segment } from '../../../shared/model';
import { fromWall, toWall, wallDate } from './wallclock';

const MS_PER_DAY = 86_400_000;

export type DropOutcome = { operation: ScheduleOperation } | { refusal: string };

/** The reason a swap made on the calendar is journalled with. */
export const SWAP_REASON = 'Swapped on the calendar';

/**
 * A shift dragged by `delta` (days and milliseconds on the wall clock): a swap with the shift
 * its middle lands in. The middle, not the start, so a split piece swaps its own week.
 */
export function swapFromDrop(
  rotation: Rotation,
  segment: Segment,
  delta: { days: number; milliseconds: number },
): DropOutcome {
  const zone = rotation.timeZone;
  const deltaMs = delta.days * MS_PER_DAY + delta.milliseconds;
  const middle = (Date.parse(segment.startsAt) + Date.parse(segment.endsAt)) / 2;
  const landed = Date.parse(`${toWall(middle, zone)}Z`) + deltaMs;
  const target = shiftIndexAt(rotation, fromWall(new Date(landed), zone));
  if (target === segment.shiftIndex || target < 0)
    return { refusal: 'Drop a shift onto another week to swap the two.' };
  return swapOf(segment.shiftIndex, target);
}

/** The swap of two shifts, however it was asked for (a drop, or the keyboard). */
export function swapOf(shiftA: number, shiftB: number): { operation: ScheduleOperation } {
  return { operation: { op: 'swap', shiftA, shiftB, reason: SWAP_REASON } };
}

/** A range picked on the calendar, in FullCalendar's wall-clock dates (end excluded). */
export interface PickedRange {
  start: Date;
  end: Date;
  allDay: boolean;
}

/**
 * An engineer dropped from the roster at `at`: a cover of the picked range when dropped inside
 * it, else of the day dropped on. Whole days on a holiday are holiday covers.
 */
export function coverFromDrop(input: {
  engineerId: Id;
  at: Date;
  picked: PickedRange | null;
  role: Role;
  zone: string;
  holidayDates: ReadonlySet<IsoDate>;
}): ScheduleOperation {
  const { engineerId, at, picked, role, zone } = input;
  const kindOn = (dates: IsoDate[]): CoverKind =>
    dates.some((d) => input.holidayDates.has(d)) ? 'holiday_cover' : 'cover';
  const inside = picked && at.getTime() >= picked.start.getTime() && at.getTime() < picked.end.getTime();
  if (inside && !picked.allDay)
    return {
      op: 'cover',
      from: fromWall(picked.start, zone),
      to: fromWall(picked.end, zone),
      role,
      engineerId,
      kind: 'cover',
      reason: '',
    };
  const dates = inside
    ? eachDate(wallDate(picked.start), wallDate(new Date(picked.end.getTime() - 1)))
    : [wallDate(at)];
  return { op: 'cover-days', dates, role, engineerId, kind: kindOn(dates), reason: '' };
}
