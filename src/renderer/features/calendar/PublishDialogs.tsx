import { useEffect, useState } from 'react';
import type { Engineer, Id } from '../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { EngineerName } from '../../components/EngineerName';
import { formatMoment } from '../../components/format';
import { useChannel } from '../../query/client';
import { useStore } from '../../store';
import { PublishOutcomes, PublishTargets } from './PublishTargets';

/**
 * Freezes a quarter as published, so later changes can be listed against it, then keeps the
 * file's calendar servers and feed folders in step with it.
 */
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
  const sync = useStore((s) => s.syncPublishTargets);
  const clearResult = useStore((s) => s.clearPublishResult);
  const result = useStore((s) => s.publishResult);
  const syncError = useStore((s) => s.publishError);
  const syncing = useStore((s) => s.syncing);
  // The publish answers when it is done; meanwhile its progress is read as the status.
  const { data: status, reload: loadStatus } = useChannel('publish:status', {}, { refetchInterval: syncing && 250 });
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    clearResult();
    void loadStatus();
  }, [clearResult, loadStatus]);
  const targets = status?.targets ?? [];
  const close = () => {
    clearResult();
    onClose();
  };
  const done = result !== null || syncError !== null;
  const running = status?.running;
  return (
    <Dialog
      title={`Publish ${label}`}
      onClose={close}
      testId="publish-dialog"
      footer={
        done ? (
          <button type="button" className="button button--primary" onClick={close}>
            Close
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void publish(from, to, note).then(async (published) => {
                  if (published && targets.length) await sync(from, to);
                  setBusy(false);
                  if (!targets.length) close();
                });
              }}
            >
              Publish
            </button>
          </>
        )
      }
    >
      <p>
        The schedule from {from} to {to} is saved as it is now; “Changes since published” then lists what moved.
        {targets.length > 0 && ' Then the calendars below are brought in step with it.'}
      </p>
      {!done && (
        <label>
          <span className="field__label">Note (optional)</span>
          <input className="input" value={note} onChange={(e) => setNote(e.target.value)} data-autofocus />
        </label>
      )}
      {syncing && (
        <div>
          <progress
            aria-label="Publishing progress"
            max={Math.max(1, running?.total ?? 0)}
            {...(running && running.total > 0 ? { value: running.done } : {})}
          />
          <p className="muted">
            Publishing{running && running.total > 0 ? `: ${running.done} of ${running.total} events` : '…'}
          </p>
        </div>
      )}
      {result && <PublishOutcomes result={result} />}
      {syncError && (
        <p className="notice notice--error" role="alert">
          Not published: {syncError}
        </p>
      )}
      {!syncing && !done && <PublishTargets targets={targets} />}
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
