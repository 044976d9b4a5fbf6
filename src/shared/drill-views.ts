// Shapes the drill services answer with: a drill joined with what the runner and the record
// show (the scenario, the escalation chain with names, timings, history).
import type { ExportFile } from './ipc/channels/share';
import type { Engineer, Id, IsoInstant, Pipeline } from './model';
import type { ResolvedLevel } from './domain/escalation';
import type {
  Drill,
  DrillCadence,
  DrillDue,
  DrillFollowup,
  DrillStep,
  DrillTimings,
  ScenarioHistory,
} from './domain/drills';
import type { RevisionSummary } from './operations-views';

export interface DrillScenario {
  title: string;
  symptoms: string;
  checks: string;
  /** False when the runbook no longer has this scenario (the record keeps its title and steps). */
  inRunbook: boolean;
}

export interface DrillView {
  drill: Drill;
  pipeline: Pipeline;
  scenario: DrillScenario;
  /** The drill's own steps once started; before that, the runbook's current steps (nothing ticked). */
  steps: DrillStep[];
  nextStep: number | null;
  timings: DrillTimings;
  /** The escalation path at the drill's moment (its start, or its planned time), resolved to names; null: no runbook. */
  escalation: ResolvedLevel[] | null;
  engineers: Engineer[];
  timeZone: string;
  /** The main process's clock when it answered, so the runner's clock can correct for a skewed renderer clock. */
  serverNow: IsoInstant;
  /** Runbook revisions saved from this drill's record. */
  revisions: RevisionSummary[];
  /** Finished drills of the same pipeline and scenario, this one included once finished. */
  history: ScenarioHistory | null;
}

export interface DrillListItem {
  drill: Drill;
  pipelineName: string;
  timings: DrillTimings;
}

export interface DrillPipelineOption {
  pipeline: Pipeline;
  scenarios: { id: Id; title: string; steps: number }[];
}

export interface DrillsView {
  /** Newest first. */
  drills: DrillListItem[];
  due: DrillDue[];
  cadence: DrillCadence;
  pipelines: DrillPipelineOption[];
  engineers: Engineer[];
  timeZone: string;
  at: IsoInstant;
}

export interface FollowupRow extends DrillFollowup {
  pipelineId: Id;
  pipelineName: string;
  scenarioTitle: string;
}

export interface DrillDueView {
  at: IsoInstant;
  cadence: DrillCadence;
  due: DrillDue[];
  openFollowups: FollowupRow[];
}

/** The report as a file to save (PDF content is base64), and which format it is. */
export interface DrillReport extends ExportFile {
  format: DrillReportFormat;
}

export type DrillReportFormat = 'md' | 'html' | 'pdf';

export interface OnCallPair {
  at: IsoInstant;
  primaryId: Id | null;
  secondaryId: Id | null;
  /** Why nobody from the pipeline's rotation is primary then (no rotation, off its hours); null when someone is. */
  nobody: string | null;
}
