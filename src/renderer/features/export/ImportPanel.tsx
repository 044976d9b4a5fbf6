import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import type { ExportCatalog, ImportChange, ImportProblem, ImportReading } from '../../../shared/ipc/channels/share';
import type { CsvDelimiter, ImportKind, ImportMode } from '../../../shared/ipc/share-schemas';
import { refusedAsNotEmpty } from '../../../shared/domain/backup-words';
import { useAppInfo } from '../../query/app-info';
import { useStore } from '../../store';
import { extensionsOf, hostOf, openWithDialog } from '../../api/files';

const KIND_LABELS: Record<ImportKind, { label: string; file: string }> = {
  engineers: { label: 'Engineers', file: 'a CSV file' },
  holidays: { label: 'Holidays', file: 'an .ics calendar file' },
  backup: { label: 'Backup', file: 'a Watchbill JSON backup' },
  history: { label: 'On-call history', file: 'a CSV file' },
};

const MODE_TEXT: Record<ImportKind, Record<ImportMode, { label: string; about: string }>> = {
  engineers: {
    merge: { label: 'Merge', about: 'Add new engineers and update those with the same name.' },
    replace: { label: 'Replace', about: 'As merge, and set engineers who are not in the file inactive.' },
  },
  holidays: {
    merge: { label: 'Merge', about: 'Add the file’s holidays as custom days next to the ones you have.' },
    replace: { label: 'Replace', about: 'Replace all custom holidays with the file’s (public holidays stay).' },
  },
  backup: {
    merge: { label: 'Restore onto an empty database', about: 'Only when this database has nothing in it yet.' },
    replace: {
      label: 'Replace this whole database',
      about: 'Everything here is replaced by the backup. A copy of the current database file is made first.',
    },
  },
  history: {
    merge: { label: 'Add', about: 'Add the file’s past shifts to the history the carried balances count.' },
    replace: { label: 'Replace', about: 'Replace all imported past shifts with the file’s.' },
  },
};

const ACTION_LABELS: Record<ImportChange['action'], string> = {
  add: 'Add',
  update: 'Update',
  deactivate: 'Set inactive',
  remove: 'Remove',
  replace: 'Replace',
};

