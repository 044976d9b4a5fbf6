// Runbooks (every save a revision; diff and restore), escalation resolved to people, and the
// team lead setting the escalation path refers to.
import type { Handlers } from '../../shared/ipc/contract';
import { resolveEscalation, type TeamLead } from '../../shared/domain/escalation';
import { diffRunbooks, runbookCompleteness, runbookContent } from '../../shared/domain/runbook';
import type { Id, Pipeline } from '../../shared/model';
import type { RunbookView } from '../../shared/plan-views';
import { DomainError } from '../../shared/result';
import type { Repositories } from '../db/repositories';
import type { ServiceContext } from './context';

const TEAM_LEAD_KEY = 'teamLead';

type RunbookChannels =
  | 'runbooks:get'
  | 'runbooks:save'
  | 'runbooks:revisions'
  | 'runbooks:revision'
  | 'runbooks:diff'
  | 'runbooks:restore'
  | 'escalation:who'
  | 'team-lead:get'
  | 'team-lead:set';

export function teamLeadOf(repos: Repositories): TeamLead | null {
  return repos.settings.get<TeamLead | null>(TEAM_LEAD_KEY) ?? null;
}

function runbookView(repos: Repositories, pipeline: Pipeline): RunbookView {
  const runbook = repos.runbooks.get(pipeline.id);
  return { pipeline, runbook, completeness: runbook ? runbookCompleteness(runbookContent(runbook)) : null };
}

export function runbookHandlers({ repos, now }: ServiceContext): Pick<Handlers, RunbookChannels> {
  const requirePipeline = (id: Id): Pipeline => {
    const pipeline = repos.pipelines.get(id);
    if (!pipeline) throw new DomainError('not_found', `There is no pipeline #${id}.`);
    return pipeline;
  };
  const requireRevision = (pipelineId: Id, revision: number) => {
    const found = repos.runbooks.revision(pipelineId, revision);
    if (!found)
      throw new DomainError('not_found', `${requirePipeline(pipelineId).name}'s runbook has no revision ${revision}.`);
    return found;
  };

  return {
    'runbooks:get': ({ pipelineId }) => runbookView(repos, requirePipeline(pipelineId)),

    'runbooks:save': ({ pipelineId, content, note }) =>
      repos.transaction(() => {
        const pipeline = requirePipeline(pipelineId);
        repos.runbooks.save(pipelineId, content, now().toISOString(), note.trim());
        return runbookView(repos, pipeline);
      }),

    'runbooks:revisions': ({ pipelineId }) => {
      requirePipeline(pipelineId);
      return repos.runbooks.revisions(pipelineId);
    },

    'runbooks:revision': ({ pipelineId, revision }) => requireRevision(pipelineId, revision),

    'runbooks:diff': ({ pipelineId, from, to }) => {
      const before = requireRevision(pipelineId, from);
      const after = requireRevision(pipelineId, to);
      const { content: beforeContent, ...fromSummary } = before;
      const { content: afterContent, ...toSummary } = after;
      return { from: fromSummary, to: toSummary, diff: diffRunbooks(beforeContent, afterContent) };
    },

    // A restore never rewrites history: the old content becomes the newest revision.
    'runbooks:restore': ({ pipelineId, revision }) =>
      repos.transaction(() => {
        const pipeline = requirePipeline(pipelineId);
        const old = requireRevision(pipelineId, revision);
        repos.runbooks.save(pipelineId, old.content, now().toISOString(), `Restored revision ${revision}`);
        return runbookView(repos, pipeline);
      }),

    'escalation:who': ({ pipelineId, at }) => {
      const pipeline = requirePipeline(pipelineId);
      const moment = at ?? now().toISOString();
      const runbook = repos.runbooks.get(pipelineId);
      const rotation = repos.rotations.list()[0] ?? null;
      const teamLead = teamLeadOf(repos);
      const levels = runbook
        ? resolveEscalation({
            levels: runbook.escalation,
            at: moment,
            ownership: repos.pipelines.getOwnership(pipelineId),
            rotation,
            overrides: rotation ? repos.rotations.overrides(rotation.id) : [],
            engineers: repos.engineers.list(),
            unavailability: repos.engineers.listUnavailability(),
            teamLead,
          })
        : null;
      return { pipeline, at: new Date(moment).toISOString(), levels, teamLead };
    },

    'team-lead:get': () => teamLeadOf(repos),

    'team-lead:set': ({ lead }) => {
      if (lead?.kind === 'engineer' && !repos.engineers.get(lead.engineerId)) {
        throw new DomainError('not_found', `There is no engineer #${lead.engineerId}.`);
      }
      repos.settings.set(TEAM_LEAD_KEY, lead);
      return teamLeadOf(repos);
    },
  };
}
