// The plan channel group's handlers (channels/plan.ts), one entry for the composition root.
import type { Handlers } from '../../shared/ipc/contract';
import type { planChannels } from '../../shared/ipc/channels/plan';
import type { ServiceContext } from './context';
import { pipelineHandlers } from './pipelines';
import { riskHandlers } from './risks';
import { runbookHandlers } from './runbooks';
import { slaHandlers } from './slas';

export function planHandlers(context: ServiceContext): Pick<Handlers, keyof typeof planChannels> {
  return {
    ...pipelineHandlers(context),
    ...runbookHandlers(context),
    ...slaHandlers(context),
    ...riskHandlers(context),
  };
}
