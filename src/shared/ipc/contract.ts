// The one map of the bridge: every channel's name, its argument schema and its result type.
// Preload, main and renderer all take their types from here; no channel name is written
// anywhere else.
import type { z } from 'zod';
import type { Engineer, BusinessArea, Ownership, OwnershipChange, Rotation } from '../model';
import type { Result } from '../result';
import type { AppInfo, PipelineRow, TodayView } from '../views';
import { engineerInput, noArgs, ownershipInput, pipelineRef, todayArgs } from './schemas';

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
