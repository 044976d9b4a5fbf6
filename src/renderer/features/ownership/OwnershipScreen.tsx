import { useMemo, useState } from 'react';
import type { Engineer, Id } from '../../../shared/model';
import type { PipelineRow } from '../../../shared/views';
import { EmptyState, ErrorNotice } from '../../components/Notice';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useChannel } from '../../query/client';
import { useStore } from '../../store';
import { WarningList } from '../today/WarningList';
import { groupByArea } from './grouping';
import { OwnershipMatrix } from './OwnershipMatrix';
import { OwnershipRow } from './OwnershipRow';
import { PipelineDialog } from './PipelineDialog';
import { ReviewPanel } from './ReviewPanel';
import './ownership.css';
import './operations-shared.css';

const COLUMNS = 6;
const NO_PIPELINES: PipelineRow[] = [];
const NO_ENGINEERS: Engineer[] = [];

export function OwnershipScreen() {
  const { data: pipelines = NO_PIPELINES, reload: loadPipelines, ...state } = useChannel('pipelines:list', {});
  const { data: engineers = NO_ENGINEERS, reload: loadEngineers, ...engineersState } = useChannel('engineers:list', {});
  const focusPipelineId = useStore((s) => s.focusPipelineId);
  const { data: matrix, reload: loadMatrix, ...matrixState } = useChannel('ownership:matrix', {});
  const [view, setView] = useState<'table' | 'matrix'>('table');
  const [adding, setAdding] = useState(false);

  const engineersById = useMemo(() => new Map<Id, Engineer>(engineers.map((e) => [e.id, e])), [engineers]);
  const groups = useMemo(() => groupByArea(pipelines), [pipelines]);
  const loaded = state.status === 'ready' || pipelines.length > 0;
  const count = groups.reduce((n, g) => n + g.rows.length, 0);

  return (
    <section className="screen" aria-labelledby="screen-title">
      <ScreenHeader
        title="Ownership"
        subtitle={
          loaded
            ? `${count} ${count === 1 ? 'pipeline' : 'pipelines'} · every pipeline needs a primary and a different secondary owner`
            : ' '
        }
        actions={
          <>
            <div className="segmented" role="group" aria-label="View">
              <button type="button" className="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
                By area
              </button>
              <button
                type="button"
                className="button"
                aria-pressed={view === 'matrix'}
                onClick={() => setView('matrix')}
              >
                Matrix
              </button>
            </div>
            <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
              New pipeline
            </button>
          </>
        }
      />
      {matrix && matrix.warnings.length > 0 && (
        <details className="panel ownership-warnings" open={view === 'matrix'}>
          <summary className="panel__title">
            Ownership warnings <span className="count">{matrix.warnings.length}</span>
          </summary>
          <div className="warnings--compact">
            <WarningList warnings={matrix.warnings} />
          </div>
        </details>
      )}
      {matrixState.status === 'error' && view === 'matrix' && (
        <ErrorNotice
          message={`The matrix could not be loaded: ${matrixState.error}`}
          onRetry={() => void loadMatrix()}
        />
      )}
      {state.status === 'error' && (
        <ErrorNotice
          message={`The pipelines could not be loaded: ${state.error}`}
          onRetry={() => void loadPipelines()}
        />
      )}
      {engineersState.status === 'error' && (
        <ErrorNotice
          message={`The engineers could not be loaded: ${engineersState.error}`}
          onRetry={() => void loadEngineers()}
        />
      )}
      {!loaded ? (
        state.status !== 'error' && <p className="muted">Loading…</p>
      ) : count === 0 ? (
        <EmptyState title="No pipelines yet">
          Add the team’s first pipeline with New pipeline, then choose its primary and secondary owners. To explore
          Watchbill with an example team instead, start it on a new database file without --empty.
        </EmptyState>
      ) : view === 'matrix' ? (
        matrix && <OwnershipMatrix matrix={matrix} focusPipelineId={focusPipelineId} />
      ) : (
        <table className="table ownership">
          <colgroup>
            <col className="col-pipeline" />
            <col className="col-audience" />
            <col className="col-owner" />
            <col className="col-owner" />
            <col />
            <col className="col-actions" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Pipeline</th>
              <th scope="col">Audience</th>
              <th scope="col">Primary</th>
              <th scope="col">Secondary</th>
              <th scope="col">Reason</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.key}>
              <tr className="group-row">
                <th scope="colgroup" colSpan={COLUMNS}>
                  {group.name}
                  <span className="count">{group.rows.length}</span>
                </th>
              </tr>
              {group.rows.map((row) => (
                <OwnershipRow
                  key={row.pipeline.id}
                  row={row}
                  engineers={engineers}
                  engineersById={engineersById}
                  columns={COLUMNS}
                  focused={focusPipelineId === row.pipeline.id}
                />
              ))}
            </tbody>
          ))}
        </table>
      )}
      {loaded && count > 0 && <ReviewPanel />}
      {adding && <PipelineDialog onClose={() => setAdding(false)} />}
    </section>
  );
}
