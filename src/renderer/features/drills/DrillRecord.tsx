import { useState } from 'react';
import { DRILL_OUTCOME_LABELS, formatDuration, type Trend } from '../../../shared/domain/drills';
import type { DrillView } from '../../../shared/drill-views';
import { formatMoment } from '../../components/format';
import { useStore } from '../../store';
import { DrillTitles } from './DrillTitles';
import { namesOf, onClock } from './format';
import { ReportPanel } from './ReportPanel';

const TREND_WORDS: Record<Exclude<Trend, null>, string> = { faster: 'faster', slower: 'slower', same: 'same' };

/** A finished drill: its timings, steps, findings, follow-ups, history and report. */
export function DrillRecord({ view }: { view: DrillView }) {
  const { drill, timings } = view;
  const error = useStore((s) => s.drillError);
  const clearDrillError = useStore((s) => s.clearDrillError);

  return (
    <section className="screen drill-record" aria-labelledby="screen-title" data-testid="drill-record">
      <header className="drill-runner__head">
        <DrillTitles view={view} when="Held" />
        {drill.outcome ? (
          <span className={`drill-outcome drill-outcome--${drill.outcome} drill-outcome--big`} data-testid="outcome">
            {DRILL_OUTCOME_LABELS[drill.outcome]}
          </span>
        ) : (
          <span className="drill-outcome drill-outcome--big">Cancelled</span>
        )}
      </header>

      {error && (
        <div className="notice notice--error" role="alert">
          <p>{error}</p>
          <button type="button" className="button" onClick={clearDrillError}>
            Dismiss
          </button>
        </div>
      )}

      {drill.startedAt && (
        <div className="drill-timings" role="group" aria-label="Timings" data-testid="timings">
          <Figure label="To acknowledge" value={formatDuration(timings.toAcknowledgeMs)} />
          <Figure label="To mitigate" value={formatDuration(timings.toMitigateMs)} />
          <Figure label="To resolve" value={formatDuration(timings.toResolveMs)} />
          <Figure label="Whole drill" value={formatDuration(timings.durationMs)} />
          <Figure label="Steps skipped" value={`${timings.stepsSkipped} of ${timings.stepsTotal}`} />
        </div>
      )}

      <div className="drill-record__body">
        <section className="panel" aria-labelledby="record-steps-title">
          <h2 id="record-steps-title" className="panel__title">
            Steps as run
          </h2>
          <StepsTable view={view} />
          {view.revisions.length > 0 && (
            <>
              <h3 className="drill-subtitle">Runbook revisions from this drill</h3>
              <ul className="drill-revisions">
                {view.revisions.map((r) => (
                  <li key={r.revision}>
                    Revision {r.revision} · {formatMoment(r.savedAt, view.timeZone)} · {r.note}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>

        <section className="panel" aria-labelledby="findings-title">
          <h2 id="findings-title" className="panel__title">
            Findings and follow-ups
          </h2>
          <p className="drill-findings">{drill.findings || <span className="muted">No findings recorded.</span>}</p>
          <Followups view={view} />
          {drill.notes.length > 0 && (
            <>
              <h3 className="drill-subtitle">Notes during the drill</h3>
              <ul className="drill-notes">
                {drill.notes.map((note) => (
                  <li key={note.id}>
                    <span className="drill-notes__at">
                      {drill.startedAt
                        ? onClock(formatDuration(Math.max(0, Date.parse(note.at) - Date.parse(drill.startedAt))))
                        : ''}
                    </span>
                    {note.text}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>

      <History view={view} />
      <ReportPanel />
    </section>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="drill-figure">
      <span className="drill-figure__label">{label}</span>
      <span className="drill-figure__value">{value}</span>
    </div>
  );
}

function StepsTable({ view }: { view: DrillView }) {
  const editStep = useStore((s) => s.editStep);
  const [editing, setEditing] = useState<{ position: number; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!editing) return;
    const refusal = await editStep(editing.position, editing.text);
    if (refusal) setError(refusal);
    else {
      setEditing(null);
      setError(null);
    }
  };
  return (
    <table className="table table--compact drill-steps-table">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Step</th>
          <th scope="col" className="num">
            Ticked
          </th>
          <th scope="col" aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {view.timings.steps.map((step) => (
          <tr key={step.position}>
            <td>{step.position + 1}</td>
            <td>
              {editing?.position === step.position ? (
                <form
                  className="drill-step-edit"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void save();
                  }}
                >
                  <textarea
                    className="input"
                    aria-label={`New text of step ${step.position + 1}`}
                    value={editing.text}
                    onChange={(e) => setEditing({ ...editing, text: e.target.value })}
                  />
                  {error && (
                    <p className="inline-error" role="alert">
                      {error}
                    </p>
                  )}
                  <div className="form__actions">
                    <button type="button" className="button" onClick={() => setEditing(null)}>
                      Cancel
                    </button>
                    <button type="submit" className="button button--primary">
                      Save as a runbook revision
                    </button>
                  </div>
                </form>
              ) : (
                step.text
              )}
            </td>
            <td className="num">
              {step.skipped ? 'skipped' : step.atMs === null ? 'not reached' : onClock(formatDuration(step.atMs))}
            </td>
            <td className="drills__actions">
              {view.scenario.inRunbook && editing?.position !== step.position && (
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => {
                    setError(null);
                    setEditing({ position: step.position, text: step.text });
                  }}
                >
                  Edit in runbook
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Followups({ view }: { view: DrillView }) {
  const setFollowupStatus = useStore((s) => s.setFollowupStatus);
  const nameOf = namesOf(view.engineers);
  if (view.drill.followups.length === 0) return <p className="muted">No follow-ups.</p>;
  return (
    <table className="table table--compact" aria-label="Follow-ups">
      <thead>
        <tr>
          <th scope="col">Done</th>
          <th scope="col">Follow-up</th>
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
        </tr>
      </thead>
      <tbody>
        {view.drill.followups.map((f) => (
          <tr key={f.id} className={f.status === 'done' ? 'drill-followup--done' : undefined}>
            <td>
              <input
                type="checkbox"
                aria-label={`${f.text}: done`}
                checked={f.status === 'done'}
                onChange={(e) => void setFollowupStatus(f.id, e.target.checked ? 'done' : 'open')}
              />
            </td>
            <td>{f.text}</td>
            <td>{nameOf(f.ownerId)}</td>
            <td>{f.dueDate ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function History({ view }: { view: DrillView }) {
  const entries = view.history?.entries ?? [];
  if (entries.length === 0) return null;
  const trend = view.history!.trend;
  const rows: [string, (e: (typeof entries)[number]) => string, Trend][] = [
    ['To acknowledge', (e) => formatDuration(e.toAcknowledgeMs), trend.acknowledge],
    ['To mitigate', (e) => formatDuration(e.toMitigateMs), trend.mitigate],
    ['To resolve', (e) => formatDuration(e.toResolveMs), trend.resolve],
    ['Steps skipped', (e) => `${e.stepsSkipped} of ${e.stepsTotal}`, null],
    ['Outcome', (e) => (e.outcome ? DRILL_OUTCOME_LABELS[e.outcome] : '—'), null],
  ];
  return (
    <section className="panel drills__panel" aria-labelledby="history-title">
      <h2 id="history-title" className="panel__title">
        This scenario over time
      </h2>
      {entries.length === 1 && (
        <p className="muted">The first drill of this scenario: the next ones will show here side by side.</p>
      )}
      <table className="table table--compact drill-history" data-testid="history">
        <thead>
          <tr>
            <th scope="col" />
            {entries.map((e) => (
              <th key={e.drillId} scope="col" className={e.drillId === view.drill.id ? 'is-this num' : 'num'}>
                {formatMoment(e.startedAt, view.timeZone).split(',')[0]}
                {e.drillId === view.drill.id ? ' (this one)' : ''}
              </th>
            ))}
            {entries.length > 1 && <th scope="col">Latest vs before</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value, t]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {entries.map((e) => (
                <td key={e.drillId} className={e.drillId === view.drill.id ? 'is-this num' : 'num'}>
                  {value(e)}
                </td>
              ))}
              {entries.length > 1 && <td className={t ? `trend trend--${t}` : undefined}>{t ? TREND_WORDS[t] : ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
