import { memo } from 'react';
import type { Period } from '../../../shared/domain/fairness';
import type { IsoDate } from '../../../shared/model';
import { useStore } from '../../store';
import { QuarterPicker } from './QuarterPicker';
import { VIEW_LABELS, VIEW_TYPES } from './calendarOptions';
import type { CalendarViewKey } from './useCalendarKeys';

/** The calendar's first toolbar: periods, the title, views, undo and redo. */
export const CalendarToolbar = memo(function CalendarToolbar({
  title,
  viewKey,
  onStep,
  onToday,
  onView,
  undoLabel,
  redoLabel,
  editing,
  onUndo,
  onRedo,
}: {
  title: string;
  viewKey: CalendarViewKey;
  onStep: (direction: -1 | 1) => void;
  onToday: () => void;
  onView: (key: CalendarViewKey) => void;
  /** What Undo and Redo would undo or redo, null when there is nothing. */
  undoLabel: string | null;
  redoLabel: string | null;
  editing: boolean;
  onUndo: () => void;
  onRedo: () => void;
}) {
  return (
    <div className="cal-toolbar" role="toolbar" aria-label="Calendar">
      <div className="cal-toolbar__group">
        <button
          type="button"
          className="button"
          onClick={() => onStep(-1)}
          aria-label="Previous period"
          title="Previous (←, PageUp)"
        >
          ‹
        </button>
        <button type="button" className="button" onClick={onToday} title="Today (T)">
          Today
        </button>
        <button
          type="button"
          className="button"
          onClick={() => onStep(1)}
          aria-label="Next period"
          title="Next (→, PageDown)"
        >
          ›
        </button>
        <h2 className="cal-toolbar__title" aria-live="polite" data-testid="calendar-title">
          {title}
        </h2>
      </div>
      <div className="cal-toolbar__group segmented" role="group" aria-label="View">
        {(Object.keys(VIEW_TYPES) as CalendarViewKey[]).map((key) => (
          <button
            key={key}
            type="button"
            className="button"
            aria-pressed={viewKey === key}
            onClick={() => onView(key)}
            title={`${VIEW_LABELS[key]} (${key[0]!.toUpperCase()})`}
          >
            {VIEW_LABELS[key]}
          </button>
        ))}
      </div>
      <div className="cal-toolbar__group">
        <button
          type="button"
          className="button"
          onClick={onUndo}
          disabled={!undoLabel || editing}
          title="Undo (Ctrl+Z)"
          data-testid="undo"
        >
          ↶ {undoLabel ? `Undo: ${undoLabel}` : 'Undo'}
        </button>
        <button
          type="button"
          className="button"
          onClick={onRedo}
          disabled={!redoLabel || editing}
          title="Redo (Shift+Ctrl+Z)"
          data-testid="redo"
        >
          ↷ {redoLabel ? `Redo: ${redoLabel}` : 'Redo'}
        </button>
      </div>
    </div>
  );
});

/** The calendar's second toolbar: the quarter shown, planning and publishing it, assigning a cover. */
export function CalendarActions({
  quarter,
  firstYear,
  onQuarter,
  onPublish,
  onAssignCover,
}: {
  quarter: Period;
  firstYear: number;
  onQuarter: (start: IsoDate) => void;
  onPublish: () => void;
  onAssignCover: () => void;
}) {
  const plan = useStore((s) => s.plan);
  const planState = useStore((s) => s.planState);
  const proposePlan = useStore((s) => s.proposePlan);
  const loadChanges = useStore((s) => s.loadChangesSincePublished);
  return (
    <div className="cal-toolbar cal-toolbar--secondary">
      <div className="cal-toolbar__group">
        <QuarterPicker value={quarter.startDate} firstYear={firstYear} onChange={onQuarter} />
        <button
          type="button"
          className="button"
          onClick={() => void proposePlan(quarter.startDate, quarter.endDate)}
          disabled={planState.status === 'loading'}
        >
          {planState.status === 'loading' ? 'Planning…' : `Plan ${quarter.label}`}
        </button>
        <button type="button" className="button" onClick={onPublish}>
          Publish {quarter.label}
        </button>
        <button type="button" className="button" onClick={() => void loadChanges()}>
          Changes since published
        </button>
      </div>
      <div className="cal-toolbar__group">
        <button type="button" className="button" onClick={onAssignCover} disabled={plan !== null}>
          Assign cover…
        </button>
      </div>
    </div>
  );
}
