// The composition root shared by every host (Electron, the browser host, the CLI, tests):
// open the database, set it up on first start, and wire the services to the dispatcher.
import { existsSync } from 'node:fs';
import { realClock, type HostClock } from './clock';
import { startAutomaticBackups, type AutomaticBackups } from './automatic-backups';
import { openDatabase, closeDatabase, type OpenOptions } from './db/connection';
import type { DatabaseError } from './db/errors';
import { schemaVersion } from './db/migrations/runner';
import { createRepositories, type Repositories } from './db/repositories';
import { createDispatch, mergeHandlers, type Dispatch } from './ipc/register';
import { createJobPool, type PoolOptions } from './jobs/pool';
import { appVersion, seedPath } from './paths';
import { isRecoverable, recoveryDispatch, recoveryHandlers } from './recovery';
import { appInfoHandlers, jobHandlers } from './services/app-info';
import type { ServiceContext } from './services/context';
import { drillHandlers } from './services/drills';
import { teamToday } from './queries/team';
import { operationsHandlers } from './services/operations';
import { clashHandlers } from './services/clashes';
import { rotationFairnessHandlers } from './services/rotation-fairness';
import { rotationHandlers } from './services/rotations';
import { scheduleHandlers } from './services/schedule';
import { ledgerHandlers } from './services/ledger';
import { shareHandlers } from './services/share';
import { teamHandlers } from './services/team';
import { todayHandlers } from './services/today';
import { initializeDatabase } from './services/seed';
import type { fileChannels } from '../shared/ipc/channels/files';
import type { Handlers, HandlersFor } from '../shared/ipc/contract';
import { createPublisher, type Publisher } from './publish/publisher';
import { memorySecrets, type SecretStore } from './publish/secrets';
import { CALENDAR_EDITS, publishHandlers } from './publish/service';
import { DomainError } from '../shared/result';

export interface AppOptions extends OpenOptions {
  databasePath: string;
  host: 'electron' | 'browser';
  /** Start a new database empty instead of with the example team. */
  empty?: boolean;
  /** Where "now" comes from (see clock.ts); the real clock if not given. */
  clock?: HostClock;
  log?: (message: string, error: unknown) => void;
  /** The host's native file dialogs; without them the file channels answer 'unsupported'. */
  fileHandlers?: HandlersFor<typeof fileChannels>;
  /** Keep automatic backups beside the file (on start, then daily): for hosts that keep running. */
  backups?: boolean;
  /** The host opens a copy restored from a backup and answers true, or leaves it to the lead. */
  onRestored?: (path: string) => boolean;
  /** The worker threads for long computations (tests point them at the built worker). */
  jobs?: PoolOptions;
  /** Where calendar servers' passwords are kept: the OS keychain in the desktop app, else memory. */
  secrets?: SecretStore;
  /** How long a publish that could not reach its server waits before trying again (default 30 s). */
  publishRetryMs?: number;
}

const noFileDialogs: HandlersFor<typeof fileChannels> = {
  'files:save-as': () => {
    throw new DomainError('unsupported', 'There is no save dialog here: the browser downloads the file instead.');
  },
  'files:open': () => {
    throw new DomainError('unsupported', 'There is no open dialog here: choose the file in the page instead.');
  },
};

export interface WatchbillApp {
  repos: Repositories;
  handlers: Handlers;
  dispatch: Dispatch;
  firstStart: 'seeded' | 'empty' | 'existing';
  /** Null for an in-memory database or a host that keeps no backups. */
  backups: AutomaticBackups | null;
  /** Publishing to calendar servers and feed folders, running in the background. */
  publisher: Publisher;
  /**
   * Stops the running computations and closes the database (once a backup being written has
   * stopped); the promise settles when the worker threads have ended (a caller about to exit
   * need not wait for it).
   */
  close(): Promise<void>;
}

/** What a host serves: the app, or recovery mode when the database was refused. */
export type HostedApp =
  | { mode: 'app'; app: WatchbillApp; dispatch: Dispatch; databasePath: string; close(): Promise<void> }
  | { mode: 'recovery'; refused: DatabaseError; dispatch: Dispatch; databasePath: string; close(): Promise<void> };

