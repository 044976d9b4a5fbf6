// Which rotation answers for a pipeline: its mark and name, or a warning when none does (then
// nobody is called for it).
import type { Id, Rotation } from '../../../shared/model';
import { RotationMark } from '../../components/RotationMark';
import { useChannel } from '../../query/client';

const NO_ROTATIONS: Rotation[] = [];

/** The team's rotations (archived ones too), for a screen that routes pipelines. */
export function useRotations(): Rotation[] {
  return useChannel('rotations:list', {}).data ?? NO_ROTATIONS;
}

export function AnsweredBy({ rotationId, rotations }: { rotationId: Id | null; rotations: Rotation[] }) {
  const inUse = rotations.filter((r) => r.archivedAt === null);
  const rotation = rotations.find((r) => r.id === rotationId);
  if (rotationId === null || !rotation)
    return (
      <span className="answered-by answered-by--none" title="Nobody is called for it: choose a rotation in Details.">
        No rotation answers
      </span>
    );
  return (
    <span className="answered-by" title={`${rotation.name} answers for it`}>
      <RotationMark index={inUse.indexOf(rotation)} muted={rotation.archivedAt !== null} />
      {rotation.name}
      {rotation.archivedAt !== null && ' (archived)'}
    </span>
  );
}
