import { useEffect, useState } from 'react';
import { call } from './api/client';
import { App } from './App';
import { ErrorNotice } from './components/Notice';
import { RecoveryScreen } from './features/recovery/RecoveryScreen';
import type { RecoveryStatus } from '../shared/ipc/channels/recovery';

/** Asks first whether the database is open; a refused one gets the recovery screen instead of the app. */
export function Root() {
  const [status, setStatus] = useState<RecoveryStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('recovery:status', {}).then((result) =>
      result.ok ? setStatus(result.value) : setError(result.error.message),
    );
  }, []);

  if (error) return <ErrorNotice message={error} onRetry={() => window.location.reload()} />;
  if (!status) return null;
  // The restored copy is now the open database: start the app afresh on it.
  if (status.refused) return <RecoveryScreen status={status} onReopened={() => window.location.reload()} />;
  return <App />;
}
