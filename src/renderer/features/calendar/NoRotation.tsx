import { EmptyState } from '../../components/Notice';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useStore } from '../../store';

/** The calendar of a file without a rotation in use: where to set one up. */
export function NoRotation({ ready }: { ready: boolean }) {
  const navigate = useStore((s) => s.navigate);
  return (
    <>
      <ScreenHeader title="Calendar" subtitle=" " />
      {ready ? (
        <EmptyState title="No on-call rotation yet">
          <p>
            The calendar shows the schedule computed from a rotation: add your engineers and set up the rotation on the
            Team screen. To explore Watchbill with an example team instead, start it on a new database file without
            --empty.
          </p>
          <button type="button" className="button button--primary" onClick={() => navigate('team')}>
            Open Team
          </button>
        </EmptyState>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </>
  );
}
