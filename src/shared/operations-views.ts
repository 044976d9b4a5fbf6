// Shapes the operations services answer with (pipelines, ownership, runbooks, escalation, SLAs,
// risks): the model joined and computed for the Ownership, Runbooks, SLAs and Risks screens.
import type {
  BusinessArea,
  Engineer,
  Id,
  IsoDate,
  IsoInstant,
  ModelWarning,
  Ownership,
  OwnershipReview,
  Pipeline,
  Risk,
  Rotation,
  Runbook,
  Sla,
} from './model';
import type { ResolvedLevel, TeamLead } from './domain/escalation';
import type { OwnershipLoad } from './domain/ownership';
import type { RunbookCompleteness, RunbookContent, RunbookDiff } from './domain/runbook';
import type { SlaDeadline } from './domain/sla';

export interface MatrixRow {
  pipeline: Pipeline;
  area: BusinessArea | null;
  ownership: Ownership | null;
  /** null: no runbook yet. */
  runbook: RunbookCompleteness | null;
}

/** The pipeline × engineer matrix: rows carry the owners and reasons, columns the engineers and their load. */
export interface OwnershipMatrix {
  engineers: Engineer[];
  /** Pipelines in service first, then retired ones (retiredAt set), each group in area order. */
  rows: MatrixRow[];
  load: OwnershipLoad[];
  warnings: ModelWarning[];
}

export interface ReviewChecklistItem {
  key: string;
  label: string;
}

export interface ReviewsView {
  checklist: ReviewChecklistItem[];
  /** Newest first. */
  reviews: OwnershipReview[];
  currentQuarter: string;
  due: boolean;
}

export interface RunbookView {
  pipeline: Pipeline;
  /** null: the pipeline has no runbook yet (saving creates one). */
  runbook: Runbook | null;
  completeness: RunbookCompleteness | null;
}

export interface RevisionSummary {
  revision: number;
  savedAt: IsoInstant;
  note: string;
  /** The drill whose findings led to this revision, if any. */
  drillId: Id | null;
}

export interface RevisionView extends RevisionSummary {
  content: RunbookContent;
}

export interface RevisionDiffView {
  from: RevisionSummary;
  to: RevisionSummary;
  diff: RunbookDiff;
}

export interface WhoView {
  pipeline: Pipeline;
  at: IsoInstant;
  /** The rotation that answers for the pipeline (its on-call levels); null when it names none. */
  rotation: Rotation | null;
  /** null: the pipeline has no runbook, so there is no escalation path. */
  levels: ResolvedLevel[] | null;
  teamLead: TeamLead | null;
}

export interface SlaRow {
  sla: Sla;
  pipeline: Pipeline;
  /** The rule in words: "by 09:00 the next business day". */
  summary: string;
  /** The next deadline from now; null for within_hours (it waits for an event). */
  next: SlaDeadline | null;
}

export interface UpcomingDeadline {
  slaId: Id;
  pipelineId: Id;
  pipelineName: string;
  timeZone: string;
  summary: string;
  deadline: SlaDeadline;
  /**
   * Why nobody from the pipeline's rotation is primary on call when it falls due (it has no
   * rotation, or the deadline is outside its hours); null when someone is.
   */
  nobodyOnCall: string | null;
}

export interface DeadlinesView {
  from: IsoDate;
  days: number;
  deadlines: UpcomingDeadline[];
  /** within_hours SLAs with no event given: their deadline depends on when the event happens. */
  waitingForEvent: { slaId: Id; pipelineId: Id; pipelineName: string; summary: string }[];
}

export interface RiskCell {
  likelihood: number;
  impact: number;
  riskIds: Id[];
}

export interface RiskRegister {
  risks: Risk[];
  /** 5 × 5 cells, likelihood 5 → 1 (rows) by impact 1 → 5, for the heat map; closed risks left out. */
  matrix: RiskCell[][];
}
