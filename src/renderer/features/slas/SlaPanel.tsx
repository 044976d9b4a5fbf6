import { useMemo, useState } from 'react';
import { SlaEvents } from './SlaEvents';
import type { Id, Sla } from '../../../shared/model';
import type { SlaRow } from '../../../shared/operations-views';
import type { PipelineRow } from '../../../shared/views';
import { Dialog } from '../../components/Dialog';
import { formatMoment, localTimeZone } from '../../components/format';
import { EmptyState, ErrorNotice } from '../../components/Notice';
import { useChannel } from '../../query/client';
import { save } from '../../query/save';
import { SLA_SCREEN_DAYS } from './sla-days';
import { DeadlineList } from './DeadlineList';
import { SlaDialog } from './SlaDialog';

const NO_SLAS: SlaRow[] = [];
const NO_PIPELINES: PipelineRow[] = [];

/** Each pipeline's SLA (or the lack of one) and the deadlines of the next two weeks. */
export function SlaPanel() {
  const { data: slas = NO_SLAS, reload: loadSlas, ...state } = useChannel('slas:list', {});
  const { data: deadlines } = useChannel('slas:deadlines', { days: SLA_SCREEN_DAYS });
  const { data: pipelineRows = NO_PIPELINES } = useChannel('pipelines:list', {});
  const teamZone = useChannel('team:time-zone', {}).data ?? localTimeZone();
  const [editing, setEditing] = useState<{ sla: Sla | null; pipelineId: Id | null } | null>(null);
  const [deleting, setDeleting] = useState<SlaRow | null>(null);
  const [error, setError] = useState<string | null>(null);

  const pipelines = useMemo(() => pipelineRows.map((r) => r.pipeline).filter((p) => !p.retiredAt), [pipelineRows]);
  const slasOf = (id: Id) => slas.filter((r) => r.pipeline.id === id);

  if (state.status === 'error' && slas.length === 0) {
    return <ErrorNotice message={`The SLAs could not be loaded: ${state.error}`} onRetry={() => void loadSlas()} />;
  }
  // Until the first answer, every card would say "No SLA": say that they are coming instead.
  if (slas.length === 0 && state.status !== 'ready') return <p className="muted">Loading the SLAs…</p>;
  if (pipelines.length === 0) {
    return (
      <EmptyState title="No pipelines yet">
        An SLA belongs to a pipeline. Add pipelines on the Ownership screen (New pipeline), then give each its SLA here.
      </EmptyState>
    );
  }

  return (
    <div className="slas">
      <section aria-labelledby="sla-list-title" className="slas__list">
        <div className="section-head">
          <h2 id="sla-list-title" className="panel__title">
            SLA per pipeline
          </h2>
          <button type="button" className="button" onClick={() => setEditing({ sla: null, pipelineId: null })}>
            New SLA
          </button>
        </div>
        {error && <p className="inline-error">{error}</p>}
        <ul className="sla-cards">
          {pipelines.map((pipeline) => {
            const rows = slasOf(pipeline.id);
            return (
              <li key={pipeline.id} className="sla-card" data-testid="sla-card">
                <div className="sla-card__head">
                  <h3 className="sla-card__name">{pipeline.name}</h3>
                  <span className={`tag tag--${pipeline.audience}`}>{pipeline.audience}</span>
                </div>
                {rows.length === 0 ? (
                  <div className="sla-card__none">
                    <span className="muted">No SLA: when must its data be ready?</span>
                    <button
                      type="button"
                      className="button"
                      onClick={() => setEditing({ sla: null, pipelineId: pipeline.id })}
                      aria-label={`Add an SLA to ${pipeline.name}`}
                    >
                      Add SLA
                    </button>
                  </div>
                ) : (
                  rows.map((row) => (
                    <div key={row.sla.id} className="sla-card__rule">
                      <p className="sla-card__summary">
                        <strong>Due {row.summary}</strong> <span className="muted">· {row.sla.timeZone}</span>
                      </p>
                      {row.sla.description && <p>{row.sla.description}</p>}
                      {row.sla.whyItMatters && (
                        <p className="muted sla-card__why">
                          <span className="sla-card__label">Why it matters:</span> {row.sla.whyItMatters}
                        </p>
                      )}
                      {row.sla.rule.kind === 'within_hours' && <SlaEvents sla={row.sla} eventName={ruleEvent(row)} />}
                      <div className="sla-card__foot">
                        <span className="sla-card__next">
                          {row.next ? (
                            <>
                              Next: <strong>{formatMoment(row.next.dueAt, row.sla.timeZone)}</strong>
                              {row.next.movedFrom && <span className="deadline__moved"> (moved off a holiday)</span>}
                            </>
                          ) : (
                            <span className="muted">Next: starts with each {ruleEvent(row)}</span>
                          )}
                        </span>
                        <button
                          type="button"
                          className="button button--quiet"
                          onClick={() => setEditing({ sla: row.sla, pipelineId: pipeline.id })}
                          aria-label={`Edit the SLA of ${pipeline.name}`}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          className="button button--quiet"
                          onClick={() => setDeleting(row)}
                          aria-label={`Delete the SLA of ${pipeline.name}`}
                        >
                          Delete
                        </button>
                      </div>
                    </div>
                  ))
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section className="panel slas__deadlines" aria-labelledby="deadlines-title">
        <h2 id="deadlines-title" className="panel__title">
          Next {SLA_SCREEN_DAYS} days
        </h2>
        {deadlines ? (
          <DeadlineList view={deadlines} emptyText="No SLA deadlines in the next two weeks." />
        ) : (
          <p className="muted">Loading…</p>
        )}
        <p className="muted slas__note">
          Times are in each SLA’s own zone. Business days skip weekends and the team’s holidays (zone of the rotation:{' '}
          {teamZone}).
        </p>
      </section>

      {editing && (
        <SlaDialog
          sla={editing.sla}
          pipelineId={editing.pipelineId}
          pipelines={pipelines}
          defaultZone={teamZone}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <Dialog
          title={`Delete the SLA of ${deleting.pipeline.name}?`}
          onClose={() => setDeleting(null)}
          footer={
            <>
              <button type="button" className="button" onClick={() => setDeleting(null)} data-autofocus>
                Keep it
              </button>
              <button
                type="button"
                className="button button--danger"
                onClick={async () => {
                  const result = await save('slas:delete', { slaId: deleting.sla.id });
                  setError(result.ok ? null : result.error.message);
                  setDeleting(null);
                }}
              >
                Delete SLA
              </button>
            </>
          }
        >
          <p>
            “Due {deleting.summary}” goes, with its deadlines on this screen and on Today. The runbook’s SLA text stays.
          </p>
        </Dialog>
      )}
    </div>
  );
}

function ruleEvent(row: SlaRow): string {
  return row.sla.rule.kind === 'within_hours' ? row.sla.rule.event : 'event';
}
