// Emergency-response drills: what a drill is as a record, the times it is judged by, where a
// running drill stands (its clock and the next step), when a pipeline is due for its next
// drill, and past drills side by side. Pure: the main process, the CLI and the renderer all
// call these, so the clock on the meeting screen and the time in the report never disagree.
import type { Audience, DrillOutcome, DrillStatus, Id, IsoDate, IsoInstant, ModelWarning, Pipeline } from '../model';
import { formatDay, yearOf } from '../format';
import { localDateOf, MS_PER_DAY, toInstant, toMs } from './time';

export const DRILL_MOMENTS = ['acknowledged', 'mitigated', 'resolved'] as const;
export type DrillMoment = (typeof DRILL_MOMENTS)[number];

export const DRILL_MOMENT_LABELS: Record<DrillMoment, string> = {
  acknowledged: 'Acknowledged',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};

export const DRILL_OUTCOME_LABELS: Record<DrillOutcome, string> = {
  passed: 'Passed',
  passed_with_findings: 'Passed with findings',
  failed: 'Failed',
};

/** Why someone takes part in a drill: on call at its moment, or added by the lead. */
export const DRILL_ROLES = ['primary', 'secondary', 'added'] as const;
export type DrillRole = (typeof DRILL_ROLES)[number];

export const DRILL_ROLE_LABELS: Record<DrillRole, string> = {
  primary: 'primary',
  secondary: 'secondary',
  added: 'added',
};

export interface DrillParticipant {
  engineerId: Id;
  /** null for drills recorded before roles were kept. */
  role: DrillRole | null;
}

/** The role someone takes in a drill: primary or secondary if on call at its moment, else added by hand. */
export const drillRoleOf = (id: Id, onCall: { primaryId: Id | null; secondaryId: Id | null }): DrillRole =>
  id === onCall.primaryId ? 'primary' : id === onCall.secondaryId ? 'secondary' : 'added';

/**
 * Each participant with their role: the primary and secondary on call at the drill's moment
 * keep those roles, everyone else was added by hand. Primary first, then secondary, then the
 * rest in the order given; a person named twice counts once.
 */
export function participantsWithRoles(
  chosen: readonly Id[],
  onCall: { primaryId: Id | null; secondaryId: Id | null },
): DrillParticipant[] {
  const rank: Record<DrillRole, number> = { primary: 0, secondary: 1, added: 2 };
  return [...new Set(chosen)]
    .map((engineerId) => ({ engineerId, role: drillRoleOf(engineerId, onCall) }))
    .sort((a, b) => rank[a.role] - rank[b.role]);
}

/** 'Engineer B (primary), Engineer A (secondary), Engineer C (added)': how every screen and report names them. */
export function describeParticipants(participants: readonly DrillParticipant[], nameOf: (id: Id) => string): string {
  return participants
    .map((p) => (p.role ? `${nameOf(p.engineerId)} (${DRILL_ROLE_LABELS[p.role]})` : nameOf(p.engineerId)))
    .join(', ');
}

export const FOLLOWUP_STATUSES = ['open', 'done'] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];

export interface DrillStep {
  /** 0-based, in the runbook's order. */
  position: number;
  text: string;
  /** When it was ticked (or skipped); null while still to do. */
  tickedAt: IsoInstant | null;
  skipped: boolean;
}

export interface DrillNote {
  id: Id;
  at: IsoInstant;
  text: string;
}

export interface DrillFollowup {
  id: Id;
  drillId: Id;
  text: string;
  ownerId: Id | null;
  dueDate: IsoDate | null;
  status: FollowupStatus;
}

export type DrillMoments = Record<DrillMoment, IsoInstant | null>;

