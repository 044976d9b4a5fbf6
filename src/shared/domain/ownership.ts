// Rules about who owns which pipeline. The service refuses what these call errors; the
// Ownership screen and Today show the same words.
import type {
  Engineer,
  Id,
  IsoDate,
  IsoInstant,
  ModelWarning,
  Ownership,
  OwnershipReview,
  Override,
  Pipeline,
  Rotation,
  Unavailability,
} from '../model';
import { computeSegmentsMs, unavailableSpans } from './rotation';
import { formatDay, formatMoment, yearIn, yearOf } from '../format';
import { localDateOf, toInstant, toMs } from './time';

const nameOf = (engineers: Map<Id, Engineer>, id: Id | null) =>
  id === null ? 'nobody' : (engineers.get(id)?.name ?? `engineer #${id}`);

/** Why an ownership cannot be saved as it is, or null when it can. */
export function ownershipError(
  primaryId: Id | null,
  secondaryId: Id | null,
  engineers: Map<Id, Engineer>,
): string | null {
  if (primaryId !== null && primaryId === secondaryId) {
    return `Primary and secondary owner are both ${nameOf(engineers, primaryId)}: the secondary owner must be someone else, so there is a backup.`;
  }
  for (const id of [primaryId, secondaryId]) {
    if (id !== null && !engineers.has(id)) return `There is no engineer #${id}.`;
  }
  return null;
}

/** Warnings about owners that can be saved but need the lead's attention. */
export function ownershipWarnings(
  pipelines: Pipeline[],
  ownerships: Ownership[],
  engineers: Engineer[],
  pipelineIdsWithRunbook: Set<Id>,
): ModelWarning[] {
  const byId = new Map(engineers.map((e) => [e.id, e]));
  const ownershipOf = new Map(ownerships.map((o) => [o.pipelineId, o]));
  const warnings: ModelWarning[] = [];
  for (const pipeline of pipelines) {
    if (pipeline.retiredAt) continue;
    const link = { screen: 'ownership' as const, pipelineId: pipeline.id };
    const o = ownershipOf.get(pipeline.id);
    const primary = o?.primaryEngineerId ?? null;
    const secondary = o?.secondaryEngineerId ?? null;
    if (primary !== null && primary === secondary) {
      warnings.push({
        kind: 'owner_same_person',
        message: `${pipeline.name}: ${nameOf(byId, primary)} is both primary and secondary owner.`,
        link,
        engineerIds: [primary],
      });
    } else if (secondary === null) {
      warnings.push({
        kind: 'no_secondary_owner',
        message: `${pipeline.name} has no secondary owner.`,
        link,
        engineerIds: primary === null ? [] : [primary],
      });
    }
    for (const id of [primary, secondary]) {
      const engineer = id === null ? undefined : byId.get(id);
      if (engineer && !engineer.active) {
        warnings.push({
          kind: 'owner_inactive',
          message: `${pipeline.name} is still owned by ${engineer.name}, who has left the team.`,
          link,
          engineerIds: [engineer.id],
        });
      }
    }
    if (pipeline.audience === 'investors' && !pipelineIdsWithRunbook.has(pipeline.id)) {
      warnings.push({
        kind: 'investor_without_runbook',
        message: `${pipeline.name} reports to investors but has no runbook.`,
        link: { screen: 'runbooks', pipelineId: pipeline.id },
        engineerIds: [],
      });
    }
  }
  warnings.push(...ownershipLoadWarnings(pipelines, ownerships, engineers));
  return warnings;
}

// ---------------------------------------------------------------------------------------
// Load and coverage: who carries too much, who carries nothing, and when an investor
// pipeline's two owners are tied up at once.

export interface OwnershipLoad {
  engineerId: Id;
  primaryCount: number;
  secondaryCount: number;
  /** Active pipelines per active engineer: what an even split gives each. */
  fairShare: number;
  overloaded: boolean;
}

/**
 * "Primary for much more than their share": more primaries than an even split could give
 * anyone (more than ⌈pipelines / engineers⌉) and at least 1.5 × the even share. With the
 * example team (5 pipelines, 4 engineers) Engineer A's 2 is the unavoidable remainder and is
 * fine; 3 would not be. With 20 pipelines, 6 against a share of 5 is not "much more"; 8 is.
 */
