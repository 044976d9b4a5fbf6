// SLAs per pipeline and their coming deadlines, with business days from the team's holidays.
import type { HandlersFor } from '../../shared/ipc/contract';
import type { slaChannels } from '../../shared/ipc/channels/operations';
import { holidaysBetween } from '../../shared/domain/holidays';
import {
  businessCalendar,
  describeSlaRule,
  nextSlaDeadline,
  slaDeadlinesBetween,
  type BusinessCalendar,
} from '../../shared/domain/sla';
import { addDays, startOfLocalDayMs, toInstant } from '../../shared/domain/time';
import type { Id, IsoDate, IsoInstant, Override, Pipeline, Sla } from '../../shared/model';
import { onCallAt } from '../../shared/domain/rotation';
import { NO_ROTATION, whyNobodyFrom } from '../../shared/domain/routing';
import type { DeadlinesView, SlaRow, UpcomingDeadline } from '../../shared/operations-views';
import { DomainError } from '../../shared/result';
import type { Repositories } from '../db/repositories';
import { pipelineRotation, requirePipeline as requirePipelineIn } from '../queries/escalation';
import type { ServiceContext } from './context';
import { overridesAround } from '../queries/schedule';
import { teamToday } from '../queries/team';

// Deadlines near the end of a range can move past it (a weekly deadline off a holiday, a
// report due after a long weekend): holidays are read this far either side.
const HOLIDAY_MARGIN_DAYS = 45;

/** The team's business calendar over [from, to], padded by the margin. */
export function teamBusinessCalendar(repos: Repositories, from: IsoDate, to: IsoDate): BusinessCalendar {
  const source = repos.holidays.teamCalendar();
  if (!source) return businessCalendar([]);
  return businessCalendar(
    holidaysBetween(source, addDays(from, -HOLIDAY_MARGIN_DAYS), addDays(to, HOLIDAY_MARGIN_DAYS)),
  );
}

/**
 * Why nobody from a pipeline's own rotation is primary on call at a moment (no rotation, or
 * outside its hours), or null when someone is: a deadline then has nobody on call to meet it.
 * Moments lie within the local days [first, last) of some zone, so within a day of their UTC
 * midnights: only the overrides around that stretch are read.
 */
function nobodyOnCallFor(
  repos: Repositories,
  first: IsoDate,
  last: IsoDate,
): (pipeline: Pipeline, at: IsoInstant) => string | null {
  const from = `${addDays(first, -1)}T00:00:00.000Z`;
  const to = `${addDays(last, 1)}T00:00:00.000Z`;
  const overrides = new Map<Id, Override[]>();
  return (pipeline, at) => {
    const rotation = pipelineRotation(repos, pipeline);
    if (!rotation) return NO_ROTATION;
    if (!overrides.has(rotation.id)) overrides.set(rotation.id, overridesAround(repos, rotation, from, to));
    const { primaryId } = onCallAt(rotation, overrides.get(rotation.id)!, at);
    return primaryId === null ? whyNobodyFrom(rotation, at, 'primary', 'then') : null;
  };
}

