import { useEffect, useState } from 'react';
import { describeParticipants, DRILL_OUTCOME_LABELS, formatDuration } from '../../../shared/domain/drills';
import type { DrillListItem, DrillsView } from '../../../shared/drill-views';
import type { Id } from '../../../shared/model';
import { formatMoment } from '../../components/format';
import { EmptyState, ErrorNotice } from '../../components/Notice';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useChannel } from '../../query/client';
import { useStore } from '../../store';
import { DUE_LABELS, namesOf } from './format';
import { ScheduleDialog } from './ScheduleDialog';

export function DrillList() {
  const { data: view, reload: loadDrills, ...state } = useChannel('drills:list', {});
  // Arriving from a runbook's "Start drill…" (which mounts this list afresh): the dialog to plan
  // a drill on that pipeline opens at once, and the request is used up.
  const requested = useStore((s) => s.drillRequestPipelineId);
  const clearDrillRequest = useStore((s) => s.clearDrillRequest);
  const [scheduling, setScheduling] = useState<{ pipelineId: Id | null } | null>(() =>
    requested === null ? null : { pipelineId: requested },
  );
  useEffect(() => {
    if (requested !== null) clearDrillRequest();
  }, [requested, clearDrillRequest]);

  const cadence = view?.cadence;
  return (
    <section className="screen drills" aria-labelledby="screen-title">
      <ScreenHeader
        title="Drills"
        subtitle={
          cadence && view
            ? `${cadence.perYear} drill${cadence.perYear === 1 ? '' : 's'} a year per ${cadence.audiences.join(' / ')} pipeline · due ${cadence.windowDays} days ahead · times in ${view.timeZone}`
            : ' '
        }
        actions={
          <button
            type="button"
            className="button button--primary"
            disabled={!view}
            onClick={() => setScheduling({ pipelineId: null })}
          >
            Schedule a drill
          </button>
        }
      />
      {state.status === 'error' && (
        <ErrorNotice message={`The drills could not be loaded: ${state.error}`} onRetry={() => void loadDrills()} />
      )}
      {!view ? (
        state.status !== 'error' && <p className="muted">Loading…</p>
      ) : (
        <>
          <DueTable view={view} onSchedule={(pipelineId) => setScheduling({ pipelineId })} />
          <Upcoming view={view} />
          <Past view={view} />
        </>
      )}
      {scheduling && view && (
        <ScheduleDialog view={view} pipelineId={scheduling.pipelineId} onClose={() => setScheduling(null)} />
      )}
    </section>
  );
}

