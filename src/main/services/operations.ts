// The operations channel groups' handlers (channels/operations.ts: pipelines and owners,
// runbooks, SLAs, risks), one entry for the composition root.
import type { HandlersFor } from '../../shared/ipc/contract';
import type { operationsChannels } from '../../shared/ipc/channels/operations';
import type { ServiceContext } from './context';
import { ownershipHandlers } from './ownership';
import { pipelineHandlers } from './pipelines';
import { riskHandlers } from './risks';
import { runbookHandlers } from './runbooks';
import { slaHandlers } from './slas';

export function operationsHandlers(context: ServiceContext): HandlersFor<typeof operationsChannels> {
  return {
    ...ownershipHandlers(context),
    ...pipelineHandlers(context),
    ...runbookHandlers(context),
    ...slaHandlers(context),
    ...riskHandlers(context),
  };
}
