// Server data in the renderer: one query per channel and arguments, keyed [channel, args],
// fetched through api/client's `call`. A refusal becomes the query's error with the main
// process's words; data stays visible while it is read again, as the store's slices showed it.
import { useCallback } from 'react';
import { keepPreviousData, QueryClient, useQuery, type QueryKey } from '@tanstack/react-query';
import type { ArgsIn, Channel, ResultOf } from '../../shared/ipc/contract';
import { call } from '../api/client';

/** A refusal or a transport failure, carrying the message the user is shown. */
export class ChannelError extends Error {}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Read again whenever a screen opens (as the slices' loaders did), and when a change makes it stale.
        staleTime: 0,
        // ...but not when a part of a screen that already shows it mounts: that part would read it
        // again, its parent would show "loading" meanwhile and unmount it, and so on forever.
        refetchOnMount: (query) => query.getObserversCount() <= 1,
        // A refusal is an answer, not a hiccup: show it at once.
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
    },
  });
}

/** The app's one cache; tests start each case with `queryClient.clear()`. */
export const queryClient = makeQueryClient();

export const channelKey = <K extends Channel>(channel: K, args: ArgsIn<K>): QueryKey => [channel, args];

export async function fetchChannel<K extends Channel>(channel: K, args: ArgsIn<K>): Promise<ResultOf<K>> {
  const result = await call(channel, args);
  if (!result.ok) throw new ChannelError(result.error.message);
  return result.value;
}

/** The channel's answer from the cache when there is one, else read now: for an action, not a screen. */
export function readChannel<K extends Channel>(channel: K, args: ArgsIn<K>): Promise<ResultOf<K>> {
  return queryClient.ensureQueryData({
    queryKey: channelKey(channel, args),
    queryFn: () => fetchChannel(channel, args),
  });
}

export interface ChannelState<T> {
  /** The last answer; kept while the channel is read again, and after a later refusal. */
  data: T | undefined;
  /** 'loading' while a read is under way, even with data shown. */
  status: 'loading' | 'ready' | 'error';
  /** The last refusal's words, kept while it is read again. */
  error: string | null;
  /** Reads the channel again (a Refresh or Retry button). */
  reload(): Promise<void>;
}

/** Reads a channel and keeps it fresh: the staleness table refreshes it after a change it depends on. */
export function useChannel<K extends Channel>(
  channel: K,
  args: ArgsIn<K>,
  options: {
    enabled?: boolean;
    /** Keep showing the answer for the previous arguments until the new one arrives (a moment chosen anew). */
    keepPrevious?: boolean;
    /** Read again every so many milliseconds while shown (what only the main process sees change). */
    refetchInterval?: number | false;
  } = {},
): ChannelState<ResultOf<K>> {
  // The one cache is passed, not provided: every screen and test reads the same one without a wrapper.
  const query = useQuery(
    {
      queryKey: channelKey(channel, args),
      queryFn: () => fetchChannel(channel, args),
      enabled: options.enabled ?? true,
      ...(options.keepPrevious && { placeholderData: keepPreviousData }),
      refetchInterval: options.refetchInterval ?? false,
    },
    queryClient,
  );
  const error = query.error ? query.error.message : null;
  const status = query.isFetching || query.isPending ? 'loading' : query.isError ? 'error' : 'ready';
  const { refetch } = query;
  const reload = useCallback(async () => {
    await refetch();
  }, [refetch]);
  return { data: query.data as ResultOf<K> | undefined, status, error, reload };
}
