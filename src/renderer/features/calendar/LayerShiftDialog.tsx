// A shift of a rotation drawn as a layer: who and when, and the way to change it (work on its
// rotation; the calendar's edits are always the rotation worked on's).
import type { Engineer, Id, Segment } from '../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { RotationMark } from '../../components/RotationMark';
import { useStore } from '../../store';
import { ShiftFacts } from './EventDialog';
import type { ShiftRotation } from './events';

export function LayerShiftDialog({
  segment,
  rotation,
  engineers,
  timeZone,
  onClose,
}: {
  segment: Segment;
  rotation: ShiftRotation;
  engineers: Map<Id, Engineer>;
  timeZone: string;
  onClose: () => void;
}) {
  const choose = useStore((s) => s.chooseCalendarRotation);
  const workOn = () => {
    onClose();
    void choose(rotation.id);
  };
  return (
    <Dialog
      title="Shift details"
      onClose={onClose}
      testId="event-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button type="button" className="button button--primary" onClick={workOn} data-autofocus>
            Work on {rotation.name}
          </button>
        </>
      }
    >
      <dl className="details">
        <dt>Rotation</dt>
        <dd className="details__rotation">
          <RotationMark index={rotation.index} /> {rotation.name}
        </dd>
        <ShiftFacts segment={segment} engineers={engineers} timeZone={timeZone} />
      </dl>
      <p className="muted">
        Swaps, covers and their reasons change the rotation the calendar works on. Work on {rotation.name} to change
        this shift; the others stay in view as layers.
      </p>
    </Dialog>
  );
}
