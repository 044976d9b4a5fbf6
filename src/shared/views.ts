// Shapes the services answer with: the model joined and computed for a screen.
import type {
  BusinessArea,
  Engineer,
  Holiday,
  Id,
  IsoInstant,
  ModelWarning,
  Ownership,
  Override,
  Pipeline,
  Rotation,
  Segment,
  Unavailability,
} from './model';
import type { LedgerWhatIf } from './domain/ledger';
import type { AppliedChange, Change } from './domain/rotation';

/** Where the main process takes "now" from: the real clock, or one a test or the lead chose. */
export type ClockMode = 'real' | 'frozen' | 'running';

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser';
  databasePath: string;
  schemaVersion: number;
  /** The main process's "now" when it answered; the renderer's clock follows it. */
  now: IsoInstant;
  clock: ClockMode;
}

export interface PipelineRow {
  pipeline: Pipeline;
  area: BusinessArea | null;
  ownership: Ownership | null;
  /** A problem with this row's owners, worded for the lead ('Primary and secondary are both Engineer A'). */
  ownershipProblem: string | null;
}

export interface OnCallNow {
  primaryId: Id | null;
  secondaryId: Id | null;
  since: IsoInstant;
  until: IsoInstant;
}

/** One rotation on Today: who holds it now, and who next. */
export interface RotationToday {
  rotation: Rotation;
  /** Who is on call in it at the view's moment; null when nobody from it is (see `nobody`). */
  now: OnCallNow | null;
  /** Why nobody from it is on call now, in words ("Nobody from X is on call now: it covers …"). */
  nobody: string | null;
  /** When it answers, in words ("Mon–Fri 09:00–18:00 New York time"); null when around the clock. */
  covers: string | null;
  next: OnCallNow | null;
  /** The next moment the primary changes hands, from whom to whom. */
  nextHandoff: { at: IsoInstant; fromId: Id | null; toId: Id | null } | null;
}

/** Who holds a holiday in one rotation: the pair on call at noon that day, in the rotation's zone. */
export interface HolidayHolder {
  rotationId: Id;
  primaryId: Id | null;
  secondaryId: Id | null;
}

export interface TodayView {
  at: IsoInstant;
  /** The team's zone: the day Today speaks of, and times not tied to one rotation. */
  timeZone: string;
  /** Every rotation in use, in the lead's order. */
  rotations: RotationToday[];
  engineers: Engineer[];
  /** Each holiday with who holds it in each rotation. */
  upcomingHolidays: (Holiday & { holders: HolidayHolder[] })[];
  warnings: ModelWarning[];
}

export interface ScheduleView {
  rotation: Rotation;
  from: IsoInstant;
  to: IsoInstant;
  segments: Segment[];
  /** Overrides that touch the range. */
  overrides: Override[];
  holidays: Holiday[];
  unavailability: Unavailability[];
  warnings: ModelWarning[];
  canUndo: string | null;
  canRedo: string | null;
  /** The drills layer: drills planned or held in the range, and drills due or overdue. */
  drills: CalendarDrills;
}

export interface CalendarDrills {
  drills: { id: Id; pipelineName: string; scenarioTitle: string; scheduledAt: IsoInstant; status: string }[];
  due: { pipelineId: Id; pipelineName: string; state: 'due' | 'overdue'; date: string }[];
}

/** What an edit would do, before the lead confirms it. */
export interface EditPreview {
  label: string;
  change: Change;
  fairness: LedgerWhatIf;
}

/**
 * A saved edit: what it wrote (with the ids the overrides were given) and the journal's labels.
 * The calendar works its window out from `applied` (withSavedEdit), so the answer stays small
 * and quick however much of the schedule the calendar keeps.
 */
export interface EditResult {
  /** The rotation edited: its undo labels follow. */
  rotationId: Id;
  label: string;
  applied: AppliedChange;
  canUndo: string | null;
  canRedo: string | null;
}

export interface SnapshotSummary {
  id: Id;
  rangeStart: IsoInstant;
  rangeEnd: IsoInstant;
  publishedAt: IsoInstant;
  note: string;
}
