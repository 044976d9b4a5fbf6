// The publish channels: targets set up once per file, their passwords kept out of the file,
// and publishing itself (see publisher.ts).
import type { Handlers } from '../../shared/ipc/contract';
import type { PublishTarget } from '../../shared/ipc/channels/publish';
import { DomainError } from '../../shared/result';
import type { StoredTarget } from '../db/repositories/publish';
import type { ServiceContext } from '../services/context';
import type { Publisher } from './publisher';
import { secretKey, type SecretStore } from './secrets';

type PublishChannels =
  'publish:status' | 'publish:save-target' | 'publish:remove-target' | 'publish:set-password' | 'publish:sync';

/** Channels whose success changes what a calendar shows: after them, targets that ask are published. */
export const CALENDAR_EDITS: ReadonlySet<string> = new Set([
  'schedule:apply',
  'schedule:undo',
  'schedule:redo',
  'override:set-reason',
  'rotations:save',
  'rotations:create',
  'rotations:archive',
  'holidays:set-weight',
  'holidays:add-custom',
  'holidays:remove-custom',
  'engineers:save',
  'drills:schedule',
  'drills:start',
  'drills:cancel',
  'drills:finish',
  'import:apply',
]);

export function publishHandlers(
  { repos }: ServiceContext,
  publisher: Publisher,
  secrets: SecretStore,
): Pick<Handlers, PublishChannels> {
  const view = (target: StoredTarget): PublishTarget => ({ ...target, hasPassword: publisher.hasPassword(target) });
  const requireTarget = (id: number): StoredTarget => {
    const target = repos.publish.target(id);
    if (!target) throw new DomainError('not_found', `There is no publish target #${id}.`);
    return target;
  };

  return {
    'publish:status': () => {
      const targets = repos.publish.targets().map(view);
      return { targets, pending: targets.some((t) => t.pending), ...publisher.status() };
    },
    'publish:save-target': (args) => {
      const draft = {
        name: args.name,
        kind: args.kind,
        calendarUrl: args.kind === 'caldav' ? args.calendarUrl : null,
        username: args.kind === 'caldav' ? args.username : null,
        folder: args.kind === 'folder' ? args.folder : null,
        syncOnSave: args.syncOnSave,
      };
      const clash = repos.publish
        .targets()
        .find((t) => t.name.toLocaleLowerCase() === draft.name.toLocaleLowerCase() && t.id !== args.id);
      if (clash) throw new DomainError('conflict', `There is already a publish target named '${clash.name}'.`);
      return repos.transaction(() => {
        const before = args.id === undefined ? null : requireTarget(args.id);
        const id = repos.publish.saveTarget(args.id, draft);
        // Another calendar or folder: what was published at the old place is no longer Watchbill's to change from here.
        if (
          before &&
          (before.kind !== draft.kind ||
            before.calendarUrl !== draft.calendarUrl ||
            before.username !== draft.username ||
            before.folder !== draft.folder)
        )
          repos.publish.forgetRecords(id);
        return view(repos.publish.target(id)!);
      });
    },
    'publish:remove-target': ({ targetId }) => {
      requireTarget(targetId);
      secrets.forget(secretKey(repos.publish.databaseId(), targetId));
      return { removed: repos.publish.removeTarget(targetId) };
    },
    'publish:set-password': ({ targetId, password }) => {
      const target = requireTarget(targetId);
      if (target.kind !== 'caldav')
        throw new DomainError('invalid_input', `${target.name} is a feed folder: it needs no password.`);
      secrets.set(secretKey(repos.publish.databaseId(), targetId), password);
      return { stored: secrets.kind };
    },
    'publish:sync': ({ from, to, targetId, dryRun }) => {
      if (targetId !== undefined) requireTarget(targetId);
      return publisher.publish({ range: { from, to }, targetId, dryRun });
    },
  };
}
