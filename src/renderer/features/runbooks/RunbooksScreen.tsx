import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Id } from '../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { EmptyState, ErrorNotice } from '../../components/Notice';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useChannel } from '../../query/client';
import { useStore } from '../../store';
import { RevisionsPanel } from './RevisionsPanel';
import { RunbookEditor } from './RunbookEditor';
import { pickerRows, RunbookPicker, runbookStatus } from './RunbookPicker';
import { WhoPanel } from './WhoPanel';
import '../ownership/operations-shared.css';
import './runbooks.css';
import './who-and-revisions.css';

type Tab = 'runbook' | 'revisions';

export function RunbooksScreen() {
  const { data: matrix, reload: loadMatrix, ...matrixState } = useChannel('ownership:matrix', {});
  const focusPipelineId = useStore((s) => s.focusPipelineId);
  const requestDrill = useStore((s) => s.requestDrill);
  const selected = useStore((s) => s.runbookPipelineId);
  const runbook = useChannel('runbooks:get', { pipelineId: selected ?? 0 }, { enabled: selected !== null });
  const { data: view, ...state } = runbook;
  const revisions =
    useChannel('runbooks:revisions', { pipelineId: selected ?? 0 }, { enabled: selected !== null }).data ?? [];
  const openRunbook = useStore((s) => s.openRunbook);
  const [tab, setTab] = useState<Tab>('runbook');
  const [dirty, setDirty] = useState(false);
  const [pendingSwitch, setPendingSwitch] = useState<Id | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const rows = useMemo(() => (matrix ? pickerRows(matrix.rows) : []), [matrix]);

  const open = useCallback(
    (pipelineId: Id) => {
      setDirty(false);
      setStatus(null);
      setTab('runbook');
      openRunbook(pipelineId);
    },
    [openRunbook],
  );

  // Arriving from a warning opens that pipeline; otherwise the last one, or the first in the list.
  useEffect(() => {
    if (rows.length === 0) return;
    const wanted = focusPipelineId ?? selected;
    const target = rows.find((r) => r.pipeline.id === wanted) ?? rows[0]!;
    if (target.pipeline.id !== selected) openRunbook(target.pipeline.id);
    // Only when the list first arrives or a warning asks for a pipeline.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows.length > 0, focusPipelineId]);

  const choose = (pipelineId: Id) => {
    if (pipelineId === selected) return;
    if (dirty) setPendingSwitch(pipelineId);
    else open(pipelineId);
  };

  const selectedRow = rows.find((r) => r.pipeline.id === selected) ?? null;
  const onDirtyChange = useCallback((d: boolean) => setDirty(d), []);
  const incomplete = rows.filter((r) => r.pipeline.audience === 'investors' && runbookStatus(r).tone === 'warn').length;

  return (
    <section className="screen screen--runbooks" aria-labelledby="screen-title">
      <ScreenHeader
        title="Runbooks"
        subtitle={
          matrix
            ? incomplete
              ? `${incomplete} investor-facing ${incomplete === 1 ? 'pipeline needs' : 'pipelines need'} a complete runbook`
              : 'Every investor-facing pipeline has a complete runbook'
            : ' '
        }
      />
      {matrixState.status === 'error' && (
        <ErrorNotice
          message={`The pipelines could not be loaded: ${matrixState.error}`}
          onRetry={() => void loadMatrix()}
        />
      )}
      {matrix && rows.length === 0 ? (
        <EmptyState title="No pipelines yet">
          A runbook belongs to a pipeline. Add pipelines on the Ownership screen (New pipeline), then write their
          runbooks here.
        </EmptyState>
      ) : (
        <div className="runbooks">
          <RunbookPicker rows={rows} selected={selected} onSelect={choose} />
          <div className="runbooks__main">
            {selectedRow && (
              <header className="runbook-head">
                <div>
                  <h2 className="runbook-head__title">{selectedRow.pipeline.name}</h2>
                  <p className="muted">
                    {selectedRow.area?.name ?? 'No business area'} · {selectedRow.pipeline.audience} ·{' '}
                    {runbookStatus(selectedRow).text}
                  </p>
                </div>
                <div className="runbook-head__actions">
                  <button
                    type="button"
                    className="button"
                    disabled={!selectedRow.runbook || selectedRow.runbook.emptySections.includes('scenarios')}
                    title="Plan and run an emergency-response drill on one of this runbook's scenarios"
                    onClick={() => requestDrill(selectedRow.pipeline.id)}
                  >
                    Start drill…
                  </button>
                  <div className="segmented" role="group" aria-label="Runbook views">
                    <button
                      type="button"
                      className="button"
                      aria-pressed={tab === 'runbook'}
                      onClick={() => setTab('runbook')}
                    >
                      Runbook
                    </button>
                    <button
                      type="button"
                      className="button"
                      aria-pressed={tab === 'revisions'}
                      onClick={() => setTab('revisions')}
                    >
                      Revisions <span className="count">{revisions.length}</span>
                    </button>
                  </div>
                </div>
              </header>
            )}
            {status && (
              <p className="runbook-status" role="status">
                {status}
              </p>
            )}
            {state.status === 'error' && (
              <ErrorNotice
                message={`The runbook could not be loaded: ${state.error}`}
                onRetry={() => void runbook.reload()}
              />
            )}
            {view && selected === view.pipeline.id ? (
              <>
                <div hidden={tab !== 'runbook'}>
                  <WhoPanel pipelineId={view.pipeline.id} hasUnsavedPath={dirty} />
                  <RunbookEditor
                    key={`${view.pipeline.id}-${view.runbook?.revision ?? 0}`}
                    view={view}
                    onDirtyChange={onDirtyChange}
                    onSaved={(revision) => setStatus(`Saved as revision ${revision}.`)}
                  />
                </div>
                {tab === 'revisions' && (
                  <RevisionsPanel
                    pipelineId={view.pipeline.id}
                    dirty={dirty}
                    onRestored={(from, revision) => {
                      setStatus(`Revision ${from} restored as revision ${revision}.`);
                      setTab('runbook');
                    }}
                  />
                )}
              </>
            ) : (
              state.status !== 'error' && <p className="muted">Loading…</p>
            )}
          </div>
        </div>
      )}
      {pendingSwitch !== null && (
        <Dialog
          title="Discard unsaved changes?"
          onClose={() => setPendingSwitch(null)}
          footer={
            <>
              <button type="button" className="button" onClick={() => setPendingSwitch(null)} data-autofocus>
                Keep editing
              </button>
              <button
                type="button"
                className="button button--danger"
                onClick={() => {
                  const target = pendingSwitch;
                  setPendingSwitch(null);
                  open(target);
                }}
              >
                Discard and switch
              </button>
            </>
          }
        >
          <p>The runbook of {selectedRow?.pipeline.name ?? 'this pipeline'} has changes that are not saved yet.</p>
        </Dialog>
      )}
    </section>
  );
}
