// The composition root shared by every host (Electron, the browser host, the CLI, tests):
// open the database, set it up on first start, and wire the services to the dispatcher.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, closeDatabase, type OpenOptions } from './db/connection';
import { schemaVersion } from './db/migrations/runner';
import { createRepositories, type Repositories } from './db/repositories';
import { createDispatch, mergeHandlers, type Dispatch } from './ipc/register';
import { createJobPool, type PoolOptions } from './jobs/pool';
import { appRoot, seedPath } from './paths';
import type { ServiceContext } from './services/context';
import { drillHandlers } from './services/drills';
import { engineerHandlers } from './services/engineers';
import { ownershipHandlers } from './services/ownership';
import { planHandlers } from './services/plan';
import { scheduleHandlers } from './services/schedule';
import { shareHandlers } from './services/share';
import { todayHandlers } from './services/today';
import { initializeDatabase } from './services/seed';
import type { Handlers } from '../shared/ipc/contract';
import { DomainError } from '../shared/result';

export interface AppOptions extends OpenOptions {
  databasePath: string;
  host: 'electron' | 'browser';
  /** Start a new database empty instead of with the example team. */
  empty?: boolean;
  now?: () => Date;
  log?: (message: string, error: unknown) => void;
  /** The host's native file dialogs; without them the file channels answer 'unsupported'. */
  fileHandlers?: Pick<Handlers, FileChannel>;
  /** The worker threads for long computations (tests point them at the built worker). */
  jobs?: PoolOptions;
}

type FileChannel = 'files:save-as' | 'files:open';

const noFileDialogs: Pick<Handlers, FileChannel> = {
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
  /**
   * Stops the running computations and closes the database at once; the promise settles when
   * the worker threads have ended (a caller about to exit need not wait for it).
   */
  close(): Promise<void>;
}

export const appVersion = (): string =>
  (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;

export function openApp(options: AppOptions): WatchbillApp {
  const db = openDatabase(options.databasePath, options);
  const jobs = createJobPool(options.jobs);
  try {
    const now = options.now ?? (() => new Date());
    const repos = createRepositories(db);
    const firstStart = initializeDatabase(repos, { empty: options.empty ?? false, seedPath: seedPath(), now: now() });
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
    const handlers = mergeHandlers(
      {
        'app:info': () => ({ ...context.info, schemaVersion: context.info.schemaVersion() }),
        'jobs:progress': () => jobs.progress(),
        'jobs:cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
      },
      engineerHandlers(context),
      ownershipHandlers(context),
      todayHandlers(context),
      scheduleHandlers(context),
      planHandlers(context),
      shareHandlers(context),
      drillHandlers(context),
      options.fileHandlers ?? noFileDialogs,
    );
    const dispatch = createDispatch(handlers, options.log ? { log: options.log } : {});
    const close = () => {
      const stopped = jobs.close();
      closeDatabase(db);
      return stopped;
    };
    return { repos, handlers, dispatch, firstStart, close };
  } catch (error) {
    void jobs.close();
    closeDatabase(db);
    throw error;
  }
}
