// The one map of the bridge: every channel's name, its argument schema and its result type.
// Each domain declares its channels once, in channels/<domain>.ts; this file joins them
// (refusing a name declared twice) and derives every type the preload, the main process and
// the renderer use, so no channel name is written anywhere else.
import type { z } from 'zod';
import type { Result } from '../result';
import { appChannels } from './channels/app';
import { clashChannels } from './channels/clashes';
import { mergeChannelGroups } from './channels/define';
import { drillChannels } from './channels/drills';
import { fileChannels } from './channels/files';
import { jobChannels } from './channels/jobs';
import { operationsChannels } from './channels/operations';
import { publishChannels } from './channels/publish';
import { ledgerChannels } from './channels/ledger';
import { recoveryChannels } from './channels/recovery';
import { rotationChannels } from './channels/rotations';
import { rotationFairnessChannels } from './channels/rotation-fairness';
import { scheduleChannels } from './channels/schedule';
import { shareChannels } from './channels/share';
import { teamChannels } from './channels/team';
import { todayChannels } from './channels/today';

export const channels = mergeChannelGroups(
  appChannels,
  todayChannels,
  rotationChannels,
  scheduleChannels,
  operationsChannels,
  shareChannels,
  drillChannels,
  fileChannels,
  teamChannels,
  recoveryChannels,
  jobChannels,
  publishChannels,
  clashChannels,
  ledgerChannels,
  rotationFairnessChannels,
);

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

/** The handlers of one channel group (`HandlersFor<typeof teamChannels>`), the type of a handler file. */
export type HandlersFor<Group> = Pick<Handlers, keyof Group & Channel>;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(channels, name);
}
