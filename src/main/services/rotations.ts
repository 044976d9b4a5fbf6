// The team's rotations: create, edit, archive and order them. Their schedules, edits and
// fairness are the schedule module's; this one keeps the rotations themselves.
import type { HandlersFor } from '../../shared/ipc/contract';
import type { rotationChannels } from '../../shared/ipc/channels/rotations';
import type { Id, Rotation } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { requireInUse } from '../queries/archive';
import type { ServiceContext } from './context';

export function rotationHandlers({ repos, now }: ServiceContext): HandlersFor<typeof rotationChannels> {
  const requireRotation = (rotationId: Id): Rotation => {
    const rotation = repos.rotations.get(rotationId);
    if (!rotation) throw new DomainError('not_found', `There is no rotation #${rotationId}.`);
    return rotation;
  };
  const requireMembers = (memberIds: readonly Id[]) => {
    for (const id of memberIds)
      if (!repos.engineers.get(id)) throw new DomainError('not_found', `There is no engineer #${id}.`);
  };
  const requireFreeName = (name: string, rotationId?: Id) => {
    const clash = repos.rotations.list().find((r) => r.name.toLowerCase() === name.toLowerCase());
    if (clash && clash.id !== rotationId)
      throw new DomainError('conflict', `There is already a rotation called ${clash.name}: pick another name.`);
  };

  return {
    'rotations:list': () => repos.rotations.list(),
    'rotations:create': (input) =>
      repos.transaction(() => {
        requireFreeName(input.name);
        requireMembers(input.memberIds);
        return repos.rotations.get(repos.rotations.insert(input))!;
      }),
    'rotations:save': (input) =>
      repos.transaction(() => {
        const rotation = requireRotation(input.id);
        requireInUse(rotation, 'it cannot be edited');
        requireFreeName(input.name, input.id);
        requireMembers(input.memberIds);
        repos.rotations.update({ ...rotation, ...input });
        return repos.rotations.get(input.id)!;
      }),
    // Archiving keeps the rotation, its overrides and its history: fairness still counts what
    // its members did before; nothing is planned or answered after.
    'rotations:archive': ({ rotationId, archived }) =>
      repos.transaction(() => {
        const rotation = requireRotation(rotationId);
        if (archived && rotation.archivedAt === null) repos.rotations.setArchived(rotationId, now().toISOString());
        if (!archived && rotation.archivedAt !== null) repos.rotations.setArchived(rotationId, null);
        return repos.rotations.get(rotationId)!;
      }),
    'rotations:reorder': ({ rotationIds }) =>
      repos.transaction(() => {
        const all = repos.rotations.list();
        const missing = all.filter((r) => !rotationIds.includes(r.id));
        const unknown = rotationIds.filter((id) => !all.some((r) => r.id === id));
        if (unknown.length > 0) throw new DomainError('not_found', `There is no rotation #${unknown[0]}.`);
        if (missing.length > 0)
          throw new DomainError(
            'conflict',
            `The new order leaves out ${missing.map((r) => r.name).join(', ')}: list every rotation once.`,
          );
        repos.rotations.reorder(rotationIds);
        return repos.rotations.list();
      }),
  };
}
