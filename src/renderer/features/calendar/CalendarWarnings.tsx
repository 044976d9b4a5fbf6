import { memo } from 'react';
import type { IsoDate, ModelWarning } from '../../../shared/model';
import { ClashFix, ClashFixApplied } from '../../components/ClashFix';
import { formatDay } from '../../components/format';
import { warningFocusDate } from './events';

/** The engine's warnings for the range shown; each brings its date into view. */
export const CalendarWarnings = memo(function CalendarWarnings({
  warnings,
  timeZone,
  onGo,
}: {
  warnings: ModelWarning[];
  timeZone: string;
  onGo: (date: IsoDate) => void;
}) {
  return (
    <section className="panel cal-warnings" aria-labelledby="cal-warnings-title">
      <h2 id="cal-warnings-title" className="panel__title">
        Warnings <span className="count">{warnings.length}</span>
      </h2>
      <ClashFixApplied floating />
      {warnings.length === 0 ? (
        <p className="muted">No gaps or clashes in the period shown.</p>
      ) : (
        <ul className="warnings warnings--compact">
          {warnings.map((warning, index) => {
            const date = warningFocusDate(warning, timeZone);
            return (
              <li key={`${warning.kind}-${index}`}>
                <button type="button" className="warning" onClick={() => date && onGo(date)} disabled={!date}>
                  <span className="warning__icon" aria-hidden="true">
                    !
                  </span>
                  <span className="warning__message">{warning.message}</span>
                  {date && <span className="warning__go">{formatDay(date)}</span>}
                </button>
                <ClashFix warning={warning} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