export const OVERLOAD_FACTOR = 1.5;

function ownedPipelines(pipelines: readonly Pipeline[], ownerships: readonly Ownership[]): Ownership[] {
  const active = new Set(pipelines.filter((p) => !p.retiredAt).map((p) => p.id));
  return ownerships.filter((o) => active.has(o.pipelineId));
}

/** Each active engineer's primary and secondary counts over the pipelines in service. */
export function ownershipLoad(
  pipelines: readonly Pipeline[],
  ownerships: readonly Ownership[],
  engineers: readonly Engineer[],
): OwnershipLoad[] {
  const owned = ownedPipelines(pipelines, ownerships);
  const activeEngineers = engineers.filter((e) => e.active);
  const activePipelines = pipelines.filter((p) => !p.retiredAt).length;
  const fairShare = activeEngineers.length ? activePipelines / activeEngineers.length : 0;
  const most = Math.ceil(fairShare);
  return engineers.map((e) => {
    const primaryCount = owned.filter((o) => o.primaryEngineerId === e.id).length;
    const secondaryCount = owned.filter((o) => o.secondaryEngineerId === e.id).length;
    return {
      engineerId: e.id,
      primaryCount,
      secondaryCount,
      fairShare: e.active ? fairShare : 0,
      overloaded: e.active && primaryCount > most && primaryCount >= OVERLOAD_FACTOR * fairShare,
    };
  });
}

/** Someone primary for far more than their share; an active engineer who owns nothing. */
export function ownershipLoadWarnings(
  pipelines: readonly Pipeline[],
  ownerships: readonly Ownership[],
  engineers: readonly Engineer[],
): ModelWarning[] {
  if (!pipelines.some((p) => !p.retiredAt)) return [];
  const byId = new Map(engineers.map((e) => [e.id, e]));
  const warnings: ModelWarning[] = [];
  for (const load of ownershipLoad(pipelines, ownerships, engineers)) {
    const engineer = byId.get(load.engineerId)!;
    if (!engineer.active) continue;
    if (load.overloaded) {
      warnings.push({
        kind: 'owner_overloaded',
        message: `${engineer.name} is primary owner of ${load.primaryCount} pipelines; an even share is ${Number(load.fairShare.toFixed(1))}.`,
        link: { screen: 'ownership' },
        engineerIds: [engineer.id],
      });
    }
    if (load.primaryCount === 0 && load.secondaryCount === 0) {
      warnings.push({
        kind: 'owns_nothing',
        message: `${engineer.name} owns no pipeline, as primary or secondary.`,
        link: { screen: 'ownership' },
        engineerIds: [engineer.id],
      });
    }
  }
  return warnings;
}

export interface OwnerCoverageInput {
  pipelines: readonly Pipeline[];
  ownerships: readonly Ownership[];
  engineers: readonly Engineer[];
  rotation: Rotation;
  overrides: readonly Override[];
  unavailability: readonly Unavailability[];
  from: IsoInstant;
  to: IsoInstant;
  /** Dates in the messages name their year when it is not this one (default: the year of `from`). */
  currentYear?: number;
}

/**
 * An investor pipeline whose two owners are both tied up at the same time in [from, to):
 * each is on call (either role) or away. Then the escalation path's owner levels reach
 * nobody free to work on the pipeline (and when both are the on-call pair, four levels
 * collapse into two people). One warning per pipeline: the first stretch, and how many more.
 */
