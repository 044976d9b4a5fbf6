// `--rotation NAME`: the rotation a command is about. Without it, a command covers every
// rotation in use (or the only one).
import type { Rotation } from '../../shared/model';
import type { WatchbillApp } from '../app';
import { call } from './open';

/** The rotation named by --rotation (its name, any case), or null when the option is not given. */
export async function rotationOption(app: WatchbillApp, name: string | undefined): Promise<Rotation | null> {
  if (name === undefined) return null;
  const rotations = await call(app, 'rotations:list', {});
  const wanted = name.trim().toLowerCase();
  const found = rotations.find((r) => r.name.toLowerCase() === wanted);
  if (!found)
    throw new Error(
      `--rotation: there is no rotation named '${name}' (the rotations are: ${rotations.map((r) => r.name).join(', ')}).`,
    );
  return found;
}

/** The rotations in use, in the lead's order. */
export const activeRotations = async (app: WatchbillApp): Promise<Rotation[]> =>
  (await call(app, 'rotations:list', {})).filter((r) => r.archivedAt === null);
