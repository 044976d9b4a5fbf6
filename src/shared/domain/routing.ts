// Which rotation answers for a pipeline, and what to say when nobody from it does: the words
// "who do I call now?", the drill runner and Today use when a rotation has nobody on call.
import type { Id, IsoInstant, ModelWarning, Pipeline, Rotation } from '../model';
import { formatDay } from '../format';
import { coversWords } from './coverage-words';
import { coversAt } from './layers';
import { shiftStartMs } from './rotation';
import { localDateOf, toMs } from './time';

/** The rotation that answers for a pipeline; null when it names none (or one no longer there). */
export function rotationFor(pipeline: Pick<Pipeline, 'rotationId'>, rotations: readonly Rotation[]): Rotation | null {
  return pipeline.rotationId === null ? null : (rotations.find((r) => r.id === pipeline.rotationId) ?? null);
}

/**
 * Why nobody from `rotation` holds `role` at `at`, in a lead's words. `when` is "now" for the
 * moment an incident starts and "then" for a level called later.
 */
export function whyNobodyFrom(
  rotation: Rotation,
  at: IsoInstant,
  role: 'primary' | 'secondary',
  when: 'now' | 'then' = 'now',
): string {
  const ms = toMs(at);
  if (rotation.archivedAt !== null && ms >= toMs(rotation.archivedAt))
    return `Nobody from ${rotation.name}: it was archived on ${formatDay(localDateOf(rotation.archivedAt, rotation.timeZone))}`;
  if (rotation.memberIds.length === 0) return `Nobody from ${rotation.name}: it has no members yet`;
  if (ms < shiftStartMs(rotation, 0))
    return `Nobody from ${rotation.name}: its first shift starts ${formatDay(rotation.startDate)}`;
  if (!coversAt(rotation.coverage, rotation.timeZone, ms))
    return `Nobody from ${rotation.name} is on call ${when}: ${coversWords(rotation)}`;
  return `Nobody from ${rotation.name} is ${role} on call ${when}`;
}

/** What a pipeline's escalation says in place of the on-call levels when no rotation answers for it. */
export const NO_ROTATION = 'No rotation answers for this pipeline: choose one in its settings on the Ownership screen';

/** A warning per pipeline in use that no rotation answers for: nobody on call is called for it. */
export function unroutedWarnings(pipelines: readonly Pipeline[], rotations: readonly Rotation[]): ModelWarning[] {
  const active = new Set<Id>(rotations.filter((r) => r.archivedAt === null).map((r) => r.id));
  return pipelines
    .filter((p) => p.retiredAt === null)
    .flatMap((pipeline): ModelWarning[] => {
      if (pipeline.rotationId !== null && active.has(pipeline.rotationId)) return [];
      const archived = rotations.find((r) => r.id === pipeline.rotationId);
      return [
        {
          kind: 'pipeline_unrouted',
          message: archived
            ? `${pipeline.name} is answered by ${archived.name}, which is archived: nobody on call is called for it. Choose another rotation.`
            : `No rotation answers for ${pipeline.name}: nobody on call is called for it. Choose its rotation.`,
          link: { screen: 'ownership', pipelineId: pipeline.id },
          engineerIds: [],
        },
      ];
    });
}
