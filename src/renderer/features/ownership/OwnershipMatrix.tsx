import { useState } from 'react';
import type { Engineer, Id } from '../../../shared/model';
import type { MatrixRow, OwnershipMatrix as Matrix } from '../../../shared/operations-views';
import { EngineerName } from '../../components/EngineerName';
import { formatMoment, localTimeZone } from '../../components/format';
import { useChannel } from '../../query/client';
import { save } from '../../query/save';
import { AnsweredBy, useRotations } from './AnsweredBy';
import { OwnersDialog } from './OwnersDialog';
import { PipelineDialog } from './PipelineDialog';

/**
 * Pipelines × engineers: a filled mark for the primary owner, an outlined one for the
 * secondary, the reason beside them; each engineer's load (and whether it is far above an
 * even share) at the foot of their column.
 */
export function OwnershipMatrix({ matrix, focusPipelineId }: { matrix: Matrix; focusPipelineId: Id | null }) {
  const timeZone = useChannel('team:time-zone', {}).data ?? localTimeZone();
  const [editingOwners, setEditingOwners] = useState<MatrixRow | null>(null);
  const [editingPipeline, setEditingPipeline] = useState<MatrixRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rotations = useRotations();
  // Columns are the team as it is; someone who left keeps a column only while they still own something.
  const owns = (id: Id) =>
    matrix.rows.some(
      (r) =>
        !r.pipeline.retiredAt && (r.ownership?.primaryEngineerId === id || r.ownership?.secondaryEngineerId === id),
    );
  const engineers = matrix.engineers.filter((e) => e.active || owns(e.id));
  const engineersById = new Map<Id, Engineer>(matrix.engineers.map((e) => [e.id, e]));
  const loadOf = new Map(matrix.load.map((l) => [l.engineerId, l]));
  const active = matrix.rows.filter((r) => !r.pipeline.retiredAt);
  const retired = matrix.rows.filter((r) => r.pipeline.retiredAt);

  const retire = async (row: MatrixRow, retire: boolean) => {
    setError(null);
    const result = await save('pipelines:retire', { pipelineId: row.pipeline.id, retired: retire });
    if (!result.ok) setError(result.error.message);
  };

  return (
    <>
      {error && (
        <p className="inline-error matrix__error" role="alert">
          {error}
        </p>
      )}
      <div className="matrix-wrap">
        <table className="table matrix" data-testid="ownership-matrix">
          <caption className="sr-only">Pipelines by engineer: P marks the primary owner, S the secondary owner</caption>
          <thead>
            <tr>
              <th scope="col" className="matrix__pipeline">
                Pipeline
              </th>
              {engineers.map((e) => (
                <th scope="col" key={e.id} className="matrix__engineer">
                  <EngineerName id={e.id} engineers={engineersById} />
                </th>
              ))}
              <th scope="col">Reason</th>
              <th scope="col" className="matrix__actions">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {active.map((row) => (
              <tr
                key={row.pipeline.id}
                className={focusPipelineId === row.pipeline.id ? 'row--focused' : undefined}
                data-testid="matrix-row"
              >
                <th scope="row" className="matrix__pipeline">
                  <span className="pipeline-name">{row.pipeline.name}</span>
                  <span className="matrix__meta">
                    <span className={`tag tag--${row.pipeline.audience}`}>{row.pipeline.audience}</span>
                    <span className="muted">{row.area?.name ?? 'No area'}</span>
                    <AnsweredBy rotationId={row.pipeline.rotationId} rotations={rotations} />
                  </span>
                </th>
                {engineers.map((e) => (
                  <td key={e.id} className="matrix__cell">
                    <OwnerMark row={row} engineer={e} />
                  </td>
                ))}
                <td className="matrix__reason">
                  {row.ownership?.reason || <span className="muted">No reason given</span>}
                </td>
                <td className="matrix__actions">
                  <div className="actions__buttons">
                    <button
                      type="button"
                      className="button"
                      onClick={() => setEditingOwners(row)}
                      aria-label={`Change owners of ${row.pipeline.name}`}
                    >
                      Owners
                    </button>
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => setEditingPipeline(row)}
                      aria-label={`Edit details of ${row.pipeline.name}`}
                    >
                      Details
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">
                Primary / secondary
                <span className="matrix__hint muted">even share {fairShareOf(matrix)} each</span>
              </th>
              {engineers.map((e) => {
                const load = loadOf.get(e.id);
                return (
                  <td key={e.id} className="matrix__cell" data-testid={`load-${e.id}`}>
                    <span className="matrix__load">
                      {load?.primaryCount ?? 0} / {load?.secondaryCount ?? 0}
                    </span>
                    {load?.overloaded && <span className="flag flag--over">Overloaded</span>}
                    {e.active && load && load.primaryCount + load.secondaryCount === 0 && (
                      <span className="flag">Owns nothing</span>
                    )}
                  </td>
                );
              })}
              <td colSpan={2} className="muted matrix__legend">
                <span className="mark mark--primary" aria-hidden="true">
                  P
                </span>{' '}
                primary owner{' '}
                <span className="mark mark--secondary" aria-hidden="true">
                  S
                </span>{' '}
                secondary owner
              </td>
            </tr>
          </tfoot>
        </table>
      </div>

      {retired.length > 0 && (
        <section className="panel retired" aria-labelledby="retired-title">
          <h2 id="retired-title" className="panel__title">
            Retired pipelines <span className="count">{retired.length}</span>
          </h2>
          <ul className="retired__list">
            {retired.map((row) => (
              <li key={row.pipeline.id}>
                <span className="pipeline-name">{row.pipeline.name}</span>
                <span className="muted">
                  retired {row.pipeline.retiredAt ? formatMoment(row.pipeline.retiredAt, timeZone) : ''}
                </span>
                <button
                  type="button"
                  className="button"
                  onClick={() => void retire(row, false)}
                  aria-label={`Bring ${row.pipeline.name} back into service`}
                >
                  Bring back
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="muted matrix__note">
        Retiring a pipeline keeps its history, runbook and SLA, but takes it out of the checks, the load and the
        deadlines. Open a pipeline’s Details to retire it.
      </p>

      {editingOwners && (
        <OwnersDialog
          row={editingOwners}
          engineers={matrix.engineers}
          engineersById={engineersById}
          onClose={() => setEditingOwners(null)}
        />
      )}
      {editingPipeline && (
        <PipelineDialog
          row={editingPipeline}
          onClose={() => setEditingPipeline(null)}
          onRetire={async () => {
            await retire(editingPipeline, true);
            setEditingPipeline(null);
          }}
        />
      )}
    </>
  );
}

function OwnerMark({ row, engineer }: { row: MatrixRow; engineer: Engineer }) {
  const primary = row.ownership?.primaryEngineerId === engineer.id;
  const secondary = row.ownership?.secondaryEngineerId === engineer.id;
  if (primary && secondary) {
    return (
      <span className="mark mark--clash" title="Both primary and secondary">
        P+S<span className="sr-only">: {engineer.name} is both primary and secondary owner</span>
      </span>
    );
  }
  if (primary) {
    return (
      <span className="mark mark--primary" title={`${engineer.name}: primary owner`}>
        <span aria-hidden="true">P</span>
        <span className="sr-only">Primary owner</span>
      </span>
    );
  }
  if (secondary) {
    return (
      <span className="mark mark--secondary" title={`${engineer.name}: secondary owner`}>
        <span aria-hidden="true">S</span>
        <span className="sr-only">Secondary owner</span>
      </span>
    );
  }
  return <span className="mark mark--none" aria-hidden="true" />;
}

function fairShareOf(matrix: Matrix): string {
  const share = matrix.load.find((l) => l.fairShare > 0)?.fairShare ?? 0;
  return String(Number(share.toFixed(1)));
}
