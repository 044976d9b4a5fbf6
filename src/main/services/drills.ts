// Drills as a service: plan one, run it (each tick, mark and note written the moment it is
// made), finish it into a record, compare it with past drills, report it, and turn a wrong
// step into a runbook revision. The rules (timings, cadence, history) are
// src/shared/domain/drills.ts; the escalation chain is the runbooks' query (queries/escalation.ts).
import type { HandlersFor } from '../../shared/ipc/contract';
import type { drillChannels } from '../../shared/ipc/channels/drills';
import {
  drillHistory,
  drillsDue,
  drillTimings,
  markMoment,
  nextStepPosition,
  participantsWithRoles,
  scenarioKey,
  type Drill,
} from '../../shared/domain/drills';
import { runbookContent } from '../../shared/domain/runbook';
import { onCallAt } from '../../shared/domain/rotation';
import { NO_ROTATION, whyNobodyFrom } from '../../shared/domain/routing';
import { localDateOf } from '../../shared/domain/time';
import type { DrillStatus, Id, Pipeline, Runbook, RunbookScenario } from '../../shared/model';
import type { DrillView } from '../../shared/drill-views';
import { DomainError } from '../../shared/result';
import { drillReport } from '../export/drill-report';
import { escalationAt, pipelineRotation, requirePipeline as requirePipelineIn } from '../queries/escalation';
import { CADENCE_KEY, drillCadenceOf, followupRows } from '../queries/drills';
import { teamZone } from '../queries/team';
import { overridesAround } from '../queries/schedule';
import type { ServiceContext } from './context';

/** The drill's scenario in the runbook: by its row, else by title (a save may have replaced the row). */
function findScenario(runbook: Runbook | null, drill: Pick<Drill, 'scenarioId' | 'scenarioTitle'>) {
  if (!runbook) return null;
  const index = drill.scenarioId !== null ? runbook.scenarios.findIndex((s) => s.id === drill.scenarioId) : -1;
  const found =
    index >= 0 ? index : runbook.scenarios.findIndex((s) => scenarioKey(s.title) === scenarioKey(drill.scenarioTitle));
  return found >= 0 ? { index: found, scenario: runbook.scenarios[found]! } : null;
}

