// Fixes for clash warnings. The options are ranked by a pure function (domain/clash-fixes.ts)
// in a worker, as the planner is: each option is a what-if over the schedule and fairness.
import { quarterOf } from '../../shared/domain/fairness';
import type { Handlers } from '../../shared/ipc/contract';
import { addDays, localDateOf } from '../../shared/domain/time';
import { yearOf } from '../../shared/format';
import { DomainError } from '../../shared/result';
import type { ServiceContext } from './context';
import { rotationSchedules } from '../queries/duties';
import { fairnessWeights, rotationOf, teamHolidays } from '../queries/schedule';

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
      return jobs.run(
        'clashFixes',
        {
          rotation,
          overrides: repos.rotations.overrides(rotation.id),
          engineers: repos.engineers.list(),
          unavailability: repos.engineers.listUnavailability(),
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
