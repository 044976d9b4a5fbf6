// The one map of the bridge: every channel's name, its argument schema and its result type.
// Preload, main and renderer all take their types from here; no channel name is written
// anywhere else.
import type { z } from 'zod';
import type { CustomHoliday, Engineer, BusinessArea, Holiday, HolidayWeight, Override, Ownership, OwnershipChange, Rotation } from '../model';
import type { FairnessReport, FairnessWeights } from '../domain/fairness';
import type { PlanResult, ScheduleDifference, SwapSuggestion } from '../domain/planner';
import type { Result } from '../result';
import type { AppInfo, EditPreview, EditResult, PipelineRow, ScheduleView, SnapshotSummary, TodayView } from '../views';
import {
  applyArgs,
  customHolidayArgs,
  customHolidayRef,
  engineerInput,
  fairnessArgs,
  fairnessWeightsArgs,
  holidaysArgs,
  holidayWeightArgs,
  noArgs,
  overrideReasonArgs,
  ownershipInput,
  pipelineRef,
  planArgs,
  previewArgs,
  publishArgs,
  rotationInput,
  rotationRef,
  scheduleArgs,
  snapshotRef,
  suggestArgs,
  todayArgs,
} from './schemas';

/** Declares a channel's result type; the value itself is never used at run time. */
const returns = <T>(): T => undefined as T;

export const channels = {
  'app:info': { args: noArgs, result: returns<AppInfo>() },
  'engineers:list': { args: noArgs, result: returns<Engineer[]>() },
  'engineers:save': { args: engineerInput, result: returns<Engineer>() },
  'areas:list': { args: noArgs, result: returns<BusinessArea[]>() },
  'pipelines:list': { args: noArgs, result: returns<PipelineRow[]>() },
  'ownership:set': { args: ownershipInput, result: returns<Ownership>() },
  'ownership:history': { args: pipelineRef, result: returns<OwnershipChange[]>() },
  'rotations:list': { args: noArgs, result: returns<Rotation[]>() },
  'today:get': { args: todayArgs, result: returns<TodayView>() },
  'rotations:save': { args: rotationInput, result: returns<Rotation>() },
  'schedule:get': { args: scheduleArgs, result: returns<ScheduleView>() },
  'schedule:preview': { args: previewArgs, result: returns<EditPreview>() },
  'schedule:apply': { args: applyArgs, result: returns<EditResult>() },
  'schedule:undo': { args: rotationRef, result: returns<EditResult>() },
  'schedule:redo': { args: rotationRef, result: returns<EditResult>() },
  'override:set-reason': { args: overrideReasonArgs, result: returns<Override>() },
  'fairness:get': { args: fairnessArgs, result: returns<FairnessReport>() },
  'fairness:weights': { args: noArgs, result: returns<FairnessWeights>() },
  'fairness:set-weights': { args: fairnessWeightsArgs, result: returns<FairnessWeights>() },
  'plan:propose': { args: planArgs, result: returns<PlanResult>() },
  'swaps:suggest': { args: suggestArgs, result: returns<SwapSuggestion[]>() },
  'snapshots:publish': { args: publishArgs, result: returns<SnapshotSummary>() },
  'snapshots:list': { args: rotationRef, result: returns<SnapshotSummary[]>() },
  'snapshots:changes': { args: snapshotRef, result: returns<ScheduleDifference[]>() },
  'holidays:list': { args: holidaysArgs, result: returns<Holiday[]>() },
  'holidays:set-weight': { args: holidayWeightArgs, result: returns<HolidayWeight[]>() },
  'holidays:add-custom': { args: customHolidayArgs, result: returns<CustomHoliday>() },
  'holidays:remove-custom': { args: customHolidayRef, result: returns<null>() },
} as const;

export type Channel = keyof typeof channels;
export const CHANNEL_NAMES = Object.keys(channels) as Channel[];

/** What the renderer sends (defaults may be omitted). */
export type ArgsIn<K extends Channel> = z.input<(typeof channels)[K]['args']>;
/** What a handler receives, after parsing and defaults. */
export type ArgsOut<K extends Channel> = z.output<(typeof channels)[K]['args']>;
export type ResultOf<K extends Channel> = (typeof channels)[K]['result'];

/** The renderer's view of the bridge: window.api in Electron, HTTP in the browser host. */
export type Api = { [K in Channel]: (args: ArgsIn<K>) => Promise<Result<ResultOf<K>>> };

/** The main process's side: one handler per channel. */
export type Handlers = { [K in Channel]: (args: ArgsOut<K>) => ResultOf<K> | Promise<ResultOf<K>> };

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(channels, name);
}
