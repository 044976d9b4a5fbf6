// Saving a runbook or restoring a revision: the answer is the runbook as saved, so it is shown
// as it is; what else it makes stale (revisions, who to call, the picker's flags) is read again.
import type { RunbookContent } from '../../../shared/domain/runbook';
import type { Id } from '../../../shared/model';
import type { RunbookView } from '../../../shared/operations-views';
import type { Result } from '../../../shared/result';
import { call } from '../../api/client';
import { channelKey, queryClient } from '../../query/client';
import { invalidateAfter } from '../../query/save';

async function shown(
  channel: 'runbooks:save' | 'runbooks:restore',
  pipelineId: Id,
  result: Result<RunbookView>,
): Promise<Result<RunbookView>> {
  if (!result.ok) return result;
  queryClient.setQueryData(channelKey('runbooks:get', { pipelineId }), result.value);
  await invalidateAfter(channel, { keep: ['runbooks:get'] });
  return result;
}

export async function saveRunbook(pipelineId: Id, content: RunbookContent, note: string): Promise<Result<RunbookView>> {
  return shown('runbooks:save', pipelineId, await call('runbooks:save', { pipelineId, content, note }));
}

export async function restoreRevision(pipelineId: Id, revision: number): Promise<Result<RunbookView>> {
  return shown('runbooks:restore', pipelineId, await call('runbooks:restore', { pipelineId, revision }));
}
