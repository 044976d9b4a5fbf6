// What other domains ask of pipelines and their owners: the rows of the Ownership screen, and
// every warning about pipelines, owners and runbooks (Today and the matrix show the same list).
import {
  investorOwnerClashes,
  ownershipError,
  ownershipWarnings,
  reviewDueWarning,
} from '../../shared/domain/ownership';
import { unroutedWarnings } from '../../shared/domain/routing';
import { runbookContent, runbookWarnings, type RunbookContent } from '../../shared/domain/runbook';
import { yearIn } from '../../shared/format';
import type { Engineer, Id, ModelWarning, Pipeline } from '../../shared/model';
import type { PipelineRow } from '../../shared/views';
import type { Repositories } from '../db/repositories';
import { overridesAround, unavailabilityAround } from './schedule';
import { teamToday } from './team';

export const engineersById = (repos: Repositories): Map<Id, Engineer> =>
  new Map(repos.engineers.list().map((e) => [e.id, e]));

/** Every pipeline with its area, its owners and what is wrong with them: what `pipelines:list` answers. */
export function pipelineRows(repos: Repositories, only?: readonly Pipeline[]): PipelineRow[] {
  const areas = new Map(repos.pipelines.listAreas().map((a) => [a.id, a]));
  const ownerships = new Map(repos.pipelines.listOwnerships().map((o) => [o.pipelineId, o]));
  const engineers = engineersById(repos);
  return (only ?? repos.pipelines.list()).map((pipeline): PipelineRow => {
    const ownership = ownerships.get(pipeline.id) ?? null;
    return {
      pipeline,
      area: pipeline.areaId === null ? null : (areas.get(pipeline.areaId) ?? null),
      ownership,
      ownershipProblem: ownership
        ? ownershipError(ownership.primaryEngineerId, ownership.secondaryEngineerId, engineers)
        : null,
    };
  });
}

/** One pipeline's row, as `pipelineRows` gives it: what a save answers. */
export const pipelineRow = (repos: Repositories, pipeline: Pipeline): PipelineRow =>
  pipelineRows(repos, [pipeline])[0]!;

/** How far ahead the matrix looks for investor pipelines whose owners are both tied up (as Today does). */
const OWNER_CLASH_LOOKAHEAD_DAYS = 60;

export function runbookContents(repos: Repositories): Map<Id, RunbookContent> {
  const contents = new Map<Id, RunbookContent>();
  for (const pipelineId of repos.runbooks.pipelineIds()) {
    const runbook = repos.runbooks.get(pipelineId);
    if (runbook) contents.set(pipelineId, runbookContent(runbook));
  }
  return contents;
}

/**
 * Every warning about pipelines, owners and runbooks at `at`: the ones ownershipWarnings
 * gives, incomplete investor runbooks, investor pipelines whose owners are both tied up in
 * the coming window, and a missing quarterly review. Today and the matrix show the same list.
 */
export function planWarnings(repos: Repositories, at: Date): ModelWarning[] {
  const pipelines = repos.pipelines.list();
  const ownerships = repos.pipelines.listOwnerships();
  const engineers = repos.engineers.list();
  const contents = runbookContents(repos);
  const warnings = [
    ...ownershipWarnings(pipelines, ownerships, engineers, new Set(contents.keys())),
    ...runbookWarnings(pipelines, contents),
  ];
  const rotations = repos.rotations.list();
  warnings.push(...unroutedWarnings(pipelines, rotations));
  const from = at.toISOString();
  const to = new Date(at.getTime() + OWNER_CLASH_LOOKAHEAD_DAYS * 86_400_000).toISOString();
  const unavailability = unavailabilityAround(repos, from, to);
  // Owners on call are tied up by the rotation that answers for their pipeline.
  for (const rotation of rotations) {
    const routed = pipelines.filter((p) => p.rotationId === rotation.id);
    if (rotation.archivedAt !== null || rotation.memberIds.length === 0 || routed.length === 0) continue;
    warnings.push(
      ...investorOwnerClashes({
        pipelines: routed,
        ownerships,
        engineers,
        rotation,
        overrides: overridesAround(repos, rotation, from, to),
        unavailability,
        from,
        to,
        currentYear: yearIn(at.getTime(), rotation.timeZone),
      }),
    );
  }
  const due = reviewDueWarning(repos.reviews.list(), teamToday(repos, at), pipelines);
  if (due) warnings.push(due);
  return warnings;
}
