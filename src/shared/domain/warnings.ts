// Which warnings come first: the lead opens Today to learn what to do now, so a warning about
// today (or already late) leads, then what falls due in the coming week, then the standing
// housekeeping (ownership gaps, uneven load) that can wait for a quiet hour.
import type { IsoInstant, ModelWarning, WarningKind } from '../model';
import { daysBetween, localDateOf } from './time';

export const WARNING_URGENCIES = ['today', 'week', 'later'] as const;
export type WarningUrgency = (typeof WARNING_URGENCIES)[number];

export const URGENCY_TITLES: Record<WarningUrgency, string> = {
  today: 'Needs action today',
  week: 'In the next 7 days',
  later: 'When there is time',
};

/** How many team days ahead a dated warning counts as "in the next 7 days". */
const WEEK_DAYS = 7;

/** Warnings that carry no moment of their own: how soon each kind asks for action. */
const UNDATED: Record<WarningKind, WarningUrgency> = {
  drill_overdue: 'today',
  // Someone who left still owns a pipeline, or an investor pipeline has no runbook: whoever is
  // called for it cannot act, so these come before the housekeeping.
  owner_inactive: 'week',
  investor_without_runbook: 'week',
  investor_runbook_incomplete: 'week',
  investor_owners_away: 'week',
  // Nobody on call is called for the pipeline until the lead routes it.
  pipeline_unrouted: 'week',
  review_due: 'week',
  drill_due: 'week',
  same_primary_secondary: 'week',
  oncall_unavailable: 'week',
  double_duty: 'week',
  gap: 'week',
  back_to_back: 'week',
  inactive_scheduled: 'week',
  no_secondary_owner: 'later',
  owner_same_person: 'later',
  owner_overloaded: 'later',
  owns_nothing: 'later',
  fairness_outlier: 'later',
  drill_followup_open: 'later',
};

/** How soon a warning asks for action, on the team's calendar (`timeZone`) as of `now`. */
export function urgencyOf(warning: ModelWarning, now: IsoInstant, timeZone: string): WarningUrgency {
  if (warning.kind === 'drill_overdue') return 'today';
  if (warning.from === undefined) return UNDATED[warning.kind];
  const ahead = daysBetween(localDateOf(now, timeZone), localDateOf(warning.from, timeZone));
  if (ahead <= 0) return 'today';
  return ahead <= WEEK_DAYS ? 'week' : 'later';
}

export interface WarningGroup {
  kind: WarningKind;
  warnings: ModelWarning[];
}

export interface WarningTier {
  urgency: WarningUrgency;
  /** Warnings of one kind together, the kind with the earliest warning first. */
  groups: WarningGroup[];
  count: number;
}

/**
 * The warnings in tiers of urgency, most urgent first, each tier grouped by kind. Empty tiers
 * are left out; within a group the engine's order (by date) stays.
 */
export function rankWarnings(warnings: readonly ModelWarning[], now: IsoInstant, timeZone: string): WarningTier[] {
  const tiers = new Map<WarningUrgency, Map<WarningKind, ModelWarning[]>>();
  for (const warning of warnings) {
    const urgency = urgencyOf(warning, now, timeZone);
    const kinds = tiers.get(urgency) ?? new Map<WarningKind, ModelWarning[]>();
    kinds.set(warning.kind, [...(kinds.get(warning.kind) ?? []), warning]);
    tiers.set(urgency, kinds);
  }
  const earliest = (group: WarningGroup) =>
    group.warnings.reduce<string>((first, w) => (w.from !== undefined && w.from < first ? w.from : first), '\uffff');
  return WARNING_URGENCIES.filter((u) => tiers.has(u)).map((urgency) => {
    const groups = [...tiers.get(urgency)!].map(([kind, list]) => ({ kind, warnings: list }));
    // Dated groups by their first date; undated ones keep the engine's order after them (a stable sort).
    groups.sort((a, b) => (earliest(a) < earliest(b) ? -1 : earliest(a) > earliest(b) ? 1 : 0));
    return { urgency, groups, count: groups.reduce((n, g) => n + g.warnings.length, 0) };
  });
}
