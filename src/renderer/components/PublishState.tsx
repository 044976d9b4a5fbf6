import { useEffect } from 'react';
import { useStore } from '../store';

/** How often the status line asks whether a queued publish went through. */
const REFRESH_MS = 5_000;

/** The status line: "not yet published" while a change has not reached a calendar server or feed folder. */
export function PublishState() {
  const status = useStore((s) => s.publishStatus);
  const load = useStore((s) => s.loadPublishStatus);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  if (!status?.targets.length) return null;
  const waiting = status.targets.filter((t) => t.pending);
  return (
    <div
      className="sidebar__publish"
      role="status"
      data-testid="publish-state"
      title={waiting.map((t) => `${t.name}: ${t.lastError ?? 'waiting'}`).join('\n')}
    >
      {waiting.length ? 'Calendar: not yet published' : 'Calendar: published'}
    </div>
  );
}
