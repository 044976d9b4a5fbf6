// The risk register: risks with their linked pipelines, and the likelihood × impact heat map.
import type { HandlersFor } from '../../shared/ipc/contract';
import type { riskChannels } from '../../shared/ipc/channels/operations';
import type { Risk } from '../../shared/model';
import { riskMatrix } from '../../shared/domain/risk';
import { DomainError } from '../../shared/result';
import type { Repositories } from '../db/repositories';
import type { ServiceContext } from './context';

function checkLinks(repos: Repositories, risk: Omit<Risk, 'id'>): void {
  for (const pipelineId of risk.pipelineIds) {
    if (!repos.pipelines.get(pipelineId)) throw new DomainError('not_found', `There is no pipeline #${pipelineId}.`);
  }
  if (risk.ownerId !== null && !repos.engineers.get(risk.ownerId)) {
    throw new DomainError('not_found', `There is no engineer #${risk.ownerId}.`);
  }
}

export function riskHandlers({ repos }: ServiceContext): HandlersFor<typeof riskChannels> {
  const tidy = <T extends Omit<Risk, 'id'>>(risk: T): T => ({
    ...risk,
    description: risk.description.trim(),
    mitigation: risk.mitigation.trim(),
  });
  return {
    'risks:list': () => {
      const risks = repos.risks.list();
      return { risks, matrix: riskMatrix(risks) };
    },
    'risks:create': (input) =>
      repos.transaction(() => {
        const risk = tidy(input);
        checkLinks(repos, risk);
        return repos.risks.get(repos.risks.insert(risk))!;
      }),
    'risks:update': (input) =>
      repos.transaction(() => {
        if (!repos.risks.get(input.id)) throw new DomainError('not_found', `There is no risk #${input.id}.`);
        const risk = tidy(input);
        checkLinks(repos, risk);
        repos.risks.update(risk);
        return repos.risks.get(input.id)!;
      }),
    'risks:delete': ({ riskId }) => {
      if (!repos.risks.remove(riskId)) throw new DomainError('not_found', `There is no risk #${riskId}.`);
      return null;
    },
  };
}
