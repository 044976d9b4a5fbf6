// Pipelines (create, edit, retire), the ownership matrix and the quarterly ownership review.
import type { HandlersFor } from '../../shared/ipc/contract';
import type { pipelineChannels } from '../../shared/ipc/channels/operations';
import { ownershipLoad, quarterLabel, REVIEW_CHECKLIST, reviewDueWarning } from '../../shared/domain/ownership';
import { runbookCompleteness } from '../../shared/domain/runbook';
import type { Id, Pipeline } from '../../shared/model';
import type { MatrixRow } from '../../shared/operations-views';
import { DomainError } from '../../shared/result';
import { pipelineRow, planWarnings, runbookContents } from '../queries/ownership';
import { teamToday } from '../queries/team';
import type { ServiceContext } from './context';

export function pipelineHandlers({ repos, now }: ServiceContext): HandlersFor<typeof pipelineChannels> {
  const requirePipeline = (id: Id): Pipeline => {
    const pipeline = repos.pipelines.get(id);
    if (!pipeline) throw new DomainError('not_found', `There is no pipeline #${id}.`);
    return pipeline;
  };

  return {
    'areas:create': ({ name }) =>
      repos.transaction(() => {
        if (repos.pipelines.findAreaByName(name))
          throw new DomainError('conflict', `There is already a business area called ${name}.`);
        const id = repos.pipelines.appendArea(name);
        return { id, name };
      }),

    'pipelines:save': (input) =>
      repos.transaction(() => {
        const clash = repos.pipelines.findByName(input.name);
        if (clash && clash.id !== input.id)
          throw new DomainError('conflict', `There is already a pipeline called ${clash.name}.`);
        if (input.areaId !== null && !repos.pipelines.listAreas().some((a) => a.id === input.areaId)) {
          throw new DomainError('not_found', `There is no business area #${input.areaId}.`);
        }
        const fields = {
          name: input.name,
          areaId: input.areaId,
          audience: input.audience,
          purpose: input.purpose,
          inputSources: input.inputSources,
          transformation: input.transformation,
          outputs: input.outputs,
          rotationId: input.rotationId,
        };
        if (input.rotationId !== null && !repos.rotations.get(input.rotationId))
          throw new DomainError('not_found', `There is no rotation #${input.rotationId}.`);
        if (input.id === undefined) {
          const id = repos.pipelines.insert({ ...fields, retiredAt: null });
          return pipelineRow(repos, requirePipeline(id));
        }
        requirePipeline(input.id);
        repos.pipelines.update({ ...fields, id: input.id });
        return pipelineRow(repos, requirePipeline(input.id));
      }),

    // Retiring keeps the pipeline, its owners' history, runbook and SLAs; it only leaves the
    // checks, the load figures and the deadlines.
    'pipelines:retire': ({ pipelineId, retired }) =>
      repos.transaction(() => {
        const pipeline = requirePipeline(pipelineId);
        if (retired && !pipeline.retiredAt) repos.pipelines.setRetiredAt(pipelineId, now().toISOString());
        if (!retired && pipeline.retiredAt) repos.pipelines.setRetiredAt(pipelineId, null);
        return pipelineRow(repos, requirePipeline(pipelineId));
      }),

    'ownership:matrix': ({ at }) => {
      const moment = at ? new Date(at) : now();
      const pipelines = repos.pipelines.list();
      const ownerships = new Map(repos.pipelines.listOwnerships().map((o) => [o.pipelineId, o]));
      const areas = new Map(repos.pipelines.listAreas().map((a) => [a.id, a]));
      const engineers = repos.engineers.list();
      const contents = runbookContents(repos);
      const rows: MatrixRow[] = pipelines.map((pipeline) => {
        const content = contents.get(pipeline.id);
        return {
          pipeline,
          area: pipeline.areaId === null ? null : (areas.get(pipeline.areaId) ?? null),
          ownership: ownerships.get(pipeline.id) ?? null,
          runbook: content ? runbookCompleteness(content) : null,
        };
      });
      rows.sort((a, b) => Number(a.pipeline.retiredAt !== null) - Number(b.pipeline.retiredAt !== null));
      return {
        engineers,
        rows,
        load: ownershipLoad(pipelines, [...ownerships.values()], engineers),
        warnings: planWarnings(repos, moment),
      };
    },

    'reviews:list': () => {
      const reviews = repos.reviews.list();
      const currentQuarter = quarterLabel(teamToday(repos, now()));
      return {
        checklist: REVIEW_CHECKLIST.map((item) => ({ ...item })),
        reviews,
        currentQuarter,
        due: reviewDueWarning(reviews, teamToday(repos, now()), repos.pipelines.list()) !== null,
      };
    },

    'reviews:save': (input) =>
      repos.transaction(() => {
        const review = {
          quarter: quarterLabel(input.reviewedOn),
          reviewedOn: input.reviewedOn,
          checklist: Object.fromEntries(REVIEW_CHECKLIST.map((item) => [item.key, input.checklist[item.key] === true])),
          decisions: input.decisions.trim(),
          notes: input.notes.trim(),
        };
        if (input.id === undefined) return repos.reviews.get(repos.reviews.insert(review))!;
        if (!repos.reviews.get(input.id)) throw new DomainError('not_found', `There is no review #${input.id}.`);
        repos.reviews.update({ ...review, id: input.id });
        return repos.reviews.get(input.id)!;
      }),

    'reviews:delete': ({ reviewId }) => {
      if (!repos.reviews.remove(reviewId)) throw new DomainError('not_found', `There is no review #${reviewId}.`);
      return null;
    },
  };
}
