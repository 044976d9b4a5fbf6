// An archived rotation keeps its history (fairness still counts it) but takes no more edits:
// its schedule ended when the lead archived it. One refusal for every way of changing it.
import { formatDay } from '../../shared/format';
import { localDateOf } from '../../shared/domain/time';
import type { Rotation } from '../../shared/model';
import { DomainError } from '../../shared/result';

/** Refuses to change an archived rotation, saying how to change it after all. */
export function requireInUse(rotation: Rotation, doing: string): void {
  if (rotation.archivedAt === null) return;
  const day = formatDay(localDateOf(rotation.archivedAt, rotation.timeZone));
  throw new DomainError(
    'conflict',
    `${rotation.name} was archived on ${day}, so ${doing}: bring it back on the Team screen first.`,
  );
}
