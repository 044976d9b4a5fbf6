// Facts about the running app (version, host, database file) and the main process's clock,
// read once when the app starts. The clock is followed as the answer arrives, before any
// screen that speaks of "today" is shown.
import { useQuery } from '@tanstack/react-query';
import type { AppInfo } from '../../shared/views';
import { followMainClock } from '../clock';
import { channelKey, fetchChannel, queryClient } from './client';

function useAppInfoQuery() {
  return useQuery(
    {
      queryKey: channelKey('app:info', {}),
      queryFn: async () => {
        const info = await fetchChannel('app:info', {});
        followMainClock(info);
        return info;
      },
    },
    queryClient,
  );
}

export function useAppInfo(): AppInfo | null {
  return useAppInfoQuery().data ?? null;
}

/** Whether the main process's clock is known (or could not be asked): screens wait for it. */
export function useClockKnown(): boolean {
  return useAppInfoQuery().status !== 'pending';
}
