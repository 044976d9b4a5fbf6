import type { Repositories } from '../db/repositories';
import type { AppInfo } from '../../shared/views';
import type { JobPool } from '../jobs/pool';

/**
 * What every service needs: the repositories, a clock (frozen in tests), facts about the host,
 * and the worker threads that run the long computations.
 */
export interface ServiceContext {
  repos: Repositories;
  jobs: JobPool;
  now: () => Date;
  info: Omit<AppInfo, 'schemaVersion' | 'now' | 'clock'> & { schemaVersion: () => number };
}
