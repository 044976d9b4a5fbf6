// The team: engineers, their time away and the team's time zone.
import type { HandlersFor } from '../../shared/ipc/contract';
import type { teamChannels } from '../../shared/ipc/channels/team';
import type { Engineer, Id } from '../../shared/model';
import { formatDay } from '../../shared/format';
import { DomainError } from '../../shared/result';
import { TEAM_ZONE_KEY, teamZone } from '../queries/team';
import type { ServiceContext } from './context';

export function teamHandlers({ repos, now }: ServiceContext): HandlersFor<typeof teamChannels> {
  const requireEngineer = (engineerId: Id): Engineer => {
    const engineer = repos.engineers.get(engineerId);
    if (!engineer) throw new DomainError('not_found', `There is no engineer #${engineerId}.`);
    return engineer;
  };
  return {
    'engineers:list': () => repos.engineers.list(),
    'engineers:save': (input) =>
      repos.transaction(() => {
        const clash = repos.engineers.findByName(input.name);
        if (clash && clash.id !== input.id)
          throw new DomainError('conflict', `There is already an engineer called ${clash.name}.`);
        if (input.id === undefined) {
          const id = repos.engineers.insert(input);
          return repos.engineers.get(id)!;
        }
        if (!repos.engineers.get(input.id)) throw new DomainError('not_found', `There is no engineer #${input.id}.`);
        repos.engineers.update({ ...input, id: input.id });
        return repos.engineers.get(input.id)!;
      }),
    'unavailability:list': () => repos.engineers.listUnavailability(),
    'unavailability:add': (input) =>
      repos.transaction(() => {
        const engineer = requireEngineer(input.engineerId);
        // Two overlapping entries would count the same days away twice in the fairness figures.
        const [clash] = repos.engineers.unavailabilityOverlapping(input.engineerId, input.startDate, input.endDate);
        if (clash) {
          const year = now().getUTCFullYear();
          const span =
            clash.startDate === clash.endDate
              ? `on ${formatDay(clash.startDate, year)}`
              : `from ${formatDay(clash.startDate, year)} to ${formatDay(clash.endDate, year)}`;
          throw new DomainError('conflict', `${engineer.name} is already away ${span}: remove that first.`);
        }
        const id = repos.engineers.insertUnavailability(input);
        return repos.engineers.getUnavailability(id)!;
      }),
    'unavailability:remove': ({ unavailabilityId }) =>
      repos.transaction(() => {
        if (!repos.engineers.getUnavailability(unavailabilityId))
          throw new DomainError('not_found', 'This time away was already removed.');
        repos.engineers.deleteUnavailability(unavailabilityId);
        return null;
      }),
    'team:time-zone': () => teamZone(repos),
    'team:set-time-zone': ({ timeZone }) => {
      repos.settings.set(TEAM_ZONE_KEY, timeZone);
      return teamZone(repos);
    },
  };
}