function DueTable({ view, onSchedule }: { view: DrillsView; onSchedule: (pipelineId: Id) => void }) {
  const focusPipelineId = useStore((s) => s.focusPipelineId);
  if (view.due.length === 0) return null;
  return (
    <section className="panel drills__panel" aria-labelledby="due-title">
      <h2 id="due-title" className="panel__title">
        Cadence
      </h2>
      <CadenceForm view={view} />
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">Pipeline</th>
            <th scope="col">State</th>
            <th scope="col">Next drill by</th>
            <th scope="col">Last drill</th>
            <th scope="col" aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {view.due.map((d) => (
            <tr key={d.pipelineId} className={d.pipelineId === focusPipelineId ? 'row--focused' : undefined}>
              <th scope="row">{d.pipelineName}</th>
              <td>
                <span className={`drill-state drill-state--${d.state}`}>{DUE_LABELS[d.state]}</span>
              </td>
              <td>{d.state === 'planned' ? '—' : formatMoment(d.nextDueAt, view.timeZone).split(',')[0]}</td>
              <td>{d.lastFinishedAt ? formatMoment(d.lastFinishedAt, view.timeZone).split(',')[0] : 'Never'}</td>
              <td className="drills__actions">
                {d.state !== 'planned' && (
                  <button type="button" className="button" onClick={() => onSchedule(d.pipelineId)}>
                    Schedule
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The cadence setting: how many drills a year, and how long ahead a pipeline shows as due. */
function CadenceForm({ view }: { view: DrillsView }) {
  const setCadence = useStore((s) => s.setCadence);
  const [perYear, setPerYear] = useState(String(view.cadence.perYear));
  const [windowDays, setWindowDays] = useState(String(view.cadence.windowDays));
  const [error, setError] = useState<string | null>(null);
  const changed = perYear !== String(view.cadence.perYear) || windowDays !== String(view.cadence.windowDays);
  return (
    <form
      className="drill-cadence"
      onSubmit={(e) => {
        e.preventDefault();
        void setCadence({ ...view.cadence, perYear: Number(perYear), windowDays: Number(windowDays) }).then(setError);
      }}
    >
      <label className="inline-field">
        <span className="field__label">Drills a year</span>
        <input
          className="input"
          type="number"
          min={1}
          max={12}
          value={perYear}
          onChange={(e) => setPerYear(e.target.value)}
        />
      </label>
      <label className="inline-field">
        <span className="field__label">Due this many days ahead</span>
        <input
          className="input"
          type="number"
          min={0}
          max={365}
          value={windowDays}
          onChange={(e) => setWindowDays(e.target.value)}
        />
      </label>
      <button type="submit" className="button" disabled={!changed}>
        Save cadence
      </button>
      {error && (
        <span className="inline-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

function Upcoming({ view }: { view: DrillsView }) {
  const openDrill = useStore((s) => s.openDrill);
  const nameOf = namesOf(view.engineers);
  const items = view.drills
    .filter((d) => d.drill.status === 'planned' || d.drill.status === 'running')
    .sort((a, b) => a.drill.scheduledAt.localeCompare(b.drill.scheduledAt));
  return (
    <section className="panel drills__panel" aria-labelledby="upcoming-title">
      <h2 id="upcoming-title" className="panel__title">
        Planned and running
      </h2>
      {items.length === 0 ? (
        <EmptyState title="No drill planned">Schedule one for a pipeline that is due.</EmptyState>
      ) : (
        <ul className="drill-cards">
          {items.map(({ drill, pipelineName }) => (
            <li key={drill.id} className={`drill-card drill-card--${drill.status}`}>
              <div>
                <div className="drill-card__title">
                  {pipelineName} — {drill.scenarioTitle}
                </div>
                <div className="muted">
                  {drill.status === 'running' ? 'Running since ' : ''}
                  {formatMoment(drill.startedAt ?? drill.scheduledAt, view.timeZone)} · facilitator{' '}
                  {nameOf(drill.facilitatorId)} · {describeParticipants(drill.participants, nameOf)}
                </div>
              </div>
              <button
                type="button"
                className={drill.status === 'running' ? 'button button--primary' : 'button'}
                onClick={() => void openDrill(drill.id)}
              >
                {drill.status === 'running' ? 'Resume' : 'Open'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Past({ view }: { view: DrillsView }) {
  const openDrill = useStore((s) => s.openDrill);
  const items: DrillListItem[] = view.drills.filter(
    (d) => d.drill.status === 'finished' || d.drill.status === 'cancelled',
  );
  return (
    <section className="panel drills__panel" aria-labelledby="past-title">
      <h2 id="past-title" className="panel__title">
        Past drills
      </h2>
      {items.length === 0 ? (
        <EmptyState title="No drill recorded yet" />
      ) : (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Pipeline</th>
              <th scope="col">Scenario</th>
              <th scope="col">Outcome</th>
              <th scope="col" className="num">
                Acknowledge
              </th>
              <th scope="col" className="num">
                Mitigate
              </th>
              <th scope="col" className="num">
                Resolve
              </th>
              <th scope="col" className="num">
                Skipped
              </th>
              <th scope="col" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {items.map(({ drill, pipelineName, timings }) => (
              <tr key={drill.id}>
                <td>{formatMoment(drill.startedAt ?? drill.scheduledAt, view.timeZone)}</td>
                <th scope="row">{pipelineName}</th>
                <td>{drill.scenarioTitle}</td>
                <td>
                  {drill.outcome ? (
                    <span className={`drill-outcome drill-outcome--${drill.outcome}`}>
                      {DRILL_OUTCOME_LABELS[drill.outcome]}
                    </span>
                  ) : (
                    <span className="muted">Cancelled</span>
                  )}
                </td>
                <td className="num">{formatDuration(timings.toAcknowledgeMs)}</td>
                <td className="num">{formatDuration(timings.toMitigateMs)}</td>
                <td className="num">{formatDuration(timings.toResolveMs)}</td>
                <td className="num">{drill.startedAt ? `${timings.stepsSkipped} of ${timings.stepsTotal}` : '—'}</td>
                <td className="drills__actions">
                  <button type="button" className="button" onClick={() => void openDrill(drill.id)}>
                    Record
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
