import { Fragment, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ownershipError } from '../../../shared/domain/ownership';
import type { Engineer, Id } from '../../../shared/model';
import type { PipelineRow } from '../../../shared/views';
import { EngineerName } from '../../components/EngineerName';
import { useStore } from '../../store';
import { AnsweredBy } from './AnsweredBy';
import { OwnershipHistory } from './OwnershipHistory';

interface Props {
  row: PipelineRow;
  engineers: Engineer[];
  engineersById: Map<Id, Engineer>;
  columns: number;
  focused: boolean;
}

interface Draft {
  primaryId: Id | null;
  secondaryId: Id | null;
  reason: string;
}

export function OwnershipRow({ row, engineers, engineersById, columns, focused }: Props) {
  const { pipeline, ownership } = row;
  const saveOwnership = useStore((s) => s.saveOwnership);
  const clearSaveError = useStore((s) => s.clearSaveError);
  const saving = useStore((s) => s.saving[pipeline.id] ?? false);
  const saveError = useStore((s) => s.saveErrors[pipeline.id] ?? null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const rowRef = useRef<HTMLTableRowElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (focused) rowRef.current?.scrollIntoView({ block: 'center' });
  }, [focused]);

  useEffect(() => {
    if (draft === null && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [draft]);

  const startEditing = () => {
    clearSaveError(pipeline.id);
    setDraft({
      primaryId: ownership?.primaryEngineerId ?? null,
      secondaryId: ownership?.secondaryEngineerId ?? null,
      reason: ownership?.reason ?? '',
    });
  };
  const stopEditing = () => {
    clearSaveError(pipeline.id);
    returnFocus.current = true;
    setDraft(null);
  };

  // The same rule the main process enforces, in the same words, before anything is sent.
  const problem = draft ? ownershipError(draft.primaryId, draft.secondaryId, engineersById) : null;
  const save = async () => {
    if (!draft || problem || saving) return;
    const saved = await saveOwnership({
      pipelineId: pipeline.id,
      primaryEngineerId: draft.primaryId,
      secondaryEngineerId: draft.secondaryId,
      reason: draft.reason,
    });
    if (saved) stopEditing();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      stopEditing();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  const fieldId = (name: string) => `pipeline-${pipeline.id}-${name}`;
  const message = problem ?? saveError;
  const messageRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) messageRef.current?.scrollIntoView({ block: 'nearest' });
  }, [message]);
  const className = [
    'pipeline-row',
    focused ? 'row--focused' : '',
    draft ? 'row--editing' : '',
    draft && message ? 'row--with-message' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <Fragment>
      <tr ref={rowRef} className={className} data-testid="ownership-row" onKeyDown={draft ? onKeyDown : undefined}>
        <th scope="row" className="pipeline-name">
          {pipeline.name}
          {/* Only a warning here: the matrix names every pipeline's rotation. */}
          {pipeline.rotationId === null && (
            <>
              {' '}
              <AnsweredBy rotationId={null} rotations={[]} />
            </>
          )}
        </th>
        <td>
          <span className={`tag tag--${pipeline.audience}`}>{pipeline.audience}</span>
        </td>
        {draft ? (
          <>
            <td>
              <label className="sr-only" htmlFor={fieldId('primary')}>
                Primary owner of {pipeline.name}
              </label>
              <OwnerSelect
                id={fieldId('primary')}
                value={draft.primaryId}
                engineers={engineers}
                invalid={problem !== null}
                onChange={(primaryId) => setDraft({ ...draft, primaryId })}
                autoFocus
              />
            </td>
            <td>
              <label className="sr-only" htmlFor={fieldId('secondary')}>
                Secondary owner of {pipeline.name}
              </label>
              <OwnerSelect
                id={fieldId('secondary')}
                value={draft.secondaryId}
                engineers={engineers}
                invalid={problem !== null}
                onChange={(secondaryId) => setDraft({ ...draft, secondaryId })}
              />
            </td>
            <td>
              <label className="sr-only" htmlFor={fieldId('reason')}>
                Reason for the owners of {pipeline.name}
              </label>
              <textarea
                id={fieldId('reason')}
                className="input"
                rows={3}
                value={draft.reason}
                onChange={(e) => setDraft({ ...draft, reason: e.target.value })}
              />
            </td>
            <td className="actions">
              <div className="actions__buttons">
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => void save()}
                  disabled={problem !== null || saving}
                  aria-describedby={message ? fieldId('message') : undefined}
                >
                  {saving ? 'Saving…' : 'Save'}
                </button>
                <button type="button" className="button" onClick={stopEditing} disabled={saving}>
                  Cancel
                </button>
              </div>
            </td>
          </>
        ) : (
          <>
            <td>
              <EngineerName id={ownership?.primaryEngineerId ?? null} engineers={engineersById} />
            </td>
            <td>
              <EngineerName id={ownership?.secondaryEngineerId ?? null} engineers={engineersById} />
            </td>
            <td className="reason">
              {ownership?.reason ? ownership.reason : <span className="muted">No reason given</span>}
              {row.ownershipProblem && <p className="inline-warning">{row.ownershipProblem}</p>}
            </td>
            <td className="actions">
              <div className="actions__buttons">
                <button
                  ref={editButton}
                  type="button"
                  className="button"
                  onClick={startEditing}
                  aria-label={`Edit owners of ${pipeline.name}`}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-expanded={showHistory}
                  aria-controls={fieldId('history')}
                  aria-label={`History of ${pipeline.name}`}
                  onClick={() => setShowHistory((open) => !open)}
                >
                  History <span aria-hidden="true">{showHistory ? '▴' : '▾'}</span>
                </button>
              </div>
            </td>
          </>
        )}
      </tr>
      {draft && message && (
        <tr className="row-message">
          <td colSpan={columns}>
            <p ref={messageRef} id={fieldId('message')} className="inline-error" role="alert">
              {message}
            </p>
          </td>
        </tr>
      )}
      {showHistory && (
        <tr className="row-history" id={fieldId('history')}>
          <td colSpan={columns}>
            <OwnershipHistory pipelineId={pipeline.id} pipelineName={pipeline.name} engineersById={engineersById} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}

function OwnerSelect({
  id,
  value,
  engineers,
  invalid,
  onChange,
  autoFocus,
}: {
  id: string;
  value: Id | null;
  engineers: Engineer[];
  invalid: boolean;
  onChange: (id: Id | null) => void;
  autoFocus?: boolean;
}) {
  // Engineers who left stay selectable only while they are the current choice.
  const options = engineers.filter((e) => e.active || e.id === value).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <select
      id={id}
      className="input"
      value={value === null ? '' : String(value)}
      aria-invalid={invalid || undefined}
      autoFocus={autoFocus}
      onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
    >
      <option value="">— Nobody —</option>
      {options.map((e) => (
        <option key={e.id} value={e.id}>
          {e.active ? e.name : `${e.name} (left the team)`}
        </option>
      ))}
    </select>
  );
}
