// Runbooks (every save a revision; diff and restore), escalation resolved to people, and the
// team lead setting the escalation path refers to.
import type { HandlersFor } from '../../shared/ipc/contract';
import type { runbookChannels } from '../../shared/ipc/channels/operations';
import { diffRunbooks, runbookCompleteness, runbookContent } from '../../shared/domain/runbook';
import type { Id, Pipeline } from '../../shared/model';
import type { RunbookView } from '../../shared/operations-views';
import { DomainError } from '../../shared/result';
import type { Repositories } from '../db/repositories';
import { escalationAt, requirePipeline as requirePipelineIn, setTeamLead, teamLeadOf } from '../queries/escalation';
import type { ServiceContext } from './context';

function runbookView(repos: Repositories, pipeline: Pipeline): RunbookView {
  const runbook = repos.runbooks.get(pipeline.id);
  return { pipeline, runbook, completeness: runbook ? runbookCompleteness(runbookContent(runbook)) : null };
}

export function runbookHandlers({ repos, now }: ServiceContext): HandlersFor<typeof runbookChannels> {
  const requirePipeline = (id: Id): Pipeline => requirePipelineIn(repos, id);
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

    'escalation:who': ({ pipelineId, at }) => escalationAt(repos, pipelineId, at ?? now().toISOString()),

    'team-lead:get': () => teamLeadOf(repos),

    'team-lead:set': ({ lead }) => {
      if (lead?.kind === 'engineer' && !repos.engineers.get(lead.engineerId)) {
        throw new DomainError('not_found', `There is no engineer #${lead.engineerId}.`);
      }
      setTeamLead(repos, lead);
      return teamLeadOf(repos);
    },
  };
}
