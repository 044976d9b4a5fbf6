import type { WatchbillApp } from '../app';
import type { HostClock } from '../clock';
import type { ArgsIn, Channel, ResultOf } from '../../shared/ipc/contract';
import { parseDatabaseArgs, type DatabaseArgs } from './database-args';
import { DEFAULT_CLI_DATABASE } from './command';
import { cliNativeBinding } from './runtime';

/**
 * Opens the database named on the command line, as the browser host would; `instead` overrides
 * what it names. The app (SQLite, holidays, exporters) loads here, on first use, so `--version`
 * and `--help` stay instant.
 */
export async function openFromArgs(
  argv: string[],
  clock: HostClock,
  instead: Partial<DatabaseArgs> = {},
): Promise<WatchbillApp> {
  const { databasePath, empty } = { ...parseDatabaseArgs(argv, process.env, DEFAULT_CLI_DATABASE), ...instead };
  const { openApp } = await import('../app');
  const nativeBinding = cliNativeBinding();
  return openApp({ databasePath, empty, host: 'browser', clock, ...(nativeBinding ? { nativeBinding } : {}) });
}

/** Runs a command's work on the database named on the command line, closing it afterwards. */
export async function withApp<T>(
  argv: string[],
  clock: HostClock,
  work: (app: WatchbillApp) => Promise<T>,
): Promise<T> {
  const app = await openFromArgs(argv, clock);
  try {
    return await work(app);
  } finally {
    app.close();
  }
}

/** Calls a channel through the same validated dispatcher the UI uses; a refusal becomes an error. */
export async function call<K extends Channel>(app: WatchbillApp, channel: K, args: ArgsIn<K>): Promise<ResultOf<K>> {
  const result = await app.dispatch(channel, args);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ResultOf<K>;
}