export interface Drill {
  id: Id;
  pipelineId: Id;
  /** null when the scenario was later removed from the runbook; the title stays. */
  scenarioId: Id | null;
  scenarioTitle: string;
  scheduledAt: IsoInstant;
  facilitatorId: Id | null;
  /** Primary, then secondary, then those added by hand. */
  participants: DrillParticipant[];
  status: DrillStatus;
  startedAt: IsoInstant | null;
  moments: DrillMoments;
  finishedAt: IsoInstant | null;
  outcome: DrillOutcome | null;
  findings: string;
  /** Copied from the runbook when the drill starts, so later edits of the runbook do not rewrite the record. */
  steps: DrillStep[];
  notes: DrillNote[];
  followups: DrillFollowup[];
}

// ---------------------------------------------------------------------------------------
// The clock and the steps

/**
 * The time on the drill's clock: from the start to `now` while it runs, to the finish once
 * finished. Computed from the stored start, never counted up in memory, so a reload or a
 * crash shows the right time.
 */
export function elapsedMs(drill: Pick<Drill, 'startedAt' | 'finishedAt'>, now: IsoInstant | number): number {
  if (!drill.startedAt) return 0;
  const end = drill.finishedAt ? toMs(drill.finishedAt) : typeof now === 'number' ? now : toMs(now);
  return Math.max(0, end - toMs(drill.startedAt));
}

/** The step Space or Enter ticks: the first one neither ticked nor skipped, in order. */
export function nextStepPosition(steps: readonly DrillStep[]): number | null {
  return [...steps].sort((a, b) => a.position - b.position).find((s) => s.tickedAt === null)?.position ?? null;
}

/**
 * Marking a later moment fills the earlier ones still unmarked with the same time: a team
 * that has resolved the incident has also acknowledged it. Clearing a moment clears the
 * later ones, for the same reason.
 */
export function markMoment(moments: DrillMoments, moment: DrillMoment, at: IsoInstant | null): DrillMoments {
  const index = DRILL_MOMENTS.indexOf(moment);
  const next = { ...moments };
  DRILL_MOMENTS.forEach((m, i) => {
    if (at === null ? i >= index : i < index ? next[m] === null : i === index) next[m] = at;
  });
  return next;
}

// ---------------------------------------------------------------------------------------
// Timings

export interface StepTiming {
  position: number;
  text: string;
  /** Since the start; null: not ticked. */
  atMs: number | null;
  skipped: boolean;
}

export interface DrillTimings {
  toAcknowledgeMs: number | null;
  toMitigateMs: number | null;
  toResolveMs: number | null;
  /** From the start to the finish; null until finished. */
  durationMs: number | null;
  stepsTotal: number;
  stepsDone: number;
  stepsSkipped: number;
  /** Steps never ticked nor skipped (only meaningful once finished). */
  stepsLeft: number;
  steps: StepTiming[];
}

export function drillTimings(drill: Pick<Drill, 'startedAt' | 'finishedAt' | 'moments' | 'steps'>): DrillTimings {
  const start = drill.startedAt ? toMs(drill.startedAt) : null;
  const since = (at: IsoInstant | null) => (start === null || at === null ? null : Math.max(0, toMs(at) - start));
  const steps = [...drill.steps]
    .sort((a, b) => a.position - b.position)
    .map((s) => ({ position: s.position, text: s.text, atMs: since(s.tickedAt), skipped: s.skipped }));
  const skipped = steps.filter((s) => s.skipped).length;
  const ticked = steps.filter((s) => s.atMs !== null).length;
  return {
    toAcknowledgeMs: since(drill.moments.acknowledged),
    toMitigateMs: since(drill.moments.mitigated),
    toResolveMs: since(drill.moments.resolved),
    durationMs: since(drill.finishedAt),
    stepsTotal: steps.length,
    stepsDone: ticked - skipped,
    stepsSkipped: skipped,
    stepsLeft: steps.length - ticked,
    steps,
  };
}

/** Which timing measures each moment, for the runner, the record and the report alike. */
export const MOMENT_TIMINGS: Record<DrillMoment, 'toAcknowledgeMs' | 'toMitigateMs' | 'toResolveMs'> = {
  acknowledged: 'toAcknowledgeMs',
  mitigated: 'toMitigateMs',
  resolved: 'toResolveMs',
};

