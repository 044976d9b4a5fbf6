// What other domains ask of runbooks: who a pipeline's escalation reaches at a moment.
import { resolveEscalation, type TeamLead } from '../../shared/domain/escalation';
import type { Id, IsoInstant, Pipeline, Rotation } from '../../shared/model';
import type { WhoView } from '../../shared/operations-views';
import { DomainError } from '../../shared/result';
import type { Repositories } from '../db/repositories';
import { overridesAround, unavailabilityAround } from './schedule';
import { teamZone } from './team';

const TEAM_LEAD_KEY = 'teamLead';

export function teamLeadOf(repos: Repositories): TeamLead | null {
  return repos.settings.get<TeamLead | null>(TEAM_LEAD_KEY) ?? null;
}

export function setTeamLead(repos: Repositories, lead: TeamLead | null): void {
  repos.settings.set(TEAM_LEAD_KEY, lead);
}

export function requirePipeline(repos: Repositories, id: Id): Pipeline {
  const pipeline = repos.pipelines.get(id);
  if (!pipeline) throw new DomainError('not_found', `There is no pipeline #${id}.`);
  return pipeline;
}

/** The rotation that answers for the pipeline (archived ones too: their history still answers for the past). */
export const pipelineRotation = (repos: Repositories, pipeline: Pipeline): Rotation | null =>
  pipeline.rotationId === null ? null : (repos.rotations.get(pipeline.rotationId) ?? null);

/** The pipeline's escalation levels resolved to people at `at`: what `escalation:who` answers. */
export function escalationAt(repos: Repositories, pipelineId: Id, at: IsoInstant): WhoView {
  const pipeline = requirePipeline(repos, pipelineId);
  const runbook = repos.runbooks.get(pipelineId);
  const rotation = pipelineRotation(repos, pipeline);
  const teamLead = teamLeadOf(repos);
  const from = new Date(at).toISOString();
  if (!runbook) return { pipeline, at: from, rotation, levels: null, teamLead };
  // Each level is resolved at the minute it starts: the chain spans [at, the last level's start].
  const lastMinutes = Math.max(0, ...runbook.escalation.map((level) => level.afterMinutes));
  const to = new Date(Date.parse(from) + lastMinutes * 60_000 + 1).toISOString();
  const levels = resolveEscalation({
    levels: runbook.escalation,
    at,
    ownership: repos.pipelines.getOwnership(pipelineId),
    rotation,
    overrides: rotation ? overridesAround(repos, rotation, from, to) : [],
    engineers: repos.engineers.list(),
    unavailability: unavailabilityAround(repos, from, to),
    teamLead,
    teamZone: teamZone(repos),
  });
  return { pipeline, at: from, rotation, levels, teamLead };
}
