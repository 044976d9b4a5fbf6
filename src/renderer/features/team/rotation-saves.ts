// The Team screen's changes to rotations: a new one or an edit, archiving, and the lead's order.
import type { ArgsIn } from '../../../shared/ipc/contract';
import type { Id, Rotation } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import { save } from '../../query/save';

/** Creates the rotation when `id` is undefined, else saves it. */
export function saveRotation({ id, ...draft }: ArgsIn<'rotations:create'> & { id?: Id }): Promise<Result<Rotation>> {
  return id === undefined ? save('rotations:create', draft) : save('rotations:save', { id, ...draft });
}

/** Archives a rotation (its schedule ends now, its history stays) or brings it back. */
export function archiveRotation(rotationId: Id, archived: boolean): Promise<Result<Rotation>> {
  return save('rotations:archive', { rotationId, archived });
}

/** Moves a rotation one place up (-1) or down (1) in the lead's order of `rotations`. */
export async function moveRotation(rotations: Rotation[], rotationId: Id, by: -1 | 1): Promise<Result<Rotation[]>> {
  const ids = rotations.map((r) => r.id);
  const at = ids.indexOf(rotationId);
  const to = at + by;
  if (at < 0 || to < 0 || to >= ids.length) return { ok: true, value: rotations };
  [ids[at], ids[to]] = [ids[to]!, ids[at]!];
  return save('rotations:reorder', { rotationIds: ids });
}
