import type { DeadlinesView, UpcomingDeadline } from '../../../shared/operations-views';
import { appNow } from '../../clock';
import { formatDay, formatMoment, relativeTo } from '../../components/format';

/** "data of Fri 27 Nov – Sun 29 Nov" for a next-business-day deadline that delivers several days. */
function dataDays(deadline: UpcomingDeadline['deadline'], year: number): string | null {
  const dates = deadline.dataDates;
  if (dates.length < 2) return null;
  return `for the data of ${formatDay(dates[0]!, year)} – ${formatDay(dates[dates.length - 1]!, year)}`;
}

/**
 * Coming SLA deadlines, grouped by day, each in its SLA's own time zone. The list starts at
 * the beginning of today, so today's earlier deadlines are in it: they are marked as passed,
 * lest the lead read a 09:00 deadline at noon as still ahead.
 */
export function DeadlineList({ view, emptyText }: { view: DeadlinesView; emptyText: string }) {
  const now = new Date(appNow());
  // Dates in the year the list starts in go without it.
  const year = Number(view.from.slice(0, 4));
  const byDay = new Map<string, UpcomingDeadline[]>();
  for (const d of view.deadlines) {
    const day = d.deadline.localDate;
    byDay.set(day, [...(byDay.get(day) ?? []), d]);
  }
  return (
    <div className="deadlines">
      {view.deadlines.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ul className="deadlines__days">
          {[...byDay].map(([day, items]) => (
            <li key={day} className="deadlines__day">
              <span className="deadlines__date">{formatDay(day, year)}</span>
              <ul className="deadlines__items">
                {items.map((d) => {
                  const extra = dataDays(d.deadline, year);
                  const passed = Date.parse(d.deadline.dueAt) < now.getTime();
                  return (
                    <li
                      key={`${d.slaId}-${d.deadline.dueAt}`}
                      className={passed ? 'deadline deadline--passed' : 'deadline'}
                      data-testid="deadline"
                    >
                      <span className="deadline__time">
                        {formatMoment(d.deadline.dueAt, d.timeZone).split(', ')[1]}
                      </span>
                      <span className="deadline__what">
                        <strong title={`Due ${d.summary}`}>{d.pipelineName}</strong>
                        {d.deadline.movedFrom && (
                          <span className="deadline__moved">
                            moved from {formatDay(d.deadline.movedFrom, year)}, a holiday
                          </span>
                        )}
                        {extra && <span className="deadline__data muted">{extra}</span>}
                        {passed && <span className="deadline__passed">passed {relativeTo(d.deadline.dueAt, now)}</span>}
                        {d.nobodyOnCall && !passed && (
                          <span className="deadline__nobody" data-testid="deadline-nobody">
                            {d.nobodyOnCall}
                          </span>
                        )}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {view.waitingForEvent.length > 0 && (
        <p className="deadlines__waiting muted">
          Waiting for an event:{' '}
          {view.waitingForEvent.map((w, i) => (
            <span key={w.slaId}>
              {i > 0 && '; '}
              <strong>{w.pipelineName}</strong> ({w.summary})
            </span>
          ))}
          .
        </p>
      )}
    </div>
  );
}
