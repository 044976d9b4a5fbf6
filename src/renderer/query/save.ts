// The one way a change goes to the main process: call the channel and, when it is accepted,
// refresh exactly what the staleness table says it made stale — the queries of those channels,
// and the store slices that keep their own copy (the calendar's schedule window) through onStale.
import type { ArgsIn, Channel, ResultOf } from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';
import { call } from '../api/client';
import { queryClient } from './client';
import { staleAfter } from './staleness';

/** Told which channels went stale, so one listener on several can do what they call for together. */
type StaleListener = (stale: ReadonlySet<Channel>) => unknown;
const listeners = new Map<Channel, Set<StaleListener>>();

/** Runs `listener` whenever a change makes one of `channels` stale; returns the unsubscribe. */
export function onStale(channels: Channel[], listener: StaleListener): () => void {
  for (const channel of channels) {
    const set = listeners.get(channel) ?? new Set<StaleListener>();
    set.add(listener);
    listeners.set(channel, set);
  }
  return () => {
    for (const channel of channels) listeners.get(channel)?.delete(listener);
  };
}

export interface SaveOptions {
  /** Channels whose fresh answer the caller already holds (the calendar's window comes back with its edit). */
  keep?: Channel[];
}

/** Marks stale what a successful call of `channel` changed, and waits for what is shown to be read again. */
export async function invalidateAfter(channel: Channel, options: SaveOptions = {}): Promise<void> {
  const stale = new Set(staleAfter(channel).filter((name) => !options.keep?.includes(name)));
  const notify = new Set<StaleListener>();
  for (const name of stale) for (const listener of listeners.get(name) ?? []) notify.add(listener);
  await Promise.all([
    queryClient.invalidateQueries({ predicate: (query) => stale.has(query.queryKey[0] as Channel) }),
    ...[...notify].map((listener) => listener(stale)),
  ]);
}

/** Calls a changing channel; on success, refreshes what it made stale before answering. */
export async function save<K extends Channel>(
  channel: K,
  args: ArgsIn<K>,
  options: SaveOptions = {},
): Promise<Result<ResultOf<K>>> {
  const result = await call(channel, args);
  if (result.ok) await invalidateAfter(channel, options);
  return result;
}
