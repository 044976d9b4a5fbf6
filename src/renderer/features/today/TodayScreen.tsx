import { useMemo } from 'react';
import type { Engineer, Id } from '../../../shared/model';
import type { TodayView } from '../../../shared/views';
import { formatMoment, yearIn } from '../../components/format';
import { EmptyState, ErrorNotice } from '../../components/Notice';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useChannel } from '../../query/client';
import { useStore } from '../../store';
import { HolidayList } from './HolidayList';
import { RotationCards } from './RotationCards';
import { TodayFairness } from './TodayFairness';
import { UpcomingDeadlines } from './UpcomingDeadlines';
import { WarningList } from './WarningList';

export function TodayScreen() {
  const { data: today, reload: loadToday, ...state } = useChannel('today:get', {});

  const refresh = (
    <button type="button" className="button" onClick={() => void loadToday()} disabled={state.status === 'loading'}>
      Refresh
    </button>
  );

  return (
    <section className="screen" aria-labelledby="screen-title">
      <ScreenHeader title="Today" subtitle={today ? <Subtitle view={today} /> : ' '} actions={refresh} />
      {state.status === 'error' && (
        <ErrorNotice message={`Today could not be loaded: ${state.error}`} onRetry={() => void loadToday()} />
      )}
      {today ? <TodayBody view={today} /> : state.status !== 'error' && <p className="muted">Loading…</p>}
    </section>
  );
}

function Subtitle({ view }: { view: TodayView }) {
  const [only, ...others] = view.rotations;
  if (!only) return <>No rotation yet</>;
  if (others.length === 0)
    return (
      <>
        {only.rotation.name} · times in {only.rotation.timeZone} · as of {formatMoment(view.at, only.rotation.timeZone)}
      </>
    );
  return (
    <>
      {view.rotations.length} rotations · each in its own time zone · as of {formatMoment(view.at, view.timeZone)}
    </>
  );
}

function TodayBody({ view }: { view: TodayView }) {
  const engineers = useMemo(() => new Map<Id, Engineer>(view.engineers.map((e) => [e.id, e])), [view.engineers]);
  const rotationNames = useMemo(
    () => new Map<Id, string>(view.rotations.map((r) => [r.rotation.id, r.rotation.name])),
    [view.rotations],
  );
  // The ledger of the current quarter: the same figures as the Fairness screen.
  const { data: fairness } = useChannel('fairness:get', { period: { kind: 'quarter' } });
  const navigate = useStore((s) => s.navigate);
  const currentYear = yearIn(view.at, view.timeZone);
  return (
    <>
      {view.rotations.length > 0 ? (
        view.rotations.map((entry) => (
          <RotationCards
            key={entry.rotation.id}
            entry={entry}
            engineers={engineers}
            at={view.at}
            several={view.rotations.length > 1}
          />
        ))
      ) : (
        <EmptyState title="No on-call rotation yet">
          <p>
            Who is on call is computed from a rotation: add your engineers and set up the rotation on the Team screen.
            To explore Watchbill with an example team instead, start it on a new database file without --empty.
          </p>
          <button type="button" className="button button--primary" onClick={() => navigate('team')}>
            Open Team
          </button>
        </EmptyState>
      )}

      <div className="columns">
        <section className="panel" aria-labelledby="warnings-title">
          <h2 id="warnings-title" className="panel__title">
            Warnings <span className="count">{view.warnings.length}</span>
          </h2>
          <WarningList warnings={view.warnings} currentYear={currentYear} />
        </section>
        <section className="panel" aria-labelledby="holidays-title">
          <h2 id="holidays-title" className="panel__title">
            Upcoming holidays
          </h2>
          <HolidayList
            holidays={view.upcomingHolidays}
            engineers={engineers}
            rotations={rotationNames}
            currentYear={currentYear}
          />
        </section>
      </div>
      {fairness && fairness.engineers.length > 0 && <TodayFairness report={fairness} engineers={engineers} />}
      <UpcomingDeadlines />
    </>
  );
}
