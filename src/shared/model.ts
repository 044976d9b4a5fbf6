// The plain-data shapes of Watchbill's model, shared by the main process, the renderer and
// the CLI. Dates without a time are 'YYYY-MM-DD' strings; instants are ISO-8601 strings in
// UTC ('2026-11-26T14:00:00.000Z'); times of day are 'HH:MM' in a named IANA time zone.

export type Id = number;
export type IsoDate = string;
export type IsoInstant = string;
export type TimeOfDay = string;

export interface Engineer {
  id: Id;
  name: string;
  email: string | null;
  color: string;
  active: boolean;
  timeZone: string;
}

export interface Unavailability {
  id: Id;
  engineerId: Id;
  /** First unavailable day, inclusive. */
  startDate: IsoDate;
  /** Last unavailable day, inclusive. */
  endDate: IsoDate;
  reason: string;
}

export interface BusinessArea {
  id: Id;
  name: string;
}

export const AUDIENCES = ['investors', 'experiments', 'internal'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface Pipeline {
  id: Id;
  name: string;
  areaId: Id | null;
  audience: Audience;
  purpose: string;
  inputSources: string;
  transformation: string;
  outputs: string;
  retiredAt: IsoInstant | null;
  /** The rotation that answers for this pipeline; null (a warning) when none does. */
  rotationId: Id | null;
}

export interface Ownership {
  pipelineId: Id;
  primaryEngineerId: Id | null;
  secondaryEngineerId: Id | null;
  reason: string;
  updatedAt: IsoInstant;
}

export interface OwnershipChange {
  id: Id;
  pipelineId: Id;
  changedAt: IsoInstant;
  primaryEngineerId: Id | null;
  secondaryEngineerId: Id | null;
  reason: string;
}

export interface OwnershipReview {
  id: Id;
  quarter: string; // '2026-Q4'
  reviewedOn: IsoDate;
  checklist: Record<string, boolean>;
  decisions: string;
  notes: string;
}

/** What part of the week a rotation covers (a layer); `null` parts mean "all". */
export interface Coverage {
  /**
   * The days (0 = Sunday … 6 = Saturday) on which a window starts. An overnight window
   * belongs to the day it starts on: Friday 20:00–08:00 ends on Saturday.
   */
  weekdays: number[] | null;
  /** Local times [from, until) in the rotation's zone; `until` at or before `from` runs past midnight. */
  hours: { from: TimeOfDay; until: TimeOfDay } | null;
}

export interface Rotation {
  id: Id;
  name: string;
  timeZone: string;
  /** The local date on which shift 0 starts, at handoffTime. */
  startDate: IsoDate;
  shiftDays: number;
  handoffTime: TimeOfDay;
  /** Engineer ids in rotation order; shift i: primary = members[i mod n], secondary = members[(i+1) mod n]. */
  memberIds: Id[];
  /** When the rotation answers; every hour of every day unless it is a layer. */
  coverage: Coverage;
  /** Whether its members may be on call here while on call in another rotation (otherwise a clash). */
  allowsDoubleDuty: boolean;
  /**
   * When the lead archived it: its schedule ends there (nothing is planned or answered after),
   * and what came before still counts for fairness. Null while it is in use.
   */
  archivedAt: IsoInstant | null;
  /** Its place in the lead's order of rotations (lists, legends, exports). */
  position: number;
}

export const ROLES = ['primary', 'secondary'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What made an override. 'manual' is what overrides from before version 60 keep when what
 * made them was not recorded; new edits always say which of the others they are.
 */
export const OVERRIDE_KINDS = [
  'swap',
  'cover',
  'split',
  'holiday_cover',
  'time_away_cover',
  'planned',
  'manual',
] as const;
export type OverrideKind = (typeof OVERRIDE_KINDS)[number];
/** The kinds a cover made by hand may say (a swap, split or plan says so itself). */
export const COVER_KINDS = ['cover', 'holiday_cover', 'time_away_cover'] as const satisfies readonly OverrideKind[];
export type CoverKind = (typeof COVER_KINDS)[number];
/** The kinds written before version 60, by the name they have since. */
export const LEGACY_OVERRIDE_KINDS = { holiday: 'holiday_cover', pto: 'time_away_cover' } as const;

export interface Override {
  id: Id;
  rotationId: Id;
  /** Inclusive start instant. */
  startsAt: IsoInstant;
  /** Exclusive end instant. */
  endsAt: IsoInstant;
  role: Role;
  engineerId: Id;
  kind: OverrideKind;
  reason: string;
  /** The other half of a swap. */
  twinId: Id | null;
  createdAt: IsoInstant;
}

export interface HolidayCalendar {
  id: Id;
  name: string;
  country: string;
  region: string | null;
  /** Which of the holiday package's types count as holidays (e.g. ['public']). */
  includeTypes: string[];
  /** Weight of a holiday that has no weight of its own. */
  defaultWeight: number;
}

/** A weight for a named holiday of the calendar's country (applies every year). */
export interface HolidayWeight {
  calendarId: Id;
  name: string;
  weight: number;
  /** Count this holiday even when its type is not in includeTypes (Christmas Eve is 'optional' in the US data). */
  include: boolean;
}

export interface CustomHoliday {
  id: Id;
  calendarId: Id;
  date: IsoDate;
  name: string;
  weight: number;
}

/** A holiday on one date, after public data and custom days are merged. */
export interface Holiday {
  date: IsoDate;
  name: string;
  weight: number;
  source: 'public' | 'custom';
  /** The package's type: public, bank, optional, observance… ('custom' for custom days). */
  type: string;
  substitute: boolean;
}

export const SLA_KINDS = ['daily', 'weekly', 'next_business_day', 'within_hours'] as const;
export type SlaKind = (typeof SLA_KINDS)[number];

export type SlaRule =
  | { kind: 'daily'; time: TimeOfDay }
  | { kind: 'weekly'; weekday: number; time: TimeOfDay } // weekday 0 = Sunday … 6 = Saturday
  | { kind: 'next_business_day'; time: TimeOfDay }
  | { kind: 'within_hours'; hours: number; event: string };

export interface Sla {
  id: Id;
  pipelineId: Id;
  rule: SlaRule;
  timeZone: string;
  description: string;
  whyItMatters: string;
}

/** A moment that starts a within-hours SLA's clock (an experiment's start). */
export interface SlaEvent {
  id: Id;
  slaId: Id;
  at: IsoInstant;
  label: string;
}

export interface RunbookScenario {
  id: Id;
  title: string;
  symptoms: string;
  checks: string;
  steps: string[];
}

export const ESCALATION_ROLES = [
  'oncall_primary',
  'oncall_secondary',
  'pipeline_primary',
  'pipeline_secondary',
  'team_lead',
  'contact',
] as const;
export type EscalationRole = (typeof ESCALATION_ROLES)[number];

export interface EscalationLevel {
  id: Id;
  role: EscalationRole;
  /** For 'contact' (and optionally team_lead): who, and how to reach them. */
  contactName: string;
  contactDetail: string;
  afterMinutes: number;
}

export interface Runbook {
  id: Id;
  pipelineId: Id;
  purpose: string;
  inputs: string;
  transformation: string;
  outputs: string;
  scenarios: RunbookScenario[];
  slaText: string;
  dashboards: { label: string; url: string }[];
  alertThresholds: string;
  escalation: EscalationLevel[];
  mitigations: string[];
  updatedAt: IsoInstant;
  revision: number;
}

export const DRILL_STATUSES = ['planned', 'running', 'finished', 'cancelled'] as const;
export type DrillStatus = (typeof DRILL_STATUSES)[number];
export const DRILL_OUTCOMES = ['passed', 'passed_with_findings', 'failed'] as const;
export type DrillOutcome = (typeof DRILL_OUTCOMES)[number];

export const RISK_CATEGORIES = ['data', 'pipeline', 'business_logic'] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];
export const RISK_STATUSES = ['open', 'mitigating', 'mitigated', 'accepted', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export interface Risk {
  id: Id;
  category: RiskCategory;
  title: string;
  description: string;
  likelihood: number; // 1..5
  impact: number; // 1..5
  mitigation: string;
  ownerId: Id | null;
  pipelineIds: Id[];
  status: RiskStatus;
  reviewDate: IsoDate | null;
}

/** One stretch of the computed schedule during which primary and secondary do not change. */
export interface Segment {
  startsAt: IsoInstant;
  endsAt: IsoInstant;
  primaryId: Id | null;
  secondaryId: Id | null;
  /** Index of the base shift this segment lies in. */
  shiftIndex: number;
  /** Ids of the overrides that shape this segment (empty for a plain base shift). */
  overrideIds: Id[];
}

export type WarningKind =
  | 'same_primary_secondary'
  | 'oncall_unavailable'
  | 'double_duty'
  | 'gap'
  | 'back_to_back'
  | 'inactive_scheduled'
  | 'no_secondary_owner'
  | 'owner_same_person'
  | 'investor_without_runbook'
  | 'owner_inactive'
  | 'owner_overloaded'
  | 'owns_nothing'
  | 'investor_owners_away'
  | 'investor_runbook_incomplete'
  | 'review_due'
  | 'fairness_outlier'
  | 'drill_due'
  | 'drill_overdue'
  | 'drill_followup_open'
  | 'pipeline_unrouted';

export interface ModelWarning {
  kind: WarningKind;
  message: string;
  /**
   * Where the lead can fix it: a screen name and, where there is one, the thing; a clash in a
   * rotation's schedule names the rotation its fix changes.
   */
  link: { screen: ScreenName; pipelineId?: Id; date?: IsoDate; rotationId?: Id };
  engineerIds: Id[];
  from?: IsoInstant;
  to?: IsoInstant;
}

export const SCREENS = [
  'today',
  'calendar',
  'team',
  'fairness',
  'ownership',
  'runbooks',
  'drills',
  'slas',
  'risks',
  'export',
] as const;
export type ScreenName = (typeof SCREENS)[number];
