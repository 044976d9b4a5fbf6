// The other rotations drawn beside the one worked on: each shown layer's schedule is loaded
// for the visible range (and kept around it), and marked with its rotation's letter and colour.
import { useEffect, useMemo } from 'react';
import type { Rotation } from '../../../shared/model';
import type { ScheduleView } from '../../../shared/views';
import { useStore } from '../../store';
import type { ShiftRotation } from './events';

export interface RotationLayers {
  /** The mark of the rotation worked on; none while it is the only one shown. */
  rotation?: ShiftRotation;
  others: { rotation: ShiftRotation; view: ScheduleView }[];
}

export function useRotationLayers(worked: Rotation): RotationLayers {
  const rotations = useStore((s) => s.calendarRotations);
  const hidden = useStore((s) => s.hiddenLayerIds);
  const views = useStore((s) => s.layerViews);
  const range = useStore((s) => s.visibleRange);
  const loadLayers = useStore((s) => s.loadLayers);

  useEffect(() => {
    if (range) void loadLayers(range);
  }, [range, rotations, hidden, worked.id, loadLayers]);

  return useMemo(() => {
    const mark = (rotation: Rotation, layer: boolean): ShiftRotation => ({
      id: rotation.id,
      name: rotation.name,
      index: rotations.findIndex((r) => r.id === rotation.id),
      layer,
    });
    const others = rotations
      .filter((r) => r.id !== worked.id && !hidden.includes(r.id) && views[r.id])
      .map((r) => ({ rotation: mark(r, true), view: views[r.id]! }));
    const several = rotations.some((r) => r.id !== worked.id && !hidden.includes(r.id));
    return several ? { rotation: mark(worked, false), others } : { others };
  }, [rotations, hidden, views, worked]);
}
