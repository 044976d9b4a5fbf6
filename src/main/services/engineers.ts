import type { Handlers } from '../../shared/ipc/contract';
import { DomainError } from '../../shared/result';
import type { ServiceContext } from './context';

export function engineerHandlers({ repos }: ServiceContext): Pick<Handlers, 'engineers:list' | 'engineers:save'> {
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
  };
}
