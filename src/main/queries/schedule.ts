// What other domains ask of the rotation engine: the team's rotation, its holidays, and the
// fairness figures exactly as the Fairness screen shows them. Plain functions, so a module
// never needs another module's handler table.
import {
  DEFAULT_FAIRNESS_WEIGHTS,
  historyStart,
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
import {
  CARRY_POLICIES,
  DEFAULT_CARRY_POLICY,
  type CarryPolicy,
  type LedgerInput,
  type LedgerReport,
} from '../../shared/domain/ledger';
import type { Repositories } from '../db/repositories';
import type { ServiceContext } from '../services/context';

export const WEIGHTS_KEY = 'fairnessWeights';

/**
 * The rotation asked for, or, when none is named, the only rotation in use: with several, the
 * caller must say which (a rotation id travels from the screen to the repository).
 */
export function rotationOf(repos: Repositories, rotationId: Id | undefined): Rotation {
  if (rotationId !== undefined) {
    const rotation = repos.rotations.get(rotationId);
    if (!rotation) throw new DomainError('not_found', `There is no rotation #${rotationId}.`);
    return rotation;
  }
  const active = repos.rotations.active();
  if (active.length === 1) return active[0]!;
  if (active.length === 0) throw new DomainError('not_found', 'There is no rotation yet.');
  throw new DomainError(
    'conflict',
    `Say which rotation: the team has ${active.length} (${active.map((r) => r.name).join(', ')}).`,
  );
}

/** Weights a rotation sets for itself (rotation id → weights); a rotation without any uses the file's. */
export const ROTATION_WEIGHTS_KEY = 'rotationFairnessWeights';

export const rotationOwnWeights = (repos: Repositories): Record<string, FairnessWeights> =>
  repos.settings.get<Record<string, FairnessWeights>>(ROTATION_WEIGHTS_KEY) ?? {};

/** The weights a rotation's burden is counted with: its own when it has them, else the file's. */
export const fairnessWeights = (repos: Repositories, rotationId?: Id): FairnessWeights =>
  (rotationId !== undefined ? rotationOwnWeights(repos)[String(rotationId)] : undefined) ??
  repos.settings.get<FairnessWeights>(WEIGHTS_KEY) ??
  DEFAULT_FAIRNESS_WEIGHTS;

/** The team calendar's holidays from `from` to `to` (both included); none without a calendar. */
export function teamHolidays(repos: Repositories, from: IsoDate, to: IsoDate): Holiday[] {
  const calendar = repos.holidays.teamCalendar();
  return calendar ? holidaysBetween(calendar, from, to) : [];
}

/**
 * The overrides that can shape [from, to) and the shifts around it: a computation inside the
 * range never needs the others, and there may be thousands of them. Without `to`, every one
 * from around `from` on (what looks ahead as far as anything is planned).
 */
export function overridesAround(repos: Repositories, rotation: Rotation, from: string, to?: string): Override[] {
  const margin = (rotation.shiftDays + 1) * 86_400_000;
  return repos.rotations.overridesTouching(
    rotation.id,
    new Date(Date.parse(from) - margin).toISOString(),
    to === undefined ? undefined : new Date(Date.parse(to) + margin).toISOString(),
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

/**
 * The time away that can touch the instants [from, to): a record's dates are local days in
 * the engineer's zone (or the rotation's), and a local date is never more than a day from the
 * UTC date of the same instant, so the UTC dates of the ends with unavailabilityNear's two
 * days' margin keep every record that touches the range in any zone.
 */
export const unavailabilityAround = (repos: Repositories, from: string, to: string) =>
  unavailabilityNear(repos, new Date(from).toISOString().slice(0, 10), new Date(to).toISOString().slice(0, 10));

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
    weights: fairnessWeights(repos, rotation.id),
  };
}

export const rotationToday = (now: () => Date, rotation: Rotation): IsoDate =>
  localDateOf(now().toISOString(), rotation.timeZone);

export const fairnessLabel = (period: Period) =>
  `Fairness ${period.label ?? `${period.startDate} to ${period.endDate}`}`;

export const CARRY_KEY = 'carryPolicy';

/** The file's carry-over policy; the default when never set (or set by a newer version to something unknown). */
export function carryPolicyOf(repos: Repositories): CarryPolicy {
  const stored = repos.settings.get<string>(CARRY_KEY);
  return CARRY_POLICIES.find((p) => p === stored) ?? DEFAULT_CARRY_POLICY;
}

/**
 * The ledger's input for a period: the fairness input of the period, widened to the history
 * the carried balance needs (unless the policy carries nothing, which needs none of it).
 */
export function ledgerInput(
  repos: Repositories,
  input: FairnessInput,
  carry: CarryPolicy = carryPolicyOf(repos),
): LedgerInput {
  const { rotation, period } = input;
  const historyFrom = historyStart(rotation, period.startDate);
  if (carry === 'none') return { ...input, carry, historyFrom, pastShifts: [], openingBalances: {} };
  const pastShifts = repos.ledger.pastShifts(rotation.id).map(({ engineerId, startsAt, endsAt, role }) => ({
    engineerId,
    startsAt,
    endsAt,
    role,
  }));
  const earliest = pastShifts[0] ? localDateOf(pastShifts[0].startsAt, rotation.timeZone) : historyFrom;
  const from = earliest < historyFrom ? earliest : historyFrom;
  return {
    ...input,
    // Every override of the rotation: the carried balance looks back over its whole history.
    overrides: repos.rotations.overrides(rotation.id),
    // The carried balance weighs the history before the period: all of its time away counts.
    unavailability: repos.engineers.listUnavailability(),
    holidays: teamHolidays(repos, from < period.startDate ? from : period.startDate, addDays(period.endDate, 1)),
    carry,
    historyFrom,
    pastShifts,
    openingBalances: repos.ledger.openingBalances(),
  };
}

/** The fairness report over a period, computed in a worker: what `fairness:get` answers. */
export function fairnessReport(
  { repos, now, jobs }: ServiceContext,
  rotationId: Id | undefined,
  period: PeriodSpec,
  carry?: CarryPolicy,
): Promise<LedgerReport> {
  const rotation = rotationOf(repos, rotationId);
  const resolved = resolvePeriod(period, rotation, rotationToday(now, rotation));
  return jobs.run('fairness', ledgerInput(repos, fairnessInput(repos, rotation, resolved), carry), {
    channel: 'fairness:get',
    label: fairnessLabel(resolved),
  });
}
