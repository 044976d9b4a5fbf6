// Engineers, pipelines and their owners, and the Today summary.
import type { BusinessArea, Engineer, Ownership, OwnershipChange, Rotation } from '../../model';
import type { AppInfo, PipelineRow, TodayView } from '../../views';
import { engineerInput, noArgs, ownershipInput, pipelineRef, todayArgs } from '../schemas';
import { returns } from './define';

export const coreChannels = {
  'app:info': { args: noArgs, result: returns<AppInfo>() },
  'engineers:list': { args: noArgs, result: returns<Engineer[]>() },
  'engineers:save': { args: engineerInput, result: returns<Engineer>() },
  'areas:list': { args: noArgs, result: returns<BusinessArea[]>() },
  'pipelines:list': { args: noArgs, result: returns<PipelineRow[]>() },
  'ownership:set': { args: ownershipInput, result: returns<Ownership>() },
  'ownership:history': { args: pipelineRef, result: returns<OwnershipChange[]>() },
  'rotations:list': { args: noArgs, result: returns<Rotation[]>() },
  'today:get': { args: todayArgs, result: returns<TodayView>() },
} as const;