/** Engineers, holidays or a backup in: choose a file, see what it would change, then apply it whole or not at all. */
export function ImportPanel({ catalog }: { catalog: ExportCatalog }) {
  const kind = useStore((s) => s.importKind);
  const mode = useStore((s) => s.importMode);
  const source = useStore((s) => s.importSource);
  const preview = useStore((s) => s.importPreview);
  const previewState = useStore((s) => s.importPreviewState);
  const result = useStore((s) => s.importResult);
  const appInfo = useAppInfo();
  const setImportKind = useStore((s) => s.setImportKind);
  const setImportMode = useStore((s) => s.setImportMode);
  const rotationId = useStore((s) => s.importRotationId);
  const setImportRotation = useStore((s) => s.setImportRotation);
  const rotationSelect = useId();
  const chooseImportFile = useStore((s) => s.chooseImportFile);
  const clearImport = useStore((s) => s.clearImport);
  const applyImport = useStore((s) => s.applyImport);
  const input = useRef<HTMLInputElement>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [applying, setApplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const previewBox = useRef<HTMLDivElement>(null);
  const doneBox = useRef<HTMLDivElement>(null);

  // The preview and the result come below the buttons, often below the window's edge: bring
  // them to where the lead is looking, since nothing else says they arrived.
  useEffect(() => {
    if (preview) previewBox.current?.scrollIntoView?.({ block: 'start' });
  }, [preview]);
  useEffect(() => {
    if (result) doneBox.current?.scrollIntoView?.({ block: 'nearest' });
  }, [result]);

  const offer = catalog.imports.find((i) => i.kind === kind) ?? catalog.imports[0];
  if (!offer) return null;
  const replacingAll = kind === 'backup' && mode === 'replace';
  const host = hostOf(appInfo);

  const pick = async () => {
    setError(null);
    setConfirmed(false);
    if (host === 'browser') {
      input.current?.click();
      return;
    }
    const opened = await openWithDialog(`Import ${KIND_LABELS[kind].label.toLowerCase()}`, extensionsOf(offer.accepts));
    if (!opened.ok) setError(opened.error.message);
    else if (opened.value) await chooseImportFile(opened.value);
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      await chooseImportFile({ filename: file.name, encoding: 'bytes', content: base64Of(await file.arrayBuffer()) });
    } catch (e) {
      setError(`${file.name} could not be read: ${(e as Error).message}`);
    }
  };

  const apply = async () => {
    setApplying(true);
    setError(null);
    const applied = await applyImport(replacingAll && confirmed);
    setApplying(false);
    setConfirmed(false);
    if (!applied.ok) setError(`Nothing was changed: ${applied.error.message}`);
  };

  const canApply = preview?.valid === true && preview.changes.length > 0 && (!replacingAll || confirmed) && !applying;

  return (
    <section className="panel export-import" aria-labelledby="import-title">
      <div className="segmented" role="group" aria-label="What to import">
        {catalog.imports.map((i) => (
          <button
            key={i.kind}
            type="button"
            className="button"
            aria-pressed={kind === i.kind}
            onClick={() => {
              setError(null);
              setConfirmed(false);
              setImportKind(i.kind);
            }}
          >
            {KIND_LABELS[i.kind].label} <span className="export-card__ext">{i.accepts}</span>
          </button>
        ))}
      </div>
      <p className="muted export-card__about">{offer.description}</p>

      {offer.modes.length > 1 && (
        <fieldset className="export-modes">
          <legend className="field__label">How</legend>
          {offer.modes.map((m) => (
            <label key={m} className="export-mode">
              <input
                type="radio"
                name="import-mode"
                value={m}
                checked={mode === m}
                onChange={() => {
                  setConfirmed(false);
                  void setImportMode(m);
                }}
              />
              <span>
                <strong>{MODE_TEXT[kind][m].label}</strong>
                <span className="muted"> — {MODE_TEXT[kind][m].about}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}

      {kind === 'history' && catalog.rotations.length > 1 && (
        <div className="inline-field export-import__rotation">
          <label className="field__label" htmlFor={rotationSelect}>
            Rotation
          </label>
          <select
            id={rotationSelect}
            className="input"
            value={rotationId === null ? '' : String(rotationId)}
            onChange={(e) => void setImportRotation(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">Choose the rotation the history is of…</option>
            {catalog.rotations.map((r) => (
              <option key={r.id} value={String(r.id)}>
                {r.name}
                {r.archived ? ' (archived)' : ''}
              </option>
            ))}
          </select>
        </div>
      )}

      <div className="export-card__actions">
        <button type="button" className="button" onClick={() => void pick()}>
          {source ? 'Choose another file…' : `Choose ${KIND_LABELS[kind].file}…`}
        </button>
        {source && (
          <span>
            <code className="export-path">{source.filename}</code>
          </span>
        )}
        <input
          ref={input}
          type="file"
          hidden
          tabIndex={-1}
          accept={offer.accepts}
          aria-label={`File with ${KIND_LABELS[kind].label.toLowerCase()} to import`}
          data-testid="import-file"
          onChange={(e) => void onFile(e)}
        />
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}

      {result && !source && (
        <div className="notice export-done" role="status" ref={doneBox}>
          <p className="notice__title">
            Imported {result.file}: {result.summary}
          </p>
          {result.backupPath && (
            <p>
              The database as it was before is kept at <code className="export-path">{result.backupPath}</code>.
            </p>
          )}
        </div>
      )}

      {source && previewState.status === 'loading' && !preview && (
        <p className="muted" role="status">
          Checking {source.filename}…
        </p>
      )}
      {source && previewState.status === 'error' && !preview && (
        <p className="inline-error" role="alert">
          {source.filename} could not be checked: {previewState.error}
        </p>
      )}

      {source && preview && (
        <div className="export-preview-import" data-testid="import-preview" ref={previewBox}>
          {preview.valid ? (
            <>
              <h3 className="export-subtitle">Preview: nothing is written until you apply</h3>
              <p className="export-summary">{preview.summary}</p>
              <Reading reading={preview.reading} />
              {preview.changes.length > 0 && <ChangeTable changes={preview.changes} />}
              {replacingAll && (
                <label className="export-check export-confirm">
                  <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
                  <span>
                    Replace everything in this database with the backup. A copy of the current database file is made
                    automatically first.
                  </span>
                </label>
              )}
            </>
          ) : (
            <div role="alert">
              <h3 className="export-subtitle export-subtitle--error">
                {source.filename} cannot be imported: nothing will be changed
              </h3>
              <p className="muted">
                {refusedAsNotEmpty(preview.problems)
                  ? 'The file is fine; this database already holds a team. To restore the backup here, choose “Replace this whole database” above: a copy of the current file is kept first.'
                  : 'Fix what is listed here in the file, then choose it again.'}
              </p>
              <Reading reading={preview.reading} />
              <ProblemTable problems={preview.problems} />
            </div>
          )}
          <div className="export-card__actions">
            <button type="button" className="button button--primary" disabled={!canApply} onClick={() => void apply()}>
              {applying ? 'Applying…' : 'Apply'}
            </button>
            <button type="button" className="button" onClick={clearImport}>
              Cancel
            </button>
            {preview.valid && preview.changes.length === 0 && <span className="muted">There is nothing to apply.</span>}
            {preview.valid && replacingAll && !confirmed && (
              <span className="muted">Tick the confirmation above to apply.</span>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

const DELIMITER_WORDS: Record<CsvDelimiter, string> = { comma: 'commas', semicolon: 'semicolons', tab: 'tabs' };

/** How the file was read, so a wrong guess is seen before anything is applied. */
function Reading({ reading }: { reading: ImportReading }) {
  return (
    <p className="muted" data-testid="import-reading">
      Read as {reading.encoding}
      {reading.delimiter ? `, fields separated by ${DELIMITER_WORDS[reading.delimiter]}` : ''}.
      {reading.notice && <strong role="note"> {reading.notice}</strong>}
    </p>
  );
}

/** The file's bytes as base64, in slices so a large file does not overflow the call stack. */
function base64Of(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function ChangeTable({ changes }: { changes: ImportChange[] }) {
  // A backup lists every table: keep Apply within reach.
  return (
    <div
      className={changes.length > 10 ? 'export-table-scroll' : undefined}
      tabIndex={changes.length > 10 ? 0 : undefined}
    >
      <table className="table table--compact export-table">
        <thead>
          <tr>
            <th scope="col">Change</th>
            <th scope="col">What</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c, i) => (
            <tr key={i} data-testid="import-change">
              <td>
                <span className={`export-action export-action--${c.action}`}>{ACTION_LABELS[c.action]}</span>
              </td>
              <td>{c.label}</td>
              <td className="muted">{c.details.join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProblemTable({ problems }: { problems: ImportProblem[] }) {
  return (
    <table className="table table--compact export-table">
      <thead>
        <tr>
          <th scope="col">Where</th>
          <th scope="col">Field</th>
          <th scope="col">Problem</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p, i) => (
          <tr key={i} data-testid="import-problem">
            <td className="nowrap">{where(p)}</td>
            <td>{p.field ?? '—'}</td>
            <td>{p.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function where(p: ImportProblem): string {
  const parts = [p.file];
  if (p.line !== null) parts.push(`line ${p.line}`);
  if (p.item) parts.push(p.item);
  return parts.join(', ');
}
