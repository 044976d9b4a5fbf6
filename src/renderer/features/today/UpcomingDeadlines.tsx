import { EmptyState, ErrorNotice } from '../../components/Notice';
import { useChannel } from '../../query/client';
import { useStore } from '../../store';
import { TODAY_DEADLINE_DAYS } from '../slas/sla-days';
import { DeadlineList } from '../slas/DeadlineList';
import '../slas/slas.css';

/** Today's SLA deadlines panel: the coming week, from 'slas:deadlines'. */
export function UpcomingDeadlines() {
  const { data: view, reload: load, ...state } = useChannel('slas:deadlines', { days: TODAY_DEADLINE_DAYS });
  const navigate = useStore((s) => s.navigate);

  return (
    <section className="panel upcoming-deadlines" aria-labelledby="deadlines-today-title" data-testid="today-deadlines">
      <h2 id="deadlines-today-title" className="panel__title">
        SLA deadlines, next {TODAY_DEADLINE_DAYS} days
        <button type="button" className="button button--quiet upcoming-deadlines__go" onClick={() => navigate('slas')}>
          SLAs & risks →
        </button>
      </h2>
      {state.status === 'error' && (
        <ErrorNotice message={`The deadlines could not be loaded: ${state.error}`} onRetry={() => void load()} />
      )}
      {view ? (
        view.deadlines.length === 0 && view.waitingForEvent.length === 0 ? (
          <EmptyState title="No SLA deadlines this week">
            Pipelines get their SLAs on the SLAs & risks screen; their deadlines show here.
          </EmptyState>
        ) : (
          <DeadlineList view={view} emptyText="No SLA deadlines this week." />
        )
      ) : (
        state.status !== 'error' && <p className="muted">Loading…</p>
      )}
    </section>
  );
}
