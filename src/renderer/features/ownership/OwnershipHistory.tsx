import type { Engineer, Id } from '../../../shared/model';
import { EngineerName } from '../../components/EngineerName';
import { formatMoment, localTimeZone } from '../../components/format';
import { ErrorNotice } from '../../components/Notice';
import { useChannel } from '../../query/client';

export function OwnershipHistory({
  pipelineId,
  pipelineName,
  engineersById,
}: {
  pipelineId: Id;
  pipelineName: string;
  engineersById: Map<Id, Engineer>;
}) {
  const history = useChannel('ownership:history', { pipelineId });
  const timeZone = useChannel('team:time-zone', {}).data ?? localTimeZone();

  if (history.status === 'error') {
    return (
      <ErrorNotice
        message={`The history could not be loaded: ${history.error}`}
        onRetry={() => void history.reload()}
      />
    );
  }
  if (!history.data) return <p className="muted">Loading history…</p>;
  if (history.data.length === 0) return <p className="muted">No changes recorded for {pipelineName} yet.</p>;
  // Newest first: the lead is usually asking what changed last.
  const entries = [...history.data].sort((a, b) => b.changedAt.localeCompare(a.changedAt) || b.id - a.id);
  return (
    <div className="history">
      <h3 className="history__title">Ownership history of {pipelineName}</h3>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">Changed</th>
            <th scope="col">Primary</th>
            <th scope="col">Secondary</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="nowrap">{formatMoment(entry.changedAt, timeZone)}</td>
              <td>
                <EngineerName id={entry.primaryEngineerId} engineers={engineersById} />
              </td>
              <td>
                <EngineerName id={entry.secondaryEngineerId} engineers={engineersById} />
              </td>
              <td>{entry.reason || <span className="muted">No reason given</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
