import { useState } from 'react';
import type { ListEntry, RunbookDiff, TextChange } from '../../../shared/domain/runbook';
import type { Id } from '../../../shared/model';
import type { RevisionDiffView, RevisionSummary } from '../../../shared/operations-views';
import { Dialog } from '../../components/Dialog';
import { formatMoment, localTimeZone } from '../../components/format';
import { call } from '../../api/client';
import { useChannel } from '../../query/client';
import { restoreRevision } from './runbook-saves';

/** Every saved revision, the differences between any two, and restoring an older one (as a new revision). */
const NO_REVISIONS: RevisionSummary[] = [];

export function RevisionsPanel({
  pipelineId,
  dirty,
  onRestored,
}: {
  pipelineId: Id;
  dirty: boolean;
  onRestored: (from: number, revision: number) => void;
}) {
  const revisions = useChannel('runbooks:revisions', { pipelineId }).data ?? NO_REVISIONS;
  const current = useChannel('runbooks:get', { pipelineId }).data?.runbook?.revision ?? null;
  const timeZone = useChannel('team:time-zone', {}).data ?? localTimeZone();
  const newestFirst = [...revisions].sort((a, b) => b.revision - a.revision);
  // Until the lead chooses, the newest revision is compared with the one before it.
  const [chosenFrom, setFrom] = useState<number | null>(null);
  const [chosenTo, setTo] = useState<number | null>(null);
  const from = chosenFrom ?? newestFirst[1]?.revision ?? null;
  const to = chosenTo ?? newestFirst[0]?.revision ?? null;
  const [diff, setDiff] = useState<RevisionDiffView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);

  const compare = async (a: number, b: number) => {
    setFrom(a);
    setTo(b);
    setError(null);
    const result = await call('runbooks:diff', { pipelineId, from: a, to: b });
    if (result.ok) setDiff(result.value);
    else setError(result.error.message);
  };

  const restore = async (revision: number) => {
    const result = await restoreRevision(pipelineId, revision);
    setRestoring(null);
    if (result.ok) {
      onRestored(revision, result.value.runbook?.revision ?? 0);
      setDiff(null);
      setFrom(null);
      setTo(null);
    } else setError(result.error.message);
  };

  if (newestFirst.length === 0) {
    return (
      <div className="empty">
        <p className="empty__title">No revisions yet</p>
        <div className="empty__body">Every save of the runbook keeps a revision here, with its note.</div>
      </div>
    );
  }

  const revisionOptions = newestFirst.map((r) => (
    <option key={r.revision} value={r.revision}>
      Revision {r.revision}
      {r.note ? ` — ${r.note.slice(0, 40)}` : ''}
    </option>
  ));

  return (
    <div className="revisions">
      <table className="table table--compact revisions__table" data-testid="revisions">
        <thead>
          <tr>
            <th scope="col" className="num">
              Rev.
            </th>
            <th scope="col">Saved</th>
            <th scope="col">Note</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((r, i) => {
            const previous = newestFirst[i + 1];
            return (
              <tr key={r.revision} data-testid="revision-row">
                <td className="num">{r.revision}</td>
                <td className="nowrap">{formatMoment(r.savedAt, timeZone)}</td>
                <td>
                  {r.note || <span className="muted">No note</span>}
                  {r.revision === current && <span className="flag flag--ok revisions__current">current</span>}
                </td>
                <td className="revisions__actions">
                  {previous && (
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => void compare(previous.revision, r.revision)}
                      aria-label={`Changes in revision ${r.revision}`}
                    >
                      Changes
                    </button>
                  )}
                  {r.revision !== current && (
                    <button
                      type="button"
                      className="button"
                      onClick={() => setRestoring(r.revision)}
                      aria-label={`Restore revision ${r.revision}`}
                    >
                      Restore
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {newestFirst.length > 1 && (
        <div className="compare-bar">
          <div>
            <label className="field__label" htmlFor="diff-from">
              Compare
            </label>
            <select
              id="diff-from"
              className="input"
              value={from ?? ''}
              onChange={(e) => setFrom(Number(e.target.value))}
            >
              {revisionOptions}
            </select>
          </div>
          <div>
            <label className="field__label" htmlFor="diff-to">
              with
            </label>
            <select id="diff-to" className="input" value={to ?? ''} onChange={(e) => setTo(Number(e.target.value))}>
              {revisionOptions}
            </select>
          </div>
          <button
            type="button"
            className="button"
            disabled={from === null || to === null || from === to}
            onClick={() => from !== null && to !== null && void compare(from, to)}
          >
            Show differences
          </button>
        </div>
      )}
      {error && <p className="inline-error">{error}</p>}
      {diff && <DiffView view={diff} timeZone={timeZone} />}

      {restoring !== null && (
        <Dialog
          title={`Restore revision ${restoring}?`}
          onClose={() => setRestoring(null)}
          footer={
            <>
              <button type="button" className="button" onClick={() => setRestoring(null)} data-autofocus>
                Keep the current one
              </button>
              <button type="button" className="button button--primary" onClick={() => void restore(restoring)}>
                Restore revision {restoring}
              </button>
            </>
          }
        >
          <p>
            Its content becomes the newest revision. Nothing is lost: the current revision stays in the list and can be
            restored in turn.
          </p>
          {dirty && <p className="inline-error">Your unsaved changes in the editor will be discarded.</p>}
        </Dialog>
      )}
    </div>
  );
}

function DiffView({ view, timeZone }: { view: RevisionDiffView; timeZone: string }) {
  return (
    <section className="diff-view" aria-labelledby="diff-title" data-testid="revision-diff">
      <h3 id="diff-title" className="diff-view__title">
        Revision {view.from.revision} → revision {view.to.revision}
        <span className="muted">
          {' '}
          ({formatMoment(view.from.savedAt, timeZone)} → {formatMoment(view.to.savedAt, timeZone)})
        </span>
      </h3>
      <DiffSections diff={view.diff} />
    </section>
  );
}

function DiffSections({ diff }: { diff: RunbookDiff }) {
  if (!diff.changed) return <p className="muted">The two revisions have the same content.</p>;
  return (
    <>
      {diff.sections.map((section) => (
        <div key={section.section} className="diff-section">
          <h4 className="diff-section__title">{section.label}</h4>
          {section.fields.map((f) => (
            <FieldChange key={f.field} change={f} />
          ))}
          {section.lists.map((list) => (
            <div key={list.field} className="diff-field">
              <span className="diff-field__label">{list.label}</span>
              <Entries entries={list.entries} />
            </div>
          ))}
          {section.scenarios.map((s) => (
            <div key={`${s.change}-${s.title}`} className="diff-field">
              <span className="diff-field__label">
                Scenario “{s.title}” <span className={`diff-badge diff-badge--${s.change}`}>{s.change}</span>
              </span>
              {s.change === 'changed' ? (
                <>
                  {s.fields.map((f) => (
                    <FieldChange key={f.field} change={f} />
                  ))}
                  {s.steps && (
                    <>
                      <span className="diff-field__sub">Steps</span>
                      <Entries entries={s.steps} ordered />
                    </>
                  )}
                </>
              ) : (
                <Entries entries={s.steps.map((text) => ({ op: s.change, text }))} ordered />
              )}
            </div>
          ))}
        </div>
      ))}
    </>
  );
}

function FieldChange({ change }: { change: TextChange }) {
  return (
    <div className="diff-field">
      <span className="diff-field__label">{change.label}</span>
      <ul className="diff-lines">
        <li className="diff-line diff-line--removed">
          <span className="sr-only">Before: </span>
          {change.before || <em>empty</em>}
        </li>
        <li className="diff-line diff-line--added">
          <span className="sr-only">After: </span>
          {change.after || <em>empty</em>}
        </li>
      </ul>
    </div>
  );
}

function Entries({ entries, ordered = false }: { entries: ListEntry[]; ordered?: boolean }) {
  // Each kept or added entry's place in the new list.
  const places = entries.map((_, i) => entries.slice(0, i + 1).filter((e) => e.op !== 'removed').length);
  return (
    <ul className="diff-lines">
      {entries.map((entry, i) => {
        return (
          <li key={i} className={`diff-line diff-line--${entry.op}`}>
            <span className="diff-line__mark" aria-hidden="true">
              {entry.op === 'added' ? '+' : entry.op === 'removed' ? '−' : ' '}
            </span>
            <span className="sr-only">
              {entry.op === 'added' ? 'Added: ' : entry.op === 'removed' ? 'Removed: ' : ''}
            </span>
            {ordered && entry.op !== 'removed' && <span className="diff-line__n">{places[i]}.</span>}
            {entry.text}
          </li>
        );
      })}
    </ul>
  );
}
