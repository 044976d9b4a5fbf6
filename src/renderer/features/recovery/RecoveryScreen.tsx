import { useState } from 'react';
import { save } from '../../query/save';
import { EmptyState, ErrorNotice } from '../../components/Notice';
import { describeBackupCounts } from '../../../shared/domain/backup-words';
import type { BackupSummary, RecoveryStatus } from '../../../shared/ipc/channels/recovery';

function contents({ counts, problem }: BackupSummary): string {
  if (!counts) return problem ?? 'cannot be read';
  return describeBackupCounts(counts);
}

/**
 * Shown instead of the app when the database was refused: why, the automatic backups kept
 * beside it, and restoring one as a new file. The refused file itself is never overwritten.
 */
export function RecoveryScreen({ status, onReopened }: { status: RecoveryStatus; onReopened: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restored, setRestored] = useState<string | null>(null);

  const restore = async (name: string) => {
    setBusy(name);
    setError(null);
    const result = await save('recovery:restore', { name });
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    if (result.value.reopened) return onReopened();
    setRestored(result.value.message);
  };

  return (
    <main className="main screen recovery" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        Watchbill cannot open its database
      </h1>
      {status.refused && (
        <div className="notice notice--error" role="alert">
          <p>{status.refused.message}</p>
        </div>
      )}
      <h2>Automatic backups</h2>
      <p className="muted">
        In {status.backupsFolder}. Restoring one copies it to a new file beside {status.databasePath}, which stays as it
        is.
      </p>
      {status.backups.length === 0 ? (
        <EmptyState title="There are no backups of this file">
          Choose another file with --db, or a path that does not exist yet to start a new database.
        </EmptyState>
      ) : (
        <table className="table" aria-label="Backups">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Contents</th>
              <th scope="col">File</th>
              <th scope="col" aria-label="Restore" />
            </tr>
          </thead>
          <tbody>
            {status.backups.map((backup) => (
              <tr key={backup.name} data-testid="backup-row">
                <td>{backup.date}</td>
                <td>{contents(backup)}</td>
                <td>{backup.name}</td>
                <td>
                  <button
                    type="button"
                    className="button"
                    disabled={busy !== null || backup.counts === null}
                    onClick={() => void restore(backup.name)}
                  >
                    {busy === backup.name ? 'Restoring…' : `Restore ${backup.date} as a copy`}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && <ErrorNotice message={error} />}
      {restored && (
        <div className="notice" role="status">
          <p>{restored}</p>
        </div>
      )}
    </main>
  );
}
