// The rotation engine: the team's rotation, the computed schedule, its edits, fairness,
// planning, holidays.
import type { CustomHoliday, Holiday, HolidayWeight, Override } from '../../model';
import type { FairnessWeights } from '../../domain/fairness';
import type { LedgerReport } from '../../domain/ledger';
import type { PlanProposal } from '../../domain/ledger-plan';
import type { ScheduleDifference, SwapSuggestion } from '../../domain/planner';
import type { EditPreview, EditResult, ScheduleView, SnapshotSummary } from '../../views';
import {
  applyArgs,
  customHolidayArgs,
  customHolidayRef,
  fairnessArgs,
  fairnessWeightsArgs,
  holidaysArgs,
  holidayWeightArgs,
  noArgs,
  overrideReasonArgs,
  planArgs,
  previewArgs,
  publishArgs,
  rotationRef,
  scheduleArgs,
  snapshotRef,
  suggestArgs,
} from '../schemas';
import type { ScheduleWindow } from '../../schedule-window';
import { returns } from './define';

export const scheduleChannels = {
  'schedule:get': { args: scheduleArgs, result: returns<ScheduleView>() },
  /** The calendar's window: schedule:get's answer packed (src/shared/schedule-window.ts). */
  'schedule:window': { args: scheduleArgs, result: returns<ScheduleWindow>() },
  'schedule:preview': { args: previewArgs, result: returns<EditPreview>() },
  'schedule:apply': { args: applyArgs, result: returns<EditResult>() },
  'schedule:undo': { args: rotationRef, result: returns<EditResult>() },
  'schedule:redo': { args: rotationRef, result: returns<EditResult>() },
  'override:set-reason': { args: overrideReasonArgs, result: returns<Override>() },
  'fairness:get': { args: fairnessArgs, result: returns<LedgerReport>() },
  'fairness:weights': { args: noArgs, result: returns<FairnessWeights>() },
  'fairness:set-weights': { args: fairnessWeightsArgs, result: returns<FairnessWeights>() },
  'plan:propose': { args: planArgs, result: returns<PlanProposal>() },
  'swaps:suggest': { args: suggestArgs, result: returns<SwapSuggestion[]>() },
  'snapshots:publish': { args: publishArgs, result: returns<SnapshotSummary>() },
  'snapshots:list': { args: rotationRef, result: returns<SnapshotSummary[]>() },
  'snapshots:changes': { args: snapshotRef, result: returns<ScheduleDifference[]>() },
  'holidays:list': { args: holidaysArgs, result: returns<Holiday[]>() },
  'holidays:set-weight': { args: holidayWeightArgs, result: returns<HolidayWeight[]>() },
  'holidays:add-custom': { args: customHolidayArgs, result: returns<CustomHoliday>() },
  'holidays:remove-custom': { args: customHolidayRef, result: returns<null>() },
} as const;
