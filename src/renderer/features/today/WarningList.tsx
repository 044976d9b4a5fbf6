import { useState } from 'react';
import type { ModelWarning } from '../../../shared/model';
import { formatDay, localTimeZone, yearIn } from '../../components/format';
import { navEntryOf } from '../../components/screens';
import { EmptyState } from '../../components/Notice';
import { useStore } from '../../store';

/**
 * The model's warnings, each a button to where it is fixed. Dates in `currentYear` (default:
 * this year in the team's zone) go without the year, as in the messages.
 */
export function WarningList({ warnings, currentYear }: { warnings: ModelWarning[]; currentYear?: number }) {
  const teamZone = useStore((s) => s.teamTimeZone) ?? localTimeZone();
  const [thisYear] = useState(() => yearIn(Date.now(), teamZone));
  const year = currentYear ?? thisYear;
  const navigate = useStore((s) => s.navigate);
  const showCalendarAt = useStore((s) => s.showCalendarAt);
  if (warnings.length === 0) {
    return (
      <EmptyState title="No warnings">
        Every pipeline has two owners and the schedule has no gaps or clashes.
      </EmptyState>
    );
  }
  return (
    <ul className="warnings">
      {warnings.map((warning, index) => {
        const target = navEntryOf(warning.link.screen);
        return (
          <li key={`${warning.kind}-${index}`}>
            <button
              type="button"
              className="warning"
              onClick={() => {
                // A schedule warning opens the calendar at its date, where it can be fixed by dragging.
                const date = warning.link.date ?? warning.from?.slice(0, 10);
                if (warning.link.screen === 'calendar') showCalendarAt(date ?? null);
                else
                  navigate(
                    warning.link.screen,
                    warning.link.pipelineId === undefined ? {} : { pipelineId: warning.link.pipelineId },
                  );
              }}
            >
              <span className="warning__icon" aria-hidden="true">
                !
              </span>
              <span className="warning__message">{warning.message}</span>
              <span className="warning__go">
                {target.label}
                {warning.link.screen === 'calendar' && (warning.link.date ?? warning.from)
                  ? ` · ${formatDay((warning.link.date ?? warning.from ?? '').slice(0, 10), year)}`
                  : ''}{' '}
                →
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