export function drillHandlers(context: ServiceContext): HandlersFor<typeof drillChannels> {
  const { repos, now } = context;

  const requirePipeline = (id: Id): Pipeline => requirePipelineIn(repos, id);
  const requireDrill = (id: Id): Drill => {
    const drill = repos.drills.get(id);
    if (!drill) throw new DomainError('not_found', `There is no drill #${id}.`);
    return drill;
  };
  const requireStatus = (drill: Drill, allowed: DrillStatus[], doing: string): void => {
    if (!allowed.includes(drill.status)) {
      const state = drill.status === 'planned' ? 'has not started' : `is ${drill.status}`;
      throw new DomainError('conflict', `Drill #${drill.id} ${state}: it cannot ${doing}.`);
    }
  };
  const requireStep = (drill: Drill, position: number) => {
    const step = drill.steps.find((s) => s.position === position);
    if (!step)
      throw new DomainError(
        'not_found',
        `Drill #${drill.id} has no step ${position + 1} (it has ${drill.steps.length}).`,
      );
    return step;
  };
  const stamp = () => now().toISOString();

  const view = async (drillId: Id): Promise<DrillView> => {
    const drill = requireDrill(drillId);
    const pipeline = requirePipeline(drill.pipelineId);
    const runbook = repos.runbooks.get(drill.pipelineId);
    const found = findScenario(runbook, drill);
    const live: RunbookScenario | null = found?.scenario ?? null;
    const started = drill.status !== 'planned' && drill.status !== 'cancelled';
    const steps = started
      ? drill.steps
      : (live?.steps ?? []).map((text, position) => ({ position, text, tickedAt: null, skipped: false }));
    const escalation = escalationAt(repos, drill.pipelineId, drill.startedAt ?? drill.scheduledAt);
    const history =
      drillHistory(repos.drills.list().filter((d) => d.pipelineId === drill.pipelineId)).find(
        (h) => scenarioKey(h.scenarioTitle) === scenarioKey(drill.scenarioTitle),
      ) ?? null;
    return {
      drill,
      pipeline,
      scenario: {
        title: drill.scenarioTitle,
        symptoms: live?.symptoms ?? '',
        checks: live?.checks ?? '',
        inRunbook: live !== null,
      },
      steps,
      nextStep: started ? nextStepPosition(drill.steps) : null,
      timings: drillTimings({ ...drill, steps }),
      escalation: escalation.levels,
      engineers: repos.engineers.list(),
      timeZone: teamZone(repos),
      serverNow: stamp(),
      revisions: repos.runbooks.revisions(drill.pipelineId).filter((r) => r.drillId === drill.id),
      history,
    };
  };

  /** Who is on call for the pipeline at `at`: its own rotation's pair (nobody when it has none or the layer is off). */
  const onCallPair = (at: string, pipelineId: Id | undefined) => {
    const rotation = pipelineId === undefined ? null : pipelineRotation(repos, requirePipeline(pipelineId));
    if (!rotation)
      return { at, primaryId: null, secondaryId: null, nobody: pipelineId === undefined ? null : NO_ROTATION };
    const pair = onCallAt(rotation, overridesAround(repos, rotation, at, at), at);
    return {
      at,
      primaryId: pair.primaryId,
      secondaryId: pair.secondaryId,
      nobody: pair.primaryId === null ? whyNobodyFrom(rotation, at, 'primary', 'then') : null,
    };
  };

  return {
    'drills:list': () => {
      const drills = repos.drills.list();
      const pipelines = repos.pipelines.list();
      const names = new Map(pipelines.map((p) => [p.id, p.name]));
      return {
        drills: drills.map((drill) => ({
          drill,
          pipelineName: names.get(drill.pipelineId) ?? `Pipeline #${drill.pipelineId}`,
          timings: drillTimings(drill),
        })),
        due: drillsDue(pipelines, drills, drillCadenceOf(repos), stamp()),
        cadence: drillCadenceOf(repos),
        pipelines: pipelines
          .filter((p) => !p.retiredAt)
          .map((pipeline) => ({
            pipeline,
            scenarios: (repos.runbooks.get(pipeline.id)?.scenarios ?? []).map((s) => ({
              id: s.id,
              title: s.title,
              steps: s.steps.length,
            })),
          })),
        engineers: repos.engineers.list(),
        timeZone: teamZone(repos),
        at: stamp(),
      };
    },

    'drills:on-call': ({ at, pipelineId }) => onCallPair(new Date(at).toISOString(), pipelineId),

    'drills:schedule': async ({ pipelineId, scenarioId, scheduledAt, facilitatorId, participantIds }) => {
      const pipeline = requirePipeline(pipelineId);
      const scenario = repos.runbooks.get(pipelineId)?.scenarios.find((s) => s.id === scenarioId);
      if (!scenario)
        throw new DomainError('not_found', `${pipeline.name}'s runbook has no failure scenario #${scenarioId}.`);
      const at = new Date(scheduledAt).toISOString();
      const pair = onCallPair(at, pipelineId);
      const people = participantsWithRoles(
        participantIds ?? [pair.primaryId, pair.secondaryId].filter((id): id is Id => id !== null),
        pair,
      );
      if (people.length === 0)
        throw new DomainError(
          'invalid_input',
          `participantIds: ${pair.nobody ?? 'nobody is on call at that moment'}; choose the participants.`,
        );
      for (const engineerId of [facilitatorId, ...people.map((p) => p.engineerId)]) {
        if (!repos.engineers.get(engineerId))
          throw new DomainError('not_found', `There is no engineer #${engineerId}.`);
      }
      const id = repos.drills.create({
        pipelineId,
        scenarioId,
        scenarioTitle: scenario.title,
        scheduledAt: at,
        facilitatorId,
        participants: people,
      });
      return view(id);
    },

    'drills:get': ({ drillId }) => view(drillId),

    'drills:start': ({ drillId }) => {
      const drill = requireDrill(drillId);
      requireStatus(drill, ['planned'], 'start');
      const found = findScenario(repos.runbooks.get(drill.pipelineId), drill);
      if (!found)
        throw new DomainError(
          'conflict',
          `The scenario '${drill.scenarioTitle}' is no longer in the runbook; schedule a drill on another scenario.`,
        );
      if (found.scenario.steps.length === 0)
        throw new DomainError(
          'conflict',
          `The scenario '${drill.scenarioTitle}' has no resolution steps to run through; add them to the runbook first.`,
        );
      repos.drills.start(drillId, stamp(), found.scenario.steps);
      return view(drillId);
    },

    'drills:cancel': ({ drillId }) => {
      requireStatus(requireDrill(drillId), ['planned', 'running'], 'be cancelled');
      repos.drills.cancel(drillId);
      return view(drillId);
    },

    'drills:tick': ({ drillId, position, skipped }) => {
      const drill = requireDrill(drillId);
      requireStatus(drill, ['running'], 'tick steps');
      const step = requireStep(drill, position);
      if (step.tickedAt !== null)
        throw new DomainError(
          'conflict',
          `Step ${position + 1} is already ${step.skipped ? 'skipped' : 'ticked'}; untick it first.`,
        );
      repos.drills.setStep(drillId, position, stamp(), skipped);
      return view(drillId);
    },

    'drills:untick': ({ drillId, position }) => {
      const drill = requireDrill(drillId);
      requireStatus(drill, ['running'], 'untick steps');
      requireStep(drill, position);
      repos.drills.setStep(drillId, position, null, false);
      return view(drillId);
    },

    'drills:mark': ({ drillId, moment, clear }) => {
      const drill = requireDrill(drillId);
      requireStatus(drill, ['running'], 'mark moments');
      repos.drills.setMoments(drillId, markMoment(drill.moments, moment, clear ? null : stamp()));
      return view(drillId);
    },

    'drills:note': ({ drillId, text }) => {
      requireStatus(requireDrill(drillId), ['planned', 'running', 'finished'], 'take notes');
      repos.drills.addNote(drillId, stamp(), text);
      return view(drillId);
    },

    'drills:finish': ({ drillId, outcome, findings, followups }) => {
      requireStatus(requireDrill(drillId), ['running'], 'be finished');
      for (const f of followups) {
        if (f.ownerId !== null && !repos.engineers.get(f.ownerId))
          throw new DomainError('not_found', `There is no engineer #${f.ownerId} to own a follow-up.`);
      }
      repos.drills.finish(drillId, { finishedAt: stamp(), outcome, findings: findings.trim(), followups });
      return view(drillId);
    },

    'drills:followup-status': ({ followupId, status }) => {
      const followup = repos.drills.followup(followupId);
      if (!followup) throw new DomainError('not_found', `There is no follow-up #${followupId}.`);
      repos.drills.setFollowupStatus(followupId, status);
      const drill = requireDrill(followup.drillId);
      return {
        ...followup,
        status,
        pipelineId: drill.pipelineId,
        pipelineName: requirePipeline(drill.pipelineId).name,
        scenarioTitle: drill.scenarioTitle,
      };
    },

    'drills:due': () => {
      const drills = repos.drills.list();
      const cadence = drillCadenceOf(repos);
      const at = stamp();
      return {
        at,
        cadence,
        due: drillsDue(repos.pipelines.list(), drills, cadence, at),
        openFollowups: followupRows(repos, drills),
      };
    },

    'drills:history': ({ pipelineId, scenarioId }) => {
      let drills = repos.drills.list();
      if (pipelineId !== undefined) {
        requirePipeline(pipelineId);
        drills = drills.filter((d) => d.pipelineId === pipelineId);
      }
      if (scenarioId !== undefined) {
        // A scenario row may have been replaced by a save since: its drills are matched by title too.
        const titles = new Set(
          drills.filter((d) => d.scenarioId === scenarioId).map((d) => scenarioKey(d.scenarioTitle)),
        );
        for (const id of repos.runbooks.pipelineIds()) {
          const s = repos.runbooks.get(id)?.scenarios.find((x) => x.id === scenarioId);
          if (s) titles.add(scenarioKey(s.title));
        }
        drills = drills.filter((d) => d.scenarioId === scenarioId || titles.has(scenarioKey(d.scenarioTitle)));
      }
      return drillHistory(drills);
    },

    'drills:report': async ({ drillId, format }) => drillReport(await view(drillId), format),

    'drills:edit-step': ({ drillId, position, text }) => {
      const drill = requireDrill(drillId);
      requireStatus(drill, ['running', 'finished'], 'change the runbook from its record');
      const step = requireStep(drill, position);
      const runbook = repos.runbooks.get(drill.pipelineId);
      const found = findScenario(runbook, drill);
      if (!runbook || !found)
        throw new DomainError('not_found', `The scenario '${drill.scenarioTitle}' is no longer in the runbook.`);
      // The runbook may have moved on since the drill: find the step by its words, else by
      // its place when the scenario still has as many steps as the drill ran through.
      const byText = found.scenario.steps.indexOf(step.text);
      const index = byText >= 0 ? byText : found.scenario.steps.length === drill.steps.length ? position : -1;
      if (index < 0)
        throw new DomainError(
          'conflict',
          `The runbook's '${drill.scenarioTitle}' has changed since the drill; edit step ${position + 1} on the Runbooks screen.`,
        );
      if (found.scenario.steps[index] === text)
        throw new DomainError('conflict', `Step ${index + 1} already reads like that: nothing to save.`);
      const content = runbookContent(runbook);
      content.scenarios[found.index]!.steps[index] = text;
      const date = localDateOf(drill.startedAt ?? drill.scheduledAt, teamZone(repos));
      repos.runbooks.save(
        drill.pipelineId,
        content,
        stamp(),
        `Step ${index + 1} of '${drill.scenarioTitle}' changed after the drill of ${date} (drill #${drill.id})`,
        drill.id,
      );
      return view(drillId);
    },

    'drills:cadence': () => drillCadenceOf(repos),

    'drills:set-cadence': (cadence) => {
      repos.settings.set(CADENCE_KEY, cadence);
      return drillCadenceOf(repos);
    },
  };
}
