// What other domains ask of the rotation engine: the team's rotation, its holidays, and the
// fairness figures exactly as the Fairness screen shows them. Plain functions, so a module
// never needs another module's handler table.
import {
  DEFAULT_FAIRNESS_WEIGHTS,
  periodBoundsMs,
  type FairnessInput,
  type FairnessWeights,
  type Period,
} from '../../shared/domain/fairness';
import { holidaysBetween } from '../../shared/domain/holidays';
import { resolvePeriod } from '../../shared/domain/periods';
import { addDays, localDateOf } from '../../shared/domain/time';
import type { PeriodSpec } from '../../shared/ipc/schemas';
import type { Holiday, Id, IsoDate, Override, Rotation } from '../../shared/model';
import { DomainError } from '../../shared/result';
import type { CarryPolicy, LedgerReport } from '../../shared/domain/ledger';
import type { Repositories } from '../db/repositories';
import type { ServiceContext } from '../services/context';
import { ledgerInput } from '../services/ledger';

export const WEIGHTS_KEY = 'fairnessWeights';

/** The rotation asked for, or the team's one rotation (the first) when none is named. */
export function rotationOf(repos: Repositories, rotationId: Id | undefined): Rotation {
  const rotation = rotationId === undefined ? repos.rotations.list()[0] : repos.rotations.get(rotationId);
  if (!rotation) {
    throw new DomainError(
      'not_found',
      rotationId === undefined ? 'There is no rotation yet.' : `There is no rotation #${rotationId}.`,
    );
  }
  return rotation;
}

export const fairnessWeights = (repos: Repositories): FairnessWeights =>
  repos.settings.get<FairnessWeights>(WEIGHTS_KEY) ?? DEFAULT_FAIRNESS_WEIGHTS;

/** The team calendar's holidays from `from` to `to` (both included); none without a calendar. */
export function teamHolidays(repos: Repositories, from: IsoDate, to: IsoDate): Holiday[] {
  const calendar = repos.holidays.teamCalendar();
  return calendar ? holidaysBetween(calendar, from, to) : [];
}

/**
 * The overrides that can shape [from, to) and the shifts around it: a computation inside the
 * range never needs the others, and there may be thousands of them.
 */
export function overridesAround(repos: Repositories, rotation: Rotation, from: string, to: string): Override[] {
  const margin = (rotation.shiftDays + 1) * 86_400_000;
  return repos.rotations.overridesTouching(
    rotation.id,
    new Date(Date.parse(from) - margin).toISOString(),
    new Date(Date.parse(to) + margin).toISOString(),
  );
}

export function periodInstants(rotation: Rotation, period: Period): [string, string] {
  const [from, to] = periodBoundsMs(rotation, period);
  return [new Date(from).toISOString(), new Date(to).toISOString()];
}

/**
 * The time away that can touch the local dates [first, last]: two days' margin either side,
 * as an engineer's own zone may be a day ahead of or behind the team's.
 */
export const unavailabilityNear = (repos: Repositories, first: IsoDate, last: IsoDate) =>
  repos.engineers.unavailabilityBetween(addDays(first, -2), addDays(last, 2));

export function fairnessInput(
  repos: Repositories,
  rotation: Rotation,
  period: Period,
  overrides = overridesAround(repos, rotation, ...periodInstants(rotation, period)),
): FairnessInput {
  return {
    rotation,
    overrides,
    engineers: repos.engineers.list(),
    unavailability: unavailabilityNear(repos, period.startDate, period.endDate),
    holidays: teamHolidays(repos, period.startDate, addDays(period.endDate, 1)),
    period,
    weights: fairnessWeights(repos),
  };
}

export const rotationToday = (now: () => Date, rotation: Rotation): IsoDate =>
  localDateOf(now().toISOString(), rotation.timeZone);

export const fairnessLabel = (period: Period) =>
  `Fairness ${period.label ?? `${period.startDate} to ${period.endDate}`}`;

/** The fairness report over a period, computed in a worker: what `fairness:get` answers. */
export function fairnessReport(
  { repos, now, jobs }: ServiceContext,
  rotationId: Id | undefined,
  period: PeriodSpec,
  carry?: CarryPolicy,
): Promise<LedgerReport> {
  const rotation = rotationOf(repos, rotationId);
  const resolved = resolvePeriod(period, rotation, rotationToday(now, rotation));
  const sources = {
    holidays: (from: IsoDate, to: IsoDate) => teamHolidays(repos, from, to),
    allOverrides: () => repos.rotations.overrides(rotation.id),
  };
  return jobs.run('fairness', ledgerInput(repos, sources, fairnessInput(repos, rotation, resolved), carry), {
    channel: 'fairness:get',
    label: fairnessLabel(resolved),
  });
}