export function investorOwnerClashes(input: OwnerCoverageInput): ModelWarning[] {
  const { rotation } = input;
  const zone = rotation.timeZone;
  const fromMs = toMs(input.from);
  const toMs_ = toMs(input.to);
  const byId = new Map(input.engineers.map((e) => [e.id, e]));
  const segments = computeSegmentsMs(rotation, input.overrides, fromMs, toMs_);
  const spans = unavailableSpans(input.unavailability, input.engineers, zone);
  const ownershipOf = new Map(input.ownerships.map((o) => [o.pipelineId, o]));
  const year = input.currentYear ?? yearIn(fromMs, zone);

  // Cut the window wherever anyone's on-call role or absence changes.
  const cuts = new Set<number>([fromMs, toMs_]);
  for (const s of segments) cuts.add(s.start).add(s.end);
  for (const s of spans) {
    if (s.start > fromMs && s.start < toMs_) cuts.add(s.start);
    if (s.end > fromMs && s.end < toMs_) cuts.add(s.end);
  }
  const points = [...cuts].filter((t) => t >= fromMs && t <= toMs_).sort((a, b) => a - b);
  const busyAt = (id: Id, t: number): 'on call' | 'away' | null => {
    if (spans.some((s) => s.engineerId === id && s.start <= t && t < s.end)) return 'away';
    const segment = segments.find((s) => s.start <= t && t < s.end);
    return segment && (segment.primaryId === id || segment.secondaryId === id) ? 'on call' : null;
  };

  const warnings: ModelWarning[] = [];
  for (const pipeline of input.pipelines) {
    if (pipeline.retiredAt || pipeline.audience !== 'investors') continue;
    const o = ownershipOf.get(pipeline.id);
    const a = o?.primaryEngineerId ?? null;
    const b = o?.secondaryEngineerId ?? null;
    if (a === null || b === null || a === b) continue;
    const stretches: { start: number; end: number; why: string }[] = [];
    for (let k = 0; k < points.length - 1; k += 1) {
      const start = points[k]!;
      const end = points[k + 1]!;
      const whyA = busyAt(a, start);
      const whyB = busyAt(b, start);
      if (!whyA || !whyB) continue;
      const why = `${nameOf(byId, a)} ${whyA}, ${nameOf(byId, b)} ${whyB}`;
      const last = stretches[stretches.length - 1];
      if (last && last.end === start) {
        last.end = end;
        if (!last.why.includes(why)) last.why += `; then ${why}`;
      } else stretches.push({ start, end, why });
    }
    const first = stretches[0];
    if (!first) continue;
    const more = stretches.length - 1;
    warnings.push({
      kind: 'investor_owners_away',
      message:
        `${pipeline.name}: both owners are tied up from ${formatMoment(first.start, zone, year)} to ${formatMoment(first.end, zone, year)} (${first.why})` +
        (more ? `, and ${more} more time${more > 1 ? 's' : ''} in this period.` : '.'),
      link: {
        screen: 'calendar',
        pipelineId: pipeline.id,
        date: localDateOf(first.start, zone),
        rotationId: rotation.id,
      },
      engineerIds: [a, b],
      from: toInstant(first.start),
      to: toInstant(first.end),
    });
  }
  return warnings;
}

// ---------------------------------------------------------------------------------------
// The quarterly ownership review

export const REVIEW_CHECKLIST = [
  { key: 'owners_right', label: 'Owners are still the right people' },
  { key: 'reasons_true', label: 'The reasons for each assignment are still true' },
  { key: 'runbooks_current', label: 'Runbooks are current' },
  { key: 'oncall_fair', label: 'On-call is fair' },
] as const;

/** '2026-Q4' for any date in October to December 2026. */
export function quarterLabel(date: IsoDate): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * "Review due" when the quarter of `today` has no review yet. Only a team that owns
 * pipelines has anything to review, so an empty database stays quiet.
 */
export function reviewDueWarning(
  reviews: readonly OwnershipReview[],
  today: IsoDate,
  pipelines: readonly Pipeline[],
): ModelWarning | null {
  if (!pipelines.some((p) => !p.retiredAt)) return null;
  const quarter = quarterLabel(today);
  if (reviews.some((r) => r.quarter === quarter)) return null;
  const last = [...reviews].sort((x, y) => y.reviewedOn.localeCompare(x.reviewedOn))[0];
  return {
    kind: 'review_due',
    message: `The ownership review for ${quarter} is due${last ? ` (last one ${formatDay(last.reviewedOn, yearOf(today))}, for ${last.quarter})` : ' (none recorded yet)'}.`,
    link: { screen: 'ownership' },
    engineerIds: [],
  };
}
