import { useEffect, useState } from 'react';
import { appNow } from '../../clock';

/** The app's clock, refreshed a few times a second while `running`, so the drill clock moves. */
export function useNow(running: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(appNow);
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(appNow()), intervalMs);
    return () => window.clearInterval(timer);
  }, [running, intervalMs]);
  return now;
}
