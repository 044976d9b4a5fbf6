// Publish targets (a calendar server, a feed folder) and publishing to them: the result of the
// last publish while its dialog is open (the status, its progress and whether anything is not
// yet published, is the query layer's 'publish:status').
import type { ArgsIn } from '../../../shared/ipc/contract';
import type { PublishResult, PublishTarget } from '../../../shared/ipc/channels/publish';
import type { Id, IsoDate } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import { save } from '../../query/save';
import type { SliceCreator } from '../types';

export type PublishTargetDraft = ArgsIn<'publish:save-target'>;

export interface PublishSlice {
  /** The last publish's answer, shown until the dialog closes. */
  publishResult: PublishResult | null;
  publishError: string | null;
  syncing: boolean;
  /** Saves the target and, for a calendar server, the password given (kept in memory or the keychain). */
  savePublishTarget(draft: PublishTargetDraft, password: string): Promise<Result<PublishTarget>>;
  removePublishTarget(targetId: Id): Promise<void>;
  /** Gives a calendar server its password again (kept in memory or the keychain, never in the file). */
  setPublishPassword(targetId: Id, password: string): Promise<Result<unknown>>;
  syncPublishTargets(from: IsoDate, to: IsoDate): Promise<void>;
  clearPublishResult(): void;
}

export const createPublishSlice: SliceCreator<PublishSlice> = (set) => ({
  publishResult: null,
  publishError: null,
  syncing: false,

  async savePublishTarget(draft, password) {
    const saved = await save('publish:save-target', draft);
    if (!saved.ok) return saved;
    if (saved.value.kind === 'caldav' && password) {
      const stored = await save('publish:set-password', { targetId: saved.value.id, password });
      if (!stored.ok) return stored;
    }
    return saved;
  },

  async removePublishTarget(targetId) {
    await save('publish:remove-target', { targetId });
  },

  async setPublishPassword(targetId, password) {
    return save('publish:set-password', { targetId, password });
  },

  async syncPublishTargets(from, to) {
    set({ syncing: true, publishResult: null, publishError: null });
    // The dialog reads the status as the publish's progress while `syncing`.
    const result = await save('publish:sync', { from, to });
    set({ syncing: false, ...(result.ok ? { publishResult: result.value } : { publishError: result.error.message }) });
  },

  clearPublishResult() {
    set({ publishResult: null, publishError: null });
  },
});
