// What an export is about, gathered once for the ICS, CSV and plan exports and for publishing:
// the rotations asked for (one, several, or all of them), the range in local dates of their
// zone, whole shifts around it, holidays and drills.
import { quarterOf, type Period } from '../../shared/domain/fairness';
import { computeSegments, shiftBounds, shiftIndexAt } from '../../shared/domain/rotation';
import { addDays, localDateOf, startOfLocalDayMs, toInstant } from '../../shared/domain/time';
import type { IcsContent } from '../../shared/ipc/share-schemas';
import type { Engineer, Holiday, Id, IsoDate, Rotation } from '../../shared/model';
import { DomainError } from '../../shared/result';
import type { IcsInput } from '../export/ics';
import { overridesAround, teamHolidays } from '../queries/schedule';
import { teamZone } from '../queries/team';
import type { ServiceContext } from './context';

/** What an export covers: its rotations in the lead's order, the zone its dates are read in, and the period. */
export interface ShareScope {
  rotations: Rotation[];
  zone: string;
  today: IsoDate;
  period: Period;
  /** The period as instants: from the first day's midnight to the midnight after the last day. */
  range: { from: string; to: string };
}

/** The period an export asks for: from and to (both included), else the quarter of today. */
export const rangeOf =
  (from?: IsoDate, to?: IsoDate) =>
  (today: IsoDate): Period =>
    from && to ? { startDate: from, endDate: to, label: `${from} to ${to}` } : quarterOf(today);

/** A period's local dates in `zone` as instants: the first day's midnight to the midnight after the last. */
export const periodRange = (zone: string, period: Period) => ({
  from: toInstant(startOfLocalDayMs(period.startDate, zone)),
  to: toInstant(startOfLocalDayMs(addDays(period.endDate, 1), zone)),
});

export function shareScope({ repos, now }: Pick<ServiceContext, 'repos' | 'now'>) {
  const requireRotation = (rotationId: Id): Rotation => {
    const rotation = repos.rotations.get(rotationId);
    if (rotation) return rotation;
    const names = repos.rotations.list().map((r) => r.name);
    throw new DomainError(
      'not_found',
      `There is no rotation #${rotationId} (the rotations are: ${names.join(', ') || 'none yet'}).`,
    );
  };

  /**
   * The rotations named, else all of them: every active rotation, and one archived during the
   * period (its shifts before then happened). Dates are read in the one rotation's zone, or the
   * team's when the export holds several.
   */
  const scopeOf = (rotationIds: readonly Id[] | undefined, periodOf: (today: IsoDate) => Period): ShareScope => {
    const named = rotationIds?.map(requireRotation);
    const chosen = named ?? repos.rotations.active();
    const zone = chosen.length === 1 ? chosen[0]!.timeZone : teamZone(repos);
    const today = localDateOf(now().toISOString(), zone);
    const period = periodOf(today);
    const range = periodRange(zone, period);
    const rotations = named ?? repos.rotations.list().filter((r) => r.archivedAt === null || r.archivedAt > range.from);
    return { rotations, zone, today, period, range };
  };

  const holidays = (from: IsoDate, to: IsoDate): Holiday[] => teamHolidays(repos, from, to);

  /**
   * The schedule over whole shifts around [from, to), one more on each side: an event's UID
   * comes from its start, so a stretch must never be cut short by where the export range began.
   */
  const wholeShiftSchedule = (rotation: Rotation, from: string, to: string) => {
    const first = shiftBounds(rotation, shiftIndexAt(rotation, from) - 1).startsAt;
    const last = shiftBounds(rotation, shiftIndexAt(rotation, Date.parse(to) - 1) + 1).endsAt;
    // The segments' edits are named by kind and reason: the overrides that shape them go along.
    const overrides = overridesAround(repos, rotation, first, last);
    return { rotation, segments: computeSegments(rotation, overrides, first, last), overrides };
  };

  interface IcsRequest {
    /** Omitted: all rotations (see scopeOf). */
    rotationIds?: readonly Id[] | undefined;
    from?: IsoDate | undefined;
    to?: IsoDate | undefined;
    engineerId?: Id | undefined;
    include: readonly IcsContent[];
    appVersion: string;
  }

  /** Everything buildIcs needs for the request; refuses shifts without a rotation and an unknown engineer. */
  const icsInput = (request: IcsRequest): { input: IcsInput; scope: ShareScope; engineer: Engineer | null } => {
    const { rotationIds, from, to, engineerId, include } = request;
    const scope = scopeOf(rotationIds, rangeOf(from, to));
    const { rotations, period, range } = scope;
    if (include.includes('shifts') && rotations.length === 0)
      throw new DomainError('not_found', 'There is no rotation yet, so there are no shifts to export.');
    const engineer = engineerId === undefined ? null : repos.engineers.get(engineerId);
    if (engineerId !== undefined && !engineer)
      throw new DomainError('not_found', `There is no engineer #${engineerId}.`);
    const pipelines = repos.pipelines.list();
    // A file of chosen rotations holds the drills of the pipelines they answer for.
    const inScope = new Set(pipelines.filter((p) => rotations.some((r) => r.id === p.rotationId)).map((p) => p.id));
    const input: IcsInput = {
      calendarName: engineer
        ? `On call: ${engineer.name}`
        : `${rotations.map((r) => r.name).join(' + ') || 'Watchbill'} (${period.label})`,
      databaseId: repos.publish.databaseId(),
      appVersion: request.appVersion,
      stamp: now(),
      include: [...include],
      rotations: rotations.map((rotation) => wholeShiftSchedule(rotation, range.from, range.to)),
      range,
      engineers: repos.engineers.list(),
      engineerId,
      holidays: holidays(period.startDate, period.endDate),
      drills: repos.drills
        .scheduledBetween(range.from, range.to)
        .filter((d) => !rotationIds || inScope.has(d.pipelineId)),
      pipelineNames: new Map(pipelines.map((p) => [p.id, p.name])),
    };
    return { input, scope, engineer };
  };

  return { requireRotation, scopeOf, holidays, icsInput };
}
