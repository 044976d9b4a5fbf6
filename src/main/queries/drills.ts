// What other domains ask of drills: the cadence they are due by, the calendar's drills layer and
// Today's drill warnings. The drills service (services/drills.ts) uses the same functions.
import {
  DEFAULT_DRILL_CADENCE,
  drillsDue,
  drillWarnings,
  type Drill,
  type DrillCadence,
} from '../../shared/domain/drills';
import { localDateOf } from '../../shared/domain/time';
import type { IsoInstant, ModelWarning } from '../../shared/model';
import type { CalendarDrills } from '../../shared/views';
import type { FollowupRow } from '../../shared/drill-views';
import type { Repositories } from '../db/repositories';
import { teamZone } from './team';

export const CADENCE_KEY = 'drillCadence';

export const drillCadenceOf = (repos: Repositories): DrillCadence =>
  repos.settings.get<DrillCadence>(CADENCE_KEY) ?? DEFAULT_DRILL_CADENCE;

export function followupRows(repos: Repositories, drills: readonly Drill[]): FollowupRow[] {
  const byId = new Map(drills.map((d) => [d.id, d]));
  const pipelines = new Map(repos.pipelines.list().map((p) => [p.id, p.name]));
  return repos.drills.openFollowups().map((f) => {
    const drill = byId.get(f.drillId);
    return {
      ...f,
      pipelineId: drill?.pipelineId ?? 0,
      pipelineName: pipelines.get(drill?.pipelineId ?? 0) ?? 'a removed pipeline',
      scenarioTitle: drill?.scenarioTitle ?? '',
    };
  });
}

/**
 * The drills layer of the calendar over [from, to): drills planned or held then, and the dates
 * by which pipelines are due or overdue for one (an overdue one is shown on `now`'s date).
 */
export function drillCalendarLayer(repos: Repositories, from: IsoInstant, to: IsoInstant, at: Date): CalendarDrills {
  const drills = repos.drills.list();
  const names = new Map(repos.pipelines.list().map((p) => [p.id, p.name]));
  const zone = teamZone(repos);
  const moment = at.toISOString();
  return {
    drills: drills
      .filter((d) => d.status !== 'cancelled' && d.scheduledAt >= from && d.scheduledAt < to)
      .map((d) => ({
        id: d.id,
        pipelineName: names.get(d.pipelineId) ?? `pipeline #${d.pipelineId}`,
        scenarioTitle: d.scenarioTitle,
        scheduledAt: d.scheduledAt,
        status: d.status,
      })),
    due: drillsDue(repos.pipelines.list(), drills, drillCadenceOf(repos), moment)
      .filter((d) => d.state === 'due' || d.state === 'overdue')
      .map((d) => ({
        pipelineId: d.pipelineId,
        pipelineName: d.pipelineName,
        state: d.state as 'due' | 'overdue',
        date: localDateOf(d.state === 'overdue' ? moment : d.nextDueAt, zone),
      }))
      .filter((d) => d.date >= localDateOf(from, zone) && d.date <= localDateOf(to, zone)),
  };
}

/** Due and overdue drills and open follow-ups, for Today. */
export function drillTodayWarnings(repos: Repositories, at: Date): ModelWarning[] {
  const drills = repos.drills.list();
  const moment = at.toISOString();
  const due = drillsDue(repos.pipelines.list(), drills, drillCadenceOf(repos), moment);
  const zone = teamZone(repos);
  return drillWarnings(due, followupRows(repos, drills), localDateOf(moment, zone), zone);
}
