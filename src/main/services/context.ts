import type { Repositories } from '../db/repositories';
import type { AppInfo } from '../../shared/views';

/** What every service needs: the repositories, a clock (frozen in tests) and facts about the host. */
export interface ServiceContext {
  repos: Repositories;
  now: () => Date;
  info: Omit<AppInfo, 'schemaVersion' | 'now' | 'clock'> & { schemaVersion: () => number };
}
