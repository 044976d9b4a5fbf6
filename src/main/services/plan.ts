// The plan channel group's handlers (channels/plan.ts), one entry for the composition root.
import type { HandlersFor } from '../../shared/ipc/contract';
import type { planChannels } from '../../shared/ipc/channels/plan';
import type { ServiceContext } from './context';
import { ownershipHandlers } from './ownership';
import { pipelineHandlers } from './pipelines';
import { riskHandlers } from './risks';
import { runbookHandlers } from './runbooks';
import { slaHandlers } from './slas';

export function planHandlers(context: ServiceContext): HandlersFor<typeof planChannels> {
  return {
    ...ownershipHandlers(context),
    ...pipelineHandlers(context),
    ...runbookHandlers(context),
    ...slaHandlers(context),
    ...riskHandlers(context),
  };
}
