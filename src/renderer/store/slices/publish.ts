// Publish targets (a calendar server, a feed folder) and publishing to them: the result of the
// last publish, its progress while it runs, and whether anything is not yet published.
import type { ArgsIn } from '../../../shared/ipc/contract';
import type { PublishResult, PublishStatus, PublishTarget } from '../../../shared/ipc/channels/publish';
import type { Id, IsoDate } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import { call } from '../../api/client';
import { save } from '../../query/save';
import type { SliceCreator } from '../types';

export type PublishTargetDraft = ArgsIn<'publish:save-target'>;

export interface PublishSlice {
  publishStatus: PublishStatus | null;
  /** The last publish's answer, shown until the dialog closes. */
  publishResult: PublishResult | null;
  publishError: string | null;
  syncing: boolean;
  loadPublishStatus(): Promise<void>;
  /** Saves the target and, for a calendar server, the password given (kept in memory or the keychain). */
  savePublishTarget(draft: PublishTargetDraft, password: string): Promise<Result<PublishTarget>>;
  removePublishTarget(targetId: Id): Promise<void>;
  /** Gives a calendar server its password again (kept in memory or the keychain, never in the file). */
  setPublishPassword(targetId: Id, password: string): Promise<Result<unknown>>;
  syncPublishTargets(from: IsoDate, to: IsoDate): Promise<void>;
  clearPublishResult(): void;
}

export const createPublishSlice: SliceCreator<PublishSlice> = (set, get) => ({
  publishStatus: null,
  publishResult: null,
  publishError: null,
  syncing: false,

  async loadPublishStatus() {
    const result = await call('publish:status', {});
    if (result.ok) set({ publishStatus: result.value });
  },

  async savePublishTarget(draft, password) {
    const saved = await save('publish:save-target', draft);
    if (!saved.ok) return saved;
    if (saved.value.kind === 'caldav' && password) {
      const stored = await save('publish:set-password', { targetId: saved.value.id, password });
      if (!stored.ok) return stored;
    }
    await get().loadPublishStatus();
    return saved;
  },

  async removePublishTarget(targetId) {
    await save('publish:remove-target', { targetId });
    await get().loadPublishStatus();
  },

  async setPublishPassword(targetId, password) {
    const result = await save('publish:set-password', { targetId, password });
    if (result.ok) await get().loadPublishStatus();
    return result;
  },

  async syncPublishTargets(from, to) {
    set({ syncing: true, publishResult: null, publishError: null });
    // The publish answers when it is done; meanwhile its progress is read as the status.
    const progress = setInterval(() => void get().loadPublishStatus(), 250);
    const result = await save('publish:sync', { from, to });
    clearInterval(progress);
    set({ syncing: false, ...(result.ok ? { publishResult: result.value } : { publishError: result.error.message }) });
    await get().loadPublishStatus();
  },

  clearPublishResult() {
    set({ publishResult: null, publishError: null });
  },
});