/** '4:07', '1:02:09', '—' for a time never reached. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

// ---------------------------------------------------------------------------------------
// Cadence: when a pipeline is due for its next drill

export interface DrillCadence {
  /** Drills per year for each pipeline the cadence covers (the seed plans say twice a year). */
  perYear: number;
  audiences: Audience[];
  /** How long before the next drill date a pipeline shows as due. */
  windowDays: number;
}

export const DEFAULT_DRILL_CADENCE: DrillCadence = { perYear: 2, audiences: ['investors'], windowDays: 30 };

export type DueState = 'overdue' | 'due' | 'planned' | 'ok';

export interface DrillDue {
  pipelineId: Id;
  pipelineName: string;
  /** The finish of the last finished drill; null: never drilled. */
  lastFinishedAt: IsoInstant | null;
  /** Last finished drill + the cadence's interval, or now when never drilled. */
  nextDueAt: IsoInstant;
  /**
   * overdue: the next drill date has passed; due: it falls within the window; planned: a drill
   * is planned or running, so nothing is asked of the lead; ok: not yet.
   */
  state: DueState;
  plannedDrillId: Id | null;
  /** Whole days from now to nextDueAt (negative when overdue). */
  daysUntil: number;
}

/** Adds whole months to an instant in UTC, keeping the day where the month has it (31 Aug + 6 → 28 Feb). */
export function addMonths(instant: IsoInstant, months: number): IsoInstant {
  const d = new Date(toMs(instant));
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d.toISOString();
}

/** The interval between drills, in whole months (twice a year: 6). */
export const cadenceMonths = (cadence: DrillCadence): number => Math.max(1, Math.round(12 / cadence.perYear));

type DrillForDue = Pick<Drill, 'id' | 'pipelineId' | 'status' | 'scheduledAt' | 'finishedAt'>;

export function drillsDue(
  pipelines: readonly Pipeline[],
  drills: readonly DrillForDue[],
  cadence: DrillCadence,
  now: IsoInstant,
): DrillDue[] {
  const nowMs = toMs(now);
  return pipelines
    .filter((p) => !p.retiredAt && cadence.audiences.includes(p.audience))
    .map((pipeline) => {
      const own = drills.filter((d) => d.pipelineId === pipeline.id);
      const last = own
        .filter((d) => d.status === 'finished' && d.finishedAt)
        .map((d) => d.finishedAt!)
        .sort()
        .pop();
      const planned = own
        .filter((d) => d.status === 'planned' || d.status === 'running')
        .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt))[0];
      const nextDueAt = last ? addMonths(last, cadenceMonths(cadence)) : toInstant(nowMs);
      const untilMs = toMs(nextDueAt) - nowMs;
      const state: DueState = planned
        ? 'planned'
        : untilMs < 0
          ? 'overdue'
          : untilMs <= cadence.windowDays * MS_PER_DAY
            ? 'due'
            : 'ok';
      return {
        pipelineId: pipeline.id,
        pipelineName: pipeline.name,
        lastFinishedAt: last ?? null,
        nextDueAt,
        state,
        plannedDrillId: planned?.id ?? null,
        daysUntil: Math.floor(untilMs / MS_PER_DAY),
      };
    });
}

/**
 * Due and overdue pipelines, and open follow-ups, as Today's warnings (all open the Drills
 * screen). Instants are named by their date in `timeZone`, the team's.
 */
