// The calendar's legend of rotations: each one's mark, name and hours; which one the calendar
// works on (its shifts can be dragged), and which others are shown beside it as layers.
import { coverageLabel } from '../../../shared/domain/coverage-words';
import type { Rotation } from '../../../shared/model';
import { RotationMark } from '../../components/RotationMark';
import { useStore } from '../../store';

export function CalendarRotations({ worked }: { worked: Rotation }) {
  const rotations = useStore((s) => s.calendarRotations);
  const hidden = useStore((s) => s.hiddenLayerIds);
  const showLayer = useStore((s) => s.showLayer);
  const choose = useStore((s) => s.chooseCalendarRotation);
  const editing = useStore((s) => s.editing);
  if (rotations.length < 2) return null;
  return (
    <div className="cal-rotations" role="group" aria-label="Rotations">
      <span className="cal-rotations__title">Rotations</span>
      {rotations.map((rotation, index) => {
        const current = rotation.id === worked.id;
        const shown = current || !hidden.includes(rotation.id);
        return (
          <div
            key={rotation.id}
            className={['cal-rotation', current ? 'is-current' : '', shown ? '' : 'is-hidden'].join(' ')}
            data-testid="calendar-rotation"
          >
            <RotationMark index={index} muted={!shown} />
            <span className="cal-rotation__text">
              <span className="cal-rotation__name">{rotation.name}</span>
              <span className="cal-rotation__cover">
                {coverageLabel(rotation.coverage)}
                {rotation.timeZone !== worked.timeZone ? ` · ${rotation.timeZone}` : ''}
              </span>
            </span>
            {current ? (
              <span className="cal-rotation__badge">Working on</span>
            ) : (
              <span className="cal-rotation__actions">
                <label className="cal-rotation__show">
                  <input
                    type="checkbox"
                    checked={shown}
                    aria-label={`Show ${rotation.name}`}
                    onChange={(e) => showLayer(rotation.id, e.target.checked)}
                  />
                  Show
                </label>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`Work on ${rotation.name}`}
                  disabled={editing}
                  onClick={() => void choose(rotation.id)}
                >
                  Work on
                </button>
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}
