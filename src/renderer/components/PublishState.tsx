import { useChannel } from '../query/client';

/** How often the status line asks whether a queued publish went through. */
const REFRESH_MS = 5_000;

/** The status line: "not yet published" while a change has not reached a calendar server or feed folder. */
export function PublishState() {
  const { data: status } = useChannel('publish:status', {}, { refetchInterval: REFRESH_MS });
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
