import { useEffect, useMemo } from 'react';
import type { Engineer, Id } from '../../../shared/model';
import type { TodayView } from '../../../shared/views';
import { EngineerName } from '../../components/EngineerName';
import { formatMoment, localTimeZone, relativeTo, yearIn } from '../../components/format';
import { EmptyState, ErrorNotice } from '../../components/Notice';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useStore } from '../../store';
import { HolidayList } from './HolidayList';
import { OnCallCard } from './OnCallCard';
import { TodayFairness } from './TodayFairness';
import { UpcomingDeadlines } from './UpcomingDeadlines';
import { WarningList } from './WarningList';

export function TodayScreen() {
  const today = useStore((s) => s.today);
  const state = useStore((s) => s.todayState);
  const loadToday = useStore((s) => s.loadToday);

  useEffect(() => {
    void loadToday();
  }, [loadToday]);

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
  if (!view.rotation) return <>No rotation yet</>;
  return (
    <>
      {view.rotation.name} · times in {view.rotation.timeZone} · as of {formatMoment(view.at, view.rotation.timeZone)}
    </>
  );
}

function TodayBody({ view }: { view: TodayView }) {
  const engineers = useMemo(() => new Map<Id, Engineer>(view.engineers.map((e) => [e.id, e])), [view.engineers]);
  const fairness = useStore((s) => s.todayFairness);
  const rotation = view.rotation;
  const navigate = useStore((s) => s.navigate);
  const currentYear = yearIn(view.at, rotation?.timeZone ?? localTimeZone());
  return (
    <>
      {rotation && rotation.memberIds.length > 0 ? (
        <div className="cards">
          <OnCallCard
            title="On call now"
            slot={view.now}
            engineers={engineers}
            timeZone={rotation.timeZone}
            at={view.at}
            kind="now"
          />
          <OnCallCard
            title="Next on call"
            slot={view.next}
            engineers={engineers}
            timeZone={rotation.timeZone}
            at={view.at}
            kind="next"
          />
          <div className="card" aria-labelledby="handoff-title" role="group">
            <h2 id="handoff-title" className="card__title">
              Next hand-off
            </h2>
            {view.nextHandoff ? (
              <>
                <p className="card__big">{formatMoment(view.nextHandoff.at, rotation.timeZone)}</p>
                <p className="muted">{relativeTo(view.nextHandoff.at, view.at)}</p>
                <p className="card__detail handoff">
                  <EngineerName id={view.nextHandoff.fromId} engineers={engineers} />
                  <span aria-label="hands over to">→</span>
                  <EngineerName id={view.nextHandoff.toId} engineers={engineers} />
                </p>
              </>
            ) : (
              <p className="muted">No hand-off in the next 60 days.</p>
            )}
          </div>
        </div>
      ) : (
        <EmptyState title={rotation ? 'The rotation has no members yet' : 'No on-call rotation yet'}>
          <p>
            {rotation
              ? 'Add engineers to the rotation on the Team screen to see who is on call.'
              : 'Who is on call is computed from a rotation: add your engineers and set up the rotation on the Team screen. To explore Watchbill with an example team instead, start it on a new database file without --empty.'}
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
            hasRotation={rotation !== null}
            currentYear={currentYear}
          />
        </section>
      </div>
      {fairness && fairness.engineers.length > 0 && <TodayFairness report={fairness} engineers={engineers} />}
      <UpcomingDeadlines />
    </>
  );
}
