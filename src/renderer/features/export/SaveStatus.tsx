import type { ExportState } from './useExporter';

/** Where the last export of a card went, or why it failed. Cancelling a dialog says nothing. */
export function SaveStatus({ state }: { state: ExportState }) {
  const { busy, outcome, error } = state;
  return (
    <div className="export-status" role="status" aria-live="polite">
      {busy && <span className="muted">Preparing the file…</span>}
      {!busy && error && <span className="inline-error">{error}</span>}
      {!busy && outcome?.how === 'saved' && (
        <span className="export-status__ok">
          Saved to <code className="export-path">{outcome.path}</code>
        </span>
      )}
      {!busy && outcome?.how === 'downloaded' && (
        <span className="export-status__ok">
          Downloaded <code className="export-path">{outcome.filename}</code>: it is in your browser’s downloads.
        </span>
      )}
    </div>
  );
}
