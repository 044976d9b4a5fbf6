import { useState } from 'react';
import type { Engineer, Id } from '../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { EngineerName } from '../../components/EngineerName';
import { formatMoment } from '../../components/format';
import { useStore } from '../../store';

/** Freezes a quarter as published, so later changes can be listed against it. */
export function PublishDialog({
  from,
  to,
  label,
  onClose,
}: {
  from: string;
  to: string;
  label: string;
  onClose: () => void;
}) {
  const publish = useStore((s) => s.publish);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      title={`Publish ${label}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void publish(from, to, note).then(() => onClose());
            }}
          >
            Publish
          </button>
        </>
      }
    >
      <p>
        The schedule from {from} to {to} is saved as it is now; “Changes since published” then lists what moved.
      </p>
      <label>
        <span className="field__label">Note (optional)</span>
        <input className="input" value={note} onChange={(e) => setNote(e.target.value)} data-autofocus />
      </label>
    </Dialog>
  );
}

export function ChangesDialog({ engineers, timeZone }: { engineers: Map<Id, Engineer>; timeZone: string }) {
  const changes = useStore((s) => s.changesSincePublished);
  const close = useStore((s) => s.closeChanges);
  if (!changes) return null;
  const { snapshot, changes: list } = changes;
  return (
    <Dialog
      title="Changes since published"
      onClose={close}
      wide
      testId="changes-dialog"
      footer={
        <button type="button" className="button" onClick={close} data-autofocus>
          Close
        </button>
      }
    >
      <p className="muted">
        Published {formatMoment(snapshot.publishedAt, timeZone)} for {formatMoment(snapshot.rangeStart, timeZone)} to{' '}
        {formatMoment(snapshot.rangeEnd, timeZone)}
        {snapshot.note ? ` — ${snapshot.note}` : ''}.
      </p>
      {list.length === 0 ? (
        <p>Nothing has changed since.</p>
      ) : (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Was</th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={`${c.role}-${c.startsAt}`}>
                <td>{c.role}</td>
                <td className="nowrap">{formatMoment(c.startsAt, timeZone)}</td>
                <td className="nowrap">{formatMoment(c.endsAt, timeZone)}</td>
                <td>
                  <EngineerName id={c.beforeId} engineers={engineers} />
                </td>
                <td>
                  <EngineerName id={c.afterId} engineers={engineers} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