export function slaHandlers({ repos, now }: ServiceContext): HandlersFor<typeof slaChannels> {
  const activePipelines = () => new Map(repos.pipelines.list().map((p) => [p.id, p]));
  const requirePipeline = (id: number): Pipeline => requirePipelineIn(repos, id);

  return {
    'slas:list': () => {
      const moment = now();
      const today = teamToday(repos, moment);
      const calendar = teamBusinessCalendar(repos, today, addDays(today, 31));
      const pipelines = activePipelines();
      return repos.slas
        .list()
        .filter((sla) => pipelines.has(sla.pipelineId))
        .map((sla): SlaRow => ({
          sla,
          pipeline: pipelines.get(sla.pipelineId)!,
          summary: describeSlaRule(sla.rule),
          next: nextSlaDeadline(sla, moment.toISOString(), { calendar }),
        }));
    },

    'slas:save': (input) =>
      repos.transaction((): Sla => {
        requirePipeline(input.pipelineId);
        const sla = {
          pipelineId: input.pipelineId,
          rule: input.rule,
          timeZone: input.timeZone,
          description: input.description.trim(),
          whyItMatters: input.whyItMatters.trim(),
        };
        if (input.id === undefined) return repos.slas.get(repos.slas.insert(sla))!;
        if (!repos.slas.get(input.id)) throw new DomainError('not_found', `There is no SLA #${input.id}.`);
        repos.slas.update({ ...sla, id: input.id });
        return repos.slas.get(input.id)!;
      }),

    'slas:events': () => repos.slas.events(),
    'slas:add-event': ({ slaId, at, label }) => {
      const sla = repos.slas.get(slaId);
      if (!sla) throw new DomainError('not_found', `There is no SLA #${slaId}.`);
      if (sla.rule.kind !== 'within_hours') {
        throw new DomainError(
          'conflict',
          `This SLA is due ${describeSlaRule(sla.rule)}: it does not wait for an event.`,
        );
      }
      const eventId = repos.slas.insertEvent({ slaId, at: new Date(at).toISOString(), label: label.trim() });
      return repos.slas.events().find((e) => e.id === eventId)!;
    },
    'slas:remove-event': ({ eventId }) => {
      if (!repos.slas.removeEvent(eventId)) throw new DomainError('not_found', `There is no SLA event #${eventId}.`);
      return null;
    },
    'slas:delete': ({ slaId }) => {
      if (!repos.slas.remove(slaId)) throw new DomainError('not_found', `There is no SLA #${slaId}.`);
      return null;
    },

    // Each SLA's range is its own local days [from, from + days), so "tomorrow's" deadlines
    // mean the same thing in every zone. Retired pipelines have no deadlines.
    'slas:deadlines': ({ from, days, events }) => {
      const first = from ?? teamToday(repos, now());
      const last = addDays(first, days);
      const calendar = teamBusinessCalendar(repos, first, last);
      const pipelines = new Map([...activePipelines()].filter(([, p]) => !p.retiredAt));
      const view: DeadlinesView = { from: first, days, deadlines: [], waitingForEvent: [] };
      // Events recorded on the SLA screen, besides any passed in (a what-if from the CLI).
      const recorded = repos.slas.events();
      const answering = nobodyOnCallFor(repos, first, last);
      for (const sla of repos.slas.list()) {
        const pipeline = pipelines.get(sla.pipelineId);
        if (!pipeline) continue;
        const summary = describeSlaRule(sla.rule);
        const slaEvents = [...events, ...recorded]
          .filter((e) => e.slaId === sla.id)
          .map((e) => ({ at: e.at, label: e.label }));
        if (sla.rule.kind === 'within_hours' && slaEvents.length === 0) {
          view.waitingForEvent.push({ slaId: sla.id, pipelineId: pipeline.id, pipelineName: pipeline.name, summary });
          continue;
        }
        const range = [
          toInstant(startOfLocalDayMs(first, sla.timeZone)),
          toInstant(startOfLocalDayMs(last, sla.timeZone)),
        ] as const;
        for (const deadline of slaDeadlinesBetween(sla, range[0], range[1], { calendar, events: slaEvents })) {
          const upcoming: UpcomingDeadline = {
            slaId: sla.id,
            pipelineId: pipeline.id,
            pipelineName: pipeline.name,
            timeZone: sla.timeZone,
            summary,
            deadline,
            nobodyOnCall: answering(pipeline, deadline.dueAt),
          };
          view.deadlines.push(upcoming);
        }
      }
      view.deadlines.sort(
        (a, b) => a.deadline.dueAt.localeCompare(b.deadline.dueAt) || a.pipelineName.localeCompare(b.pipelineName),
      );
      return view;
    },
  };
}
