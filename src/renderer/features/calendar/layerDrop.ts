// A shift stays within its rotation: dropped onto a shift of another rotation, it is refused
// (a swap is between two shifts of the same rotation), whatever day it lands on.
//
// Where the other rotations' shifts are is taken when the drag starts, as the lead saw them:
// while a shift is dragged FullCalendar draws it in the rows it passes, which moves the other
// shifts of those rows, so what is under the pointer on release is not what was aimed at.
import { useCallback, useRef, type RefObject } from 'react';
import type { Rotation } from '../../../shared/model';

interface LayerShift {
  name: string;
  rect: { left: number; top: number; right: number; bottom: number };
}

/** Every shift of another rotation drawn under `root`, with where it is on screen. */
function layerShiftsIn(root: HTMLElement, rotationId: number): LayerShift[] {
  return [...root.querySelectorAll<HTMLElement>('.shift[data-rotation]')]
    .filter((el) => el.dataset.rotation !== String(rotationId) && !el.classList.contains('fc-event-mirror'))
    .map((el) => ({ name: el.dataset.rotationName ?? 'another rotation', rect: el.getBoundingClientRect() }));
}

const contains = ({ rect }: LayerShift, x: number, y: number) =>
  rect.left <= x && x <= rect.right && rect.top <= y && y <= rect.bottom;

/** What the lead is told when a shift of `mine` is dropped onto one of `theirs`. */
export function crossRotationRefusal(mine: string, theirs: string): string {
  return `Not moved: that is a shift of ${theirs}. A shift of ${mine} can only be swapped with another week of ${mine}; to change ${theirs}, work on it.`;
}

/** Notes the other rotations' shifts when a drag starts; on release, the refusal if it was let go on one. */
export function useLayerDrop(root: RefObject<HTMLElement | null>, rotation: Rotation) {
  const atStart = useRef<LayerShift[]>([]);
  const onDragStart = useCallback(() => {
    atStart.current = root.current ? layerShiftsIn(root.current, rotation.id) : [];
  }, [root, rotation.id]);
  const refusalAt = useCallback(
    (point: { clientX: number; clientY: number }): string | null => {
      const now = root.current ? layerShiftsIn(root.current, rotation.id) : [];
      const hit = [...atStart.current, ...now].find((shift) => contains(shift, point.clientX, point.clientY));
      return hit ? crossRotationRefusal(rotation.name, hit.name) : null;
    },
    [root, rotation.id, rotation.name],
  );
  return { onDragStart, refusalAt };
}
