import { useEffect, useMemo } from 'react';
import type { Engineer, Id } from '../../../shared/model';
import { EmptyState, ErrorNotice } from '../../components/Notice';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useStore } from '../../store';
import { groupByArea } from './grouping';
import { OwnershipRow } from './OwnershipRow';

const COLUMNS = 6;

export function OwnershipScreen() {
  const pipelines = useStore((s) => s.pipelines);
  const state = useStore((s) => s.pipelinesState);
  const engineers = useStore((s) => s.engineers);
  const engineersState = useStore((s) => s.engineersState);
  const loadPipelines = useStore((s) => s.loadPipelines);
  const loadEngineers = useStore((s) => s.loadEngineers);
  const focusPipelineId = useStore((s) => s.focusPipelineId);

  useEffect(() => {
    void loadPipelines();
    void loadEngineers();
  }, [loadPipelines, loadEngineers]);

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
      />
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
          Pipelines are added from the Runbooks screen, which comes in a later version. To explore Watchbill now, start
          it on a new database file without --empty to get the example team.
        </EmptyState>
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
    </section>
  );
}