export function openApp(options: AppOptions): WatchbillApp {
  const inMemory = options.databasePath === ':memory:';
  // The example team goes only into a file created now, never into one that was already there.
  const created = inMemory || !existsSync(options.databasePath);
  const db = openDatabase(options.databasePath, options);
  let backups: AutomaticBackups | null = null;
  const jobs = createJobPool(options.jobs);
  try {
    const clock = options.clock ?? realClock;
    const now = clock.now;
    const log = options.log ?? ((message: string, error: unknown) => console.error(message, error));
    const repos = createRepositories(db);
    const firstStart = initializeDatabase(repos, {
      empty: (options.empty ?? false) || !created,
      seedPath: seedPath(),
      now: now(),
    });
    const context: ServiceContext = {
      repos,
      jobs,
      now,
      info: {
        version: appVersion(),
        host: options.host,
        databasePath: options.databasePath,
        schemaVersion: () => schemaVersion(db),
      },
    };
    const secrets = options.secrets ?? memorySecrets();
    const publisher = createPublisher(context, { secrets, retryMs: options.publishRetryMs ?? 30_000, log });
    const handlers = mergeHandlers(
      appInfoHandlers(context, clock),
      jobHandlers(context),
      teamHandlers(context),
      todayHandlers(context),
      rotationHandlers(context),
      scheduleHandlers(context),
      clashHandlers(context),
      rotationFairnessHandlers(context),
      operationsHandlers(context),
      ledgerHandlers(context),
      shareHandlers(context),
      drillHandlers(context),
      publishHandlers(context, publisher, secrets),
      recoveryHandlers({
        databasePath: options.databasePath,
        refused: null,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        ...(options.onRestored ? { onRestored: options.onRestored } : {}),
      }),
      options.fileHandlers ?? noFileDialogs,
    );
    const dispatched = createDispatch(handlers, { log });
    // A saved edit is published in the background to the targets that ask for it; the answer does not wait.
    const dispatch: Dispatch = async (channel, payload) => {
      const result = await dispatched(channel, payload);
      if (result.ok && CALENDAR_EDITS.has(channel)) publisher.afterEdit();
      return result;
    };
    if (options.backups && !inMemory) {
      backups = startAutomaticBackups({
        db,
        databasePath: options.databasePath,
        today: () => teamToday(repos, now()),
        log,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      });
    }
    const running = backups;
    return {
      repos,
      handlers,
      dispatch,
      firstStart,
      backups,
      publisher,
      // A backup being written needs the database open until it has stopped.
      close: () => {
        // A publish under way still writes what it sent; the database waits for it too.
        const publishing = publisher.close();
        const stopped = jobs.close();
        const backingUp = running?.stop();
        if (publishing || backingUp) void Promise.all([publishing, backingUp]).then(() => closeDatabase(db));
        else closeDatabase(db);
        return stopped;
      },
    };
  } catch (error) {
    void jobs.close();
    const settling = backups?.stop();
    if (settling) void settling.then(() => closeDatabase(db));
    else closeDatabase(db);
    throw error;
  }
}

/**
 * Opens the app, or, when the file is refused for what it is (damaged, foreign, newer,
 * locked…), recovery mode on the same path. Other failures (a path that cannot be created)
 * are thrown: there is nothing to recover.
 */
export function openAppOrRecovery(options: AppOptions): HostedApp {
  try {
    const app = openApp(options);
    return { mode: 'app', app, dispatch: app.dispatch, databasePath: options.databasePath, close: app.close };
  } catch (error) {
    if (!isRecoverable(error)) throw error;
    const dispatch = recoveryDispatch({
      databasePath: options.databasePath,
      refused: error,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.onRestored ? { onRestored: options.onRestored } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
    return { mode: 'recovery', refused: error, dispatch, databasePath: options.databasePath, close: async () => {} };
  }
}

export interface Host {
  current(): HostedApp;
  /** Always the current app's dispatcher, so a host binds it once. */
  dispatch: Dispatch;
  close(): Promise<void>;
}

/**
 * The app a long-running host serves. A backup restored as a copy (from recovery mode or
 * not) is opened in place of the current file, unless the copy is refused too.
 */
export function openHost(options: AppOptions, onSwitched?: (path: string) => void): Host {
  const withRestore: AppOptions = {
    ...options,
    onRestored: (path) => {
      const next = openAppOrRecovery({ ...withRestore, databasePath: path, empty: true });
      if (next.mode === 'recovery') return false;
      void current.close();
      current = next;
      onSwitched?.(path);
      return true;
    },
  };
  let current = openAppOrRecovery(withRestore);
  return {
    current: () => current,
    dispatch: (channel, payload) => current.dispatch(channel, payload),
    close: () => current.close(),
  };
}
