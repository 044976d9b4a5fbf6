import type { WatchbillApp } from '../../../src/main/app';
import type { ArgsIn, Channel, ResultOf } from '../../../src/shared/ipc/contract';

/** Calls a channel through the validated dispatcher; a refusal fails the test with its message. */
export async function callOk<K extends Channel>(app: WatchbillApp, channel: K, args: ArgsIn<K>): Promise<ResultOf<K>> {
  const result = await app.dispatch(channel, args);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ResultOf<K>;
}

/** Row counts of every table: the same before and after a refused import means nothing was written. */
export const rowCounts = (app: WatchbillApp) => app.repos.backup.counts();
