// What the planner is given: a rotation's schedule, people, time away and holidays for the
// range, the ledger's carried balance, and the other rotations' schedules as busy time.
import { quarterOf, type Period } from '../../shared/domain/fairness';
import type { CarryPolicy } from '../../shared/domain/ledger';
import type { RotationsPlan, RotationToPlan } from '../../shared/domain/plan-rotations';
import type { PlanInput } from '../../shared/domain/planner';
import { addDays, startOfLocalDayMs } from '../../shared/domain/time';
import type { IsoDate, Rotation } from '../../shared/model';
import type { ServiceContext } from '../services/context';
import type { Repositories } from '../db/repositories';
import { rotationSchedules } from './duties';
import { fairnessInput, fairnessWeights, ledgerInput, teamHolidays } from './schedule';

/** A planned range as a period: named as its quarter when it is exactly one. */
export function rangePeriod(from: IsoDate, to: IsoDate): Period {
  const quarter = quarterOf(from);
  return quarter.startDate === from && quarter.endDate === to ? quarter : { startDate: from, endDate: to };
}

/** The planner's input: its own history starts at the range, the ledger's carried balance stands for the rest. */
export function planInput(
  repos: Repositories,
  rotation: Rotation,
  from: IsoDate,
  to: IsoDate,
  replacePlan = false,
): PlanInput {
  return {
    replacePlan,
    rotation,
    overrides: repos.rotations.overrides(rotation.id),
    engineers: repos.engineers.list(),
    unavailability: repos.engineers.listUnavailability(),
    holidays: teamHolidays(repos, from, addDays(to, 14)),
    pipelines: repos.pipelines.list(),
    ownerships: repos.pipelines.listOwnerships(),
    from,
    to,
    weights: fairnessWeights(repos, rotation.id),
  };
}

/** What the lead chose for a plan: how the balance carries in, whether it replaces an earlier plan. */
export interface PlanChoices {
  carry?: CarryPolicy | undefined;
  replace?: boolean | undefined;
}

function rotationToPlan(
  repos: Repositories,
  rotation: Rotation,
  from: IsoDate,
  to: IsoDate,
  { carry, replace }: PlanChoices,
): RotationToPlan {
  return {
    rotationId: rotation.id,
    rotationName: rotation.name,
    plan: planInput(repos, rotation, from, to, replace),
    ledger: ledgerInput(repos, fairnessInput(repos, rotation, rangePeriod(from, to)), carry),
  };
}

/**
 * Plans `rotations` (in the order given) over the dates `from` to `to` in a worker; every other
 * rotation's schedule is busy time, so no plan puts anyone on call in two rotations at once.
 */
export function planRotationsJob(
  { repos, jobs }: ServiceContext,
  rotations: readonly Rotation[],
  from: IsoDate,
  to: IsoDate,
  choices: PlanChoices,
  channel: 'plan:propose' | 'plan:propose-all',
): Promise<RotationsPlan> {
  const planned = new Set(rotations.map((r) => r.id));
  // The planned shifts reach a shift past either end of the dates, and zones differ by up to a day.
  const reach = Math.max(1, ...rotations.map((r) => r.shiftDays)) + 2;
  const fromMs = startOfLocalDayMs(addDays(from, -reach), 'UTC');
  const toMs = startOfLocalDayMs(addDays(to, reach + 1), 'UTC');
  return jobs.run(
    'planRotations',
    {
      planned: rotations.map((rotation) => rotationToPlan(repos, rotation, from, to, choices)),
      others: rotationSchedules(repos, fromMs, toMs).filter((s) => !planned.has(s.rotation.id)),
    },
    {
      channel,
      label: `Planning ${rotations.length > 1 ? 'every rotation, ' : ''}${from} to ${to}`,
      supersede: true,
    },
  );
}
