// Who is on call where, across rotations: the double-duty clashes the schedule warnings name,
// and the busy time the planner must keep a rotation clear of.
import { doubleDutyWarnings, type RotationSchedule } from '../../shared/domain/double-duty';
import type { Id, ModelWarning, Rotation } from '../../shared/model';
import type { Repositories } from '../db/repositories';
import { teamZone } from './team';

const DAY_MS = 86_400_000;

/**
 * Every rotation (archived ones too: their schedules end where they were archived) with the
 * overrides that can shape [fromMs, toMs). `except` leaves one out.
 */
export function rotationSchedules(repos: Repositories, fromMs: number, toMs: number, except?: Id): RotationSchedule[] {
  return repos.rotations
    .list()
    .filter((rotation) => rotation.id !== except)
    .map((rotation) => {
      const margin = (rotation.shiftDays + 1) * DAY_MS;
      const overrides = repos.rotations.overridesTouching(
        rotation.id,
        new Date(fromMs - margin).toISOString(),
        new Date(toMs + margin).toISOString(),
      );
      return { rotation, overrides };
    });
}

/**
 * The double-duty clashes within [from, to), as schedule warnings: those `rotation` takes part
 * in, written in its zone (a rotation's calendar), or, with null, every one, written in the
 * team's zone (Today).
 */
export function doubleDutyWarningsFor(
  repos: Repositories,
  rotation: Rotation | null,
  from: string,
  to: string,
  currentYear: number,
): ModelWarning[] {
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  const schedules = rotationSchedules(repos, fromMs, toMs);
  if (schedules.length < 2) return [];
  return doubleDutyWarnings({
    schedules,
    engineers: repos.engineers.list(),
    fromMs,
    toMs,
    ...(rotation && { rotationId: rotation.id }),
    timeZone: rotation?.timeZone ?? teamZone(repos),
    currentYear,
  });
}