export function drillWarnings(
  due: readonly DrillDue[],
  followups: readonly (DrillFollowup & { pipelineId: Id; pipelineName: string; scenarioTitle: string })[],
  today: IsoDate,
  timeZone: string,
): ModelWarning[] {
  const year = yearOf(today);
  const day = (instant: IsoInstant) => formatDay(localDateOf(instant, timeZone), year);
  const warnings: ModelWarning[] = [];
  for (const d of due) {
    if (d.state !== 'due' && d.state !== 'overdue') continue;
    const since = d.lastFinishedAt ? `the last one finished on ${day(d.lastFinishedAt)}` : 'it has never had one';
    warnings.push({
      kind: d.state === 'overdue' ? 'drill_overdue' : 'drill_due',
      message:
        d.state === 'overdue'
          ? `${d.pipelineName} is overdue for a drill since ${day(d.nextDueAt)} (${since}).`
          : `${d.pipelineName} is due for a drill by ${day(d.nextDueAt)} (${since}).`,
      link: { screen: 'drills', pipelineId: d.pipelineId },
      engineerIds: [],
      // When it falls due: Today ranks a drill due today above one due next month.
      from: d.nextDueAt,
    });
  }
  for (const f of followups) {
    if (f.status !== 'open') continue;
    const late = f.dueDate !== null && f.dueDate < today;
    warnings.push({
      kind: 'drill_followup_open',
      message:
        `Follow-up of the ${f.pipelineName} drill (${f.scenarioTitle}): ${f.text}` +
        (f.dueDate ? ` — due ${formatDay(f.dueDate, year)}${late ? ', overdue' : ''}.` : '.'),
      link: { screen: 'drills', pipelineId: f.pipelineId },
      engineerIds: f.ownerId === null ? [] : [f.ownerId],
    });
  }
  return warnings;
}

// ---------------------------------------------------------------------------------------
// History: past drills of the same scenario side by side

export interface HistoryEntry {
  drillId: Id;
  startedAt: IsoInstant;
  outcome: DrillOutcome | null;
  toAcknowledgeMs: number | null;
  toMitigateMs: number | null;
  toResolveMs: number | null;
  stepsSkipped: number;
  stepsTotal: number;
}

export type Trend = 'faster' | 'slower' | 'same' | null;

export interface ScenarioHistory {
  pipelineId: Id;
  scenarioTitle: string;
  /** Oldest first, so the columns read left to right in time. */
  entries: HistoryEntry[];
  /** The latest drill against the one before: did the team get faster? */
  trend: { acknowledge: Trend; mitigate: Trend; resolve: Trend };
}

/** Scenarios are matched by title: a runbook save may replace a scenario's row but keeps its name. */
export const scenarioKey = (title: string): string => title.trim().toLowerCase();

function trendOf(previous: number | null | undefined, latest: number | null | undefined): Trend {
  if (previous == null || latest == null) return null;
  return latest < previous ? 'faster' : latest > previous ? 'slower' : 'same';
}

/** Finished drills grouped per pipeline and scenario, oldest first within a group. */
export function drillHistory(drills: readonly Drill[]): ScenarioHistory[] {
  const groups = new Map<string, ScenarioHistory>();
  const finished = drills
    .filter((d) => d.status === 'finished' && d.startedAt)
    .sort((a, b) => a.startedAt!.localeCompare(b.startedAt!));
  for (const drill of finished) {
    const key = `${drill.pipelineId}\u0000${scenarioKey(drill.scenarioTitle)}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        pipelineId: drill.pipelineId,
        scenarioTitle: drill.scenarioTitle,
        entries: [],
        trend: { acknowledge: null, mitigate: null, resolve: null },
      };
      groups.set(key, group);
    }
    const t = drillTimings(drill);
    group.entries.push({
      drillId: drill.id,
      startedAt: drill.startedAt!,
      outcome: drill.outcome,
      toAcknowledgeMs: t.toAcknowledgeMs,
      toMitigateMs: t.toMitigateMs,
      toResolveMs: t.toResolveMs,
      stepsSkipped: t.stepsSkipped,
      stepsTotal: t.stepsTotal,
    });
  }
  for (const group of groups.values()) {
    const [previous, latest] = group.entries.slice(-2);
    if (group.entries.length >= 2) {
      group.trend = {
        acknowledge: trendOf(previous?.toAcknowledgeMs, latest?.toAcknowledgeMs),
        mitigate: trendOf(previous?.toMitigateMs, latest?.toMitigateMs),
        resolve: trendOf(previous?.toResolveMs, latest?.toResolveMs),
      };
    }
  }
  return [...groups.values()];
}
