// Facts about the running app: its version, host, database and clock.
import type { AppInfo } from '../../views';
import { noArgs } from '../schemas';
import { returns } from './define';

export const appChannels = {
  'app:info': { args: noArgs, result: returns<AppInfo>() },
} as const;
