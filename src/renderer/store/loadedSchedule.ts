// Pure work on the schedule the calendar has loaded: the part of it a range shows, whether two
// loads hold the same, and what it will be once an edit is saved.
import { explainChange } from '../../shared/domain/override-kinds';
import {
  applyChange,
  comparePrecedence,
  computeSegments,
  coverChange,
  coverSpan,
  provisionalIds,
  shiftBounds,
  swapShifts,
  type AppliedChange,
  type Change,
} from '../../shared/domain/rotation';
import { addDays } from '../../shared/domain/time';
import type { ScheduleOperation } from '../../shared/ipc/schemas';
import type { Engineer, IsoInstant } from '../../shared/model';
import type { ScheduleView } from '../../shared/views';

/** The part of a schedule that touches [from, to): what the calendar shows of a larger window. */
export function scheduleWithin(view: ScheduleView, from: IsoInstant, to: IsoInstant): ScheduleView {
  const touches = (item: { startsAt: string; endsAt: string }) => item.startsAt < to && item.endsAt > from;
  return {
    ...view,
    from,
    to,
    // The main process's own rule over the overrides at hand: every one touching [from, to) is.
    segments: computeSegments(view.rotation, view.overrides, from, to),
    overrides: view.overrides.filter(touches),
    // Holidays are whole local dates: a day either side of the instants is harmless to keep.
    holidays: view.holidays.filter((h) => h.date >= addDays(from.slice(0, 10), -1) && h.date <= to.slice(0, 10)),
    warnings: view.warnings.filter((w) => !w.from || !w.to || (w.from < to && w.to > from)),
    drills: {
      drills: view.drills.drills.filter((d) => d.scheduledAt >= from && d.scheduledAt < to),
      due: view.drills.due.filter((d) => d.date >= addDays(from.slice(0, 10), -1) && d.date <= to.slice(0, 10)),
    },
  };
}

/**
 * Whether two schedules hold the same, whichever order their own fields came in (an edit's
 * answer, a packed window). The parts within (an override, a warning) have their fields in one
 * order wherever they are made (applyChange builds an override as the database reads it).
 */
export function sameContent(a: ScheduleView, b: ScheduleView): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof ScheduleView)[]);
  return [...keys].every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

/**
 * The schedule `view` once an edit the main process saved is in it: `applied` is what it wrote,
 * with the ids it gave, so the overrides and segments are exactly what it would answer, in its
 * order (oldest first). An edit's answer then carries only its change, not the whole window.
 * What only the main process weighs (warnings, whose time away is shown) is as it was: the
 * calendar reads it again once the edit is shown.
 */
export function withSavedEdit(
  view: ScheduleView,
  applied: AppliedChange,
  undo: Pick<ScheduleView, 'canUndo' | 'canRedo'>,
): ScheduleView {
  const { overrides } = applyChange(view.overrides, applied, () => {
    throw new Error('A saved override always has its id.');
  });
  const inWindow = overrides.filter((o) => o.startsAt < view.to && o.endsAt > view.from).sort(comparePrecedence);
  return {
    ...view,
    canUndo: undo.canUndo,
    canRedo: undo.canRedo,
    segments: computeSegments(view.rotation, inWindow, view.from, view.to),
    overrides: inWindow,
  };
}

/**
 * What the visible schedule will be once a cover or a swap is saved, worked out with the
 * engine's own rules (and its own words for what made each override) so that it is drawn while
 * the main process saves it, and the answer has nothing left to redraw. Null for other edits,
 * and for an edit reaching beyond the schedule in view (the overrides there are not at hand).
 */
export function expectedAfterEdit(
  view: ScheduleView,
  operation: ScheduleOperation,
  engineers: readonly Engineer[],
): ScheduleView | null {
  const planned = expectedChange(view, operation);
  if (!planned) return null;
  // Without the engineers' names the reasons would differ from the saved ones: leave them to the answer.
  const change =
    engineers.length > 0
      ? explainChange(planned, {
          rotation: view.rotation,
          overrides: view.overrides,
          engineers,
          unavailability: view.unavailability,
        })
      : planned;
  const { overrides } = applyChange(view.overrides, change, provisionalIds(view.overrides));
  return {
    ...view,
    segments: computeSegments(view.rotation, overrides, view.from, view.to),
    overrides: overrides.filter((o) => o.startsAt < view.to && o.endsAt > view.from),
  };
}

function expectedChange(view: ScheduleView, operation: ScheduleOperation): Change | null {
  const { rotation } = view;
  // An edit of another rotation than the one in view changes nothing here.
  if ('rotationId' in operation && operation.rotationId !== undefined && operation.rotationId !== rotation.id)
    return null;
  const inView = (from: IsoInstant, to: IsoInstant) => from >= view.from && to <= view.to;
  switch (operation.op) {
    case 'cover':
    case 'cover-days':
      return inView(...coverSpan(rotation, operation)) ? coverChange(rotation, operation, view.overrides) : null;
    case 'swap': {
      const shifts = [operation.shiftA, operation.shiftB].map((index) => shiftBounds(rotation, index));
      if (!shifts.every((shift) => inView(shift.startsAt, shift.endsAt))) return null;
      const change = swapShifts(rotation, view.overrides, operation.shiftA, operation.shiftB, operation.reason);
      // Nothing to swap: the main process refuses it, and says why.
      return change.add.length > 0 ? change : null;
    }
    default:
      return null;
  }
}
