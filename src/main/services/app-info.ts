// What the app says about itself (version, host, database, clock) and the background jobs.
import type { appChannels } from '../../shared/ipc/channels/app';
import type { jobChannels } from '../../shared/ipc/channels/jobs';
import type { HandlersFor } from '../../shared/ipc/contract';
import type { HostClock } from '../clock';
import type { ServiceContext } from './context';

export function appInfoHandlers(context: ServiceContext, clock: HostClock): HandlersFor<typeof appChannels> {
  return {
    'app:info': () => ({
      ...context.info,
      schemaVersion: context.info.schemaVersion(),
      now: context.now().toISOString(),
      clock: clock.mode,
    }),
  };
}

export function jobHandlers({ jobs }: ServiceContext): HandlersFor<typeof jobChannels> {
  return {
    'jobs:progress': () => jobs.progress(),
    'jobs:cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
  };
}
