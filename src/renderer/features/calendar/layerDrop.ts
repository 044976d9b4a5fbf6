// A shift stays within its rotation: dropped onto a shift of another rotation, it is refused
// (a swap is between two shifts of the same rotation), whatever day it lands on.

/** The name of another rotation whose shift is under the point where a shift was let go, if any. */
export function otherRotationAt(point: { clientX: number; clientY: number }, rotationId: number): string | null {
  for (const element of document.elementsFromPoint(point.clientX, point.clientY)) {
    const shift = element.closest<HTMLElement>('.shift');
    if (!shift || shift.classList.contains('fc-event-mirror')) continue;
    const of = shift.dataset.rotation;
    if (of !== undefined && of !== String(rotationId)) return shift.dataset.rotationName ?? 'another rotation';
  }
  return null;
}

/** What the lead is told when a shift of `mine` is dropped onto one of `theirs`. */
export function crossRotationRefusal(mine: string, theirs: string): string {
  return `Not moved: that is a shift of ${theirs}. A shift of ${mine} can only be swapped with another week of ${mine}; to change ${theirs}, work on it.`;
}
