// The team's engineers (those who left too), which most screens name people from.
import type { Engineer } from '../../shared/model';
import { channelKey, queryClient, useChannel } from './client';

const NO_ENGINEERS: Engineer[] = [];

export function useEngineers(): Engineer[] {
  return useChannel('engineers:list', {}).data ?? NO_ENGINEERS;
}

/** The engineers as last read, for an action that draws with them (an edit drawn before it is saved). */
export function engineersRead(): Engineer[] {
  return queryClient.getQueryData<Engineer[]>(channelKey('engineers:list', {})) ?? NO_ENGINEERS;
}
