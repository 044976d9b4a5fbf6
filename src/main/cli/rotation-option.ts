// `--rotation NAME`: which rotation a command is about, by the name the lead gave it (any case).
// Without it a command is about all of them: every active rotation, in the lead's order.
import type { Rotation } from '../../shared/model';
import { describeCoverage } from '../../shared/domain/coverage-words';
import type { WatchbillApp } from '../app';
import { call } from './open';

/** The rotation called `name`; an unknown name lists the real ones, so the next try can be right. */
export function rotationNamed(rotations: readonly Rotation[], name: string): Rotation {
  const wanted = name.trim().toLocaleLowerCase();
  const found = rotations.find((r) => r.name.toLocaleLowerCase() === wanted);
  if (found) return found;
  throw new Error(
    `There is no rotation named '${name}' (the rotations are: ${rotations.map((r) => r.name).join(', ') || 'none yet'}).`,
  );
}

/** --rotation NAME: that one rotation (archived too: its history stays); else every active one. */
export async function rotationsFor(app: WatchbillApp, name: string | undefined): Promise<Rotation[]> {
  const rotations = await call(app, 'rotations:list', {});
  if (name !== undefined) return [rotationNamed(rotations, name)];
  const active = rotations.filter((r) => r.archivedAt === null);
  if (active.length === 0) throw new Error('There is no rotation in this database yet.');
  return active;
}

/** 'Investor rotation (America/New_York, covers Mon–Fri 09:00–18:00)': a section's heading. */
export function rotationHeading(rotation: Rotation): string {
  const covers = describeCoverage(rotation.coverage);
  return `${rotation.name} (${rotation.timeZone}${covers ? `, covers ${covers}` : ''}${rotation.archivedAt ? ', archived' : ''})`;
}

/** The rotation named by --rotation, or null when the option is not given (the command then covers all). */
export async function rotationOption(app: WatchbillApp, name: string | undefined): Promise<Rotation | null> {
  return name === undefined ? null : rotationNamed(await call(app, 'rotations:list', {}), name);
}

/** The rotations in use, in the lead's order. */
export const activeRotations = async (app: WatchbillApp): Promise<Rotation[]> =>
  (await call(app, 'rotations:list', {})).filter((r) => r.archivedAt === null);
