// Drills: planning, the runner (every tick, mark and note saved as it happens), the record,
// history, the report, and the cadence that says when a pipeline is due.
import type { DrillCadence, ScenarioHistory } from '../../domain/drills';
import type { DrillDueView, DrillReport, DrillsView, DrillView, FollowupRow, OnCallPair } from '../../drill-views';
import {
  drillCadenceInput,
  drillEditStepArgs,
  drillFinishArgs,
  drillHistoryArgs,
  drillMarkArgs,
  drillNoteArgs,
  drillRef,
  drillReportArgs,
  drillScheduleArgs,
  drillTickArgs,
  drillUntickArgs,
  followupStatusArgs,
  onCallAtArgs,
} from '../drill-schemas';
import { noArgs } from '../schemas';
import { returns } from './define';

export const drillChannels = {
  'drills:list': { args: noArgs, result: returns<DrillsView>() },
  'drills:on-call': { args: onCallAtArgs, result: returns<OnCallPair>() },
  'drills:schedule': { args: drillScheduleArgs, result: returns<DrillView>() },
  'drills:get': { args: drillRef, result: returns<DrillView>() },
  'drills:start': { args: drillRef, result: returns<DrillView>() },
  'drills:cancel': { args: drillRef, result: returns<DrillView>() },
  'drills:tick': { args: drillTickArgs, result: returns<DrillView>() },
  'drills:untick': { args: drillUntickArgs, result: returns<DrillView>() },
  'drills:mark': { args: drillMarkArgs, result: returns<DrillView>() },
  'drills:note': { args: drillNoteArgs, result: returns<DrillView>() },
  'drills:finish': { args: drillFinishArgs, result: returns<DrillView>() },
  'drills:followup-status': { args: followupStatusArgs, result: returns<FollowupRow>() },
  'drills:due': { args: noArgs, result: returns<DrillDueView>() },
  'drills:history': { args: drillHistoryArgs, result: returns<ScenarioHistory[]>() },
  'drills:report': { args: drillReportArgs, result: returns<DrillReport>() },
  'drills:edit-step': { args: drillEditStepArgs, result: returns<DrillView>() },
  'drills:cadence': { args: noArgs, result: returns<DrillCadence>() },
  'drills:set-cadence': { args: drillCadenceInput, result: returns<DrillCadence>() },
} as const;
