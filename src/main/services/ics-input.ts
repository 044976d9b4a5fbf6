// What a calendar file is made of, gathered once for the ICS export and for publishing: the
// team's rotation, the range in its local dates, whole shifts around it, holidays and drills.
import { quarterOf, type Period } from '../../shared/domain/fairness';
import { computeSegments, shiftBounds, shiftIndexAt } from '../../shared/domain/rotation';
import { addDays, localDateOf, startOfLocalDayMs, toInstant } from '../../shared/domain/time';
import type { IcsContent } from '../../shared/ipc/share-schemas';
import type { Engineer, Holiday, Id, IsoDate, Rotation } from '../../shared/model';
import { DomainError } from '../../shared/result';
import type { IcsInput } from '../export/ics';
import { rotationOf, teamHolidays } from '../queries/schedule';
import { teamZone } from '../queries/team';
import type { ServiceContext } from './context';

export function shareScope({ repos, now }: Pick<ServiceContext, 'repos' | 'now'>) {
  // The rotation named, or the only one in use; with several the caller says which (rotationOf
  // asks); none before the team has a rotation (a file of holidays and drills only).
  const teamRotation = (rotationId: Id | undefined): Rotation | null =>
    rotationId === undefined && repos.rotations.active().length === 0 ? null : rotationOf(repos, rotationId);
  const zoneOf = (rotation: Rotation | null) => rotation?.timeZone ?? teamZone(repos);
  const today = (rotation: Rotation | null) => localDateOf(now().toISOString(), zoneOf(rotation));
  const rangeOf = (rotation: Rotation | null, from?: IsoDate, to?: IsoDate): Period =>
    from && to ? { startDate: from, endDate: to, label: `${from} to ${to}` } : quarterOf(today(rotation));
  const instants = (rotation: Rotation | null, period: Period) => ({
    from: toInstant(startOfLocalDayMs(period.startDate, zoneOf(rotation))),
    to: toInstant(startOfLocalDayMs(addDays(period.endDate, 1), zoneOf(rotation))),
  });
  const holidays = (from: IsoDate, to: IsoDate): Holiday[] => teamHolidays(repos, from, to);

  /**
   * The schedule over whole shifts around [from, to), one more on each side: an event's UID
   * comes from its start, so a stretch must never be cut short by where the export range began.
   */
  const wholeShiftSegments = (rotation: Rotation, from: string, to: string) => {
    const first = shiftBounds(rotation, shiftIndexAt(rotation, from) - 1).startsAt;
    const last = shiftBounds(rotation, shiftIndexAt(rotation, Date.parse(to) - 1) + 1).endsAt;
    return computeSegments(rotation, repos.rotations.overrides(rotation.id), first, last);
  };

  interface IcsRequest {
    rotationId?: Id | undefined;
    from?: IsoDate | undefined;
    to?: IsoDate | undefined;
    engineerId?: Id | undefined;
    include: readonly IcsContent[];
    appVersion: string;
  }

  /** Everything buildIcs needs for the request; refuses shifts without a rotation and an unknown engineer. */
  const icsInput = (request: IcsRequest): { input: IcsInput; period: Period; engineer: Engineer | null } => {
    const { rotationId, from, to, engineerId, include } = request;
    const rotation = teamRotation(rotationId);
    if (include.includes('shifts') && !rotation)
      throw new DomainError('not_found', 'There is no rotation yet, so there are no shifts to export.');
    const engineer = engineerId === undefined ? null : repos.engineers.get(engineerId);
    if (engineerId !== undefined && !engineer)
      throw new DomainError('not_found', `There is no engineer #${engineerId}.`);
    const period = rangeOf(rotation, from, to);
    const range = instants(rotation, period);
    const input: IcsInput = {
      calendarName: engineer ? `On call: ${engineer.name}` : `${rotation?.name ?? 'Watchbill'} (${period.label})`,
      databaseId: repos.publish.databaseId(),
      appVersion: request.appVersion,
      stamp: now(),
      include: [...include],
      rotation,
      range,
      segments: rotation ? wholeShiftSegments(rotation, range.from, range.to) : [],
      overrides: rotation ? repos.rotations.overrides(rotation.id) : [],
      engineers: repos.engineers.list(),
      engineerId,
      holidays: holidays(period.startDate, period.endDate),
      drills: repos.drills.scheduledBetween(range.from, range.to),
      pipelineNames: new Map(repos.pipelines.list().map((p) => [p.id, p.name])),
    };
    return { input, period, engineer };
  };

  return { teamRotation, zoneOf, today, rangeOf, instants, holidays, icsInput };
}
