// Fixes for clash warnings. The options are ranked by a pure function (domain/clash-fixes.ts)
// in a worker, as the planner is: each option is a what-if over the schedule and fairness.
import { quarterOf } from '../../shared/domain/fairness';
import type { Handlers } from '../../shared/ipc/contract';
import { addDays, localDateOf } from '../../shared/domain/time';
import { yearOf } from '../../shared/format';
import { DomainError } from '../../shared/result';
import type { ServiceContext } from './context';
import { rotationSchedules } from '../queries/duties';
import {
  fairnessWeights,
  overridesAround,
  periodInstants,
  rotationOf,
  teamHolidays,
  unavailabilityAround,
} from '../queries/schedule';

const DAY_MS = 86_400_000;

export function clashHandlers({ repos, now, jobs }: ServiceContext): Pick<Handlers, 'clashes:fixes'> {
  return {
    'clashes:fixes': ({ rotationId, clash, limit }) => {
      const rotation = rotationOf(repos, rotationId);
      for (const engineerId of clash.engineerIds) {
        if (!repos.engineers.get(engineerId))
          throw new DomainError('not_found', `There is no engineer #${engineerId}.`);
      }
      // Fairness is measured over the quarter the clash starts in: what the lead plans by.
      const period = quarterOf(localDateOf(clash.from, rotation.timeZone));
      const today = localDateOf(now().toISOString(), rotation.timeZone);
      // The other rotations' duties around the clash and the quarter: double duties to fix or avoid.
      const around = [Date.parse(clash.from) - 60 * DAY_MS, Date.parse(clash.to) + 60 * DAY_MS] as const;
      const others = rotationSchedules(repos, ...around, rotation.id).filter((s) => s.rotation.memberIds.length > 0);
      // The options reach three shifts either side of the clash's own (swaps), their warnings
      // a shift beyond and whole shifts around that; fairness counts the quarter. Nothing
      // outside these can change a fix, and years of history would only be carried to the worker.
      const reach = 6 * rotation.shiftDays * DAY_MS;
      const [quarterFrom, quarterTo] = periodInstants(rotation, period);
      const from = new Date(Math.min(Date.parse(quarterFrom), Date.parse(clash.from) - reach)).toISOString();
      const to = new Date(Math.max(Date.parse(quarterTo), Date.parse(clash.to) + reach)).toISOString();
      return jobs.run(
        'clashFixes',
        {
          rotation,
          overrides: overridesAround(repos, rotation, from, to),
          engineers: repos.engineers.list(),
          unavailability: unavailabilityAround(repos, from, to),
          holidays: teamHolidays(repos, period.startDate, addDays(period.endDate, 1)),
          period,
          weights: fairnessWeights(repos, rotation.id),
          pipelines: repos.pipelines.list(),
          ownerships: repos.pipelines.listOwnerships(),
          clash,
          limit,
          currentYear: yearOf(today),
          notBefore: now().toISOString(),
          others,
        },
        { channel: 'clashes:fixes', label: 'Finding fixes for a clash' },
      );
    },
  };
}
