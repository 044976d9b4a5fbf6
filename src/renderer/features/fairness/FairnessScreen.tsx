import { useMemo } from 'react';
import { quarterOf } from '../../../shared/domain/fairness';
import { localDateOf } from '../../../shared/domain/time';
import type { PeriodSpec } from '../../../shared/ipc/schemas';
import type { Engineer, Id } from '../../../shared/model';
import { ErrorNotice, EmptyState } from '../../components/Notice';
import { fixed, percent } from '../../components/numbers';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useEngineers } from '../../query/engineers';
import { useStore } from '../../store';
import { useFairness } from './useFairness';
import { QuarterPicker } from '../calendar/QuarterPicker';
import { BurdenChart, DaysChart } from './FairnessCharts';
import { FairnessTable } from './FairnessTable';
import { SuggestedSwaps } from './SuggestedSwaps';
import { WeightsPanel } from './WeightsPanel';
import { CarryPanel } from './CarryPanel';
import { RotationTotals } from './RotationTotals';
import type { TeamLedger } from '../../../shared/domain/ledger-team';
import { appNow } from '../../clock';

const PERIODS: { kind: PeriodSpec['kind']; label: string }[] = [
  { kind: 'quarter', label: 'Quarter' },
  { kind: 'year_to_date', label: 'Year to date' },
  { kind: 'rolling_12_months', label: 'Last 12 months' },
  { kind: 'all_time', label: 'All time' },
];

export function FairnessScreen() {
  const setPeriod = useStore((s) => s.setFairnessPeriod);
  const message = useStore((s) => s.fairnessMessage);
  const setView = useStore((s) => s.setFairnessView);
  const engineers = useEngineers();
  const fairness = useFairness();
  const { period, report, team, weights, ledgerSettings, suggestions, suggestionsState, state } = fairness;
  const { rotations, view, rotation } = fairness;
  const loadFairness = fairness.reload;

  const engineerMap = useMemo(() => new Map<Id, Engineer>(engineers.map((e) => [e.id, e])), [engineers]);
  const zone = rotation?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const quarterStart = period.kind === 'quarter' ? quarterOf(period.date ?? todayIn(zone)).startDate : null;

  const picker = (
    <div className="period-picker">
      {rotations.length > 1 && (
        <div className="segmented rotation-view" role="group" aria-label="Rotation">
          <button type="button" className="button" aria-pressed={view === 'total'} onClick={() => setView('total')}>
            In total
          </button>
          {rotations.map((r) => (
            <button
              key={r.id}
              type="button"
              className="button"
              aria-pressed={view === r.id}
              onClick={() => setView(r.id)}
            >
              {r.name}
            </button>
          ))}
        </div>
      )}
      <div className="segmented" role="group" aria-label="Period">
        {PERIODS.map((p) => (
          <button
            key={p.kind}
            type="button"
            className="button"
            aria-pressed={period.kind === p.kind}
            onClick={() => setPeriod(p.kind === 'quarter' ? { kind: 'quarter' } : ({ kind: p.kind } as PeriodSpec))}
          >
            {p.label}
          </button>
        ))}
      </div>
      {quarterStart && (
        <QuarterPicker
          value={quarterStart}
          firstYear={Number((rotation?.startDate ?? quarterStart).slice(0, 4))}
          onChange={(date) => setPeriod({ kind: 'quarter', date })}
        />
      )}
    </div>
  );

  return (
    <section className="screen screen--wide" aria-labelledby="screen-title">
      <ScreenHeader
        title="Fairness"
        subtitle={view === 'total' ? (team?.covers ?? ' ') : report ? report.covers : ' '}
        actions={picker}
      />
      {message && (
        <p className={message.tone === 'error' ? 'cal-message cal-message--error' : 'cal-message'} role="status">
          {message.text}
        </p>
      )}
      {state.status === 'error' && (
        <ErrorNotice message={`Fairness could not be computed: ${state.error}`} onRetry={() => void loadFairness()} />
      )}
      {view === 'total' && team && (
        <TotalView ledger={team} engineers={engineerMap} loading={state.status === 'loading'} />
      )}
      {(view === 'total' ? !team : !report) && state.status !== 'error' && <p className="muted">Loading…</p>}
      {view !== 'total' && report && report.engineers.length === 0 && (
        <EmptyState title="Nobody is on call in this period">
          Pick a longer period, or set up the rotation on the Calendar.
        </EmptyState>
      )}
      {view !== 'total' && report && report.engineers.length > 0 && (
        <div className={state.status === 'loading' ? 'fairness is-loading' : 'fairness'}>
          <div className="cards cards--4" data-testid="team-figures">
            <Figure
              label="Spread"
              value={fixed(report.team.spread)}
              about="This period: most minus least loaded, against fair share"
            />
            <Figure
              label="Balance spread"
              value={fixed(report.team.balanceSpread)}
              about="Most minus least of the balances: carried in plus this period’s difference"
            />
            <Figure
              label="Balance score"
              value={percent(report.team.balanceScore)}
              about="Grafana OnCall’s score, for reference: 100% is perfectly even hours"
            />
            <Figure
              label="Team burden"
              value={fixed(report.team.totalBurden)}
              about="Weighted days on call, everyone"
            />
          </div>
          <section className="panel" aria-labelledby="table-title">
            <h2 id="table-title" className="panel__title">
              Per engineer
            </h2>
            <FairnessTable report={report} engineers={engineerMap} />
            <div className="fairness-meanings" data-testid="fairness-meanings">
              <p>{report.meanings.weightedBurden}</p>
              <p>{report.meanings.fairShare}</p>
              <p>{report.meanings.carriedIn}</p>
            </div>
          </section>
          {ledgerSettings && (
            <CarryPanel
              key={JSON.stringify(ledgerSettings)}
              settings={ledgerSettings}
              report={report}
              engineers={engineers}
            />
          )}
          <div className="columns columns--even">
            <section className="panel" aria-label="Days by kind">
              <DaysChart report={report} engineers={engineerMap} />
            </section>
            <section className="panel" aria-label="Burden against fair share">
              <BurdenChart report={report} engineers={engineerMap} />
            </section>
          </div>
          <div className="columns columns--even">
            <section className="panel" aria-labelledby="suggestions-title">
              <h2 id="suggestions-title" className="panel__title">
                Suggested swaps
              </h2>
              {suggestionsState.status === 'error' ? (
                <p className="inline-error">{suggestionsState.error}</p>
              ) : (
                <SuggestedSwaps
                  suggestions={suggestions}
                  engineers={engineerMap}
                  timeZone={zone}
                  rotationId={typeof view === 'number' ? view : null}
                />
              )}
            </section>
            {weights && (
              <WeightsPanel
                key={JSON.stringify(weights)}
                weights={weights}
                own={rotations.length > 1 && typeof view === 'number' ? rotation : null}
              />
            )}
          </div>
        </div>
      )}
    </section>
  );
}

/** Everyone's load across the rotations: the team's figures over the totals, and each rotation's part. */
function TotalView({
  ledger,
  engineers,
  loading,
}: {
  ledger: TeamLedger;
  engineers: Map<Id, Engineer>;
  loading: boolean;
}) {
  return (
    <div className={loading ? 'fairness is-loading' : 'fairness'}>
      <div className="cards cards--4" data-testid="team-figures">
        <Figure
          label="Spread"
          value={fixed(ledger.team.spread)}
          about="In total: most minus least loaded, against fair share"
        />
        <Figure
          label="Balance spread"
          value={fixed(ledger.team.balanceSpread)}
          about="In total: most minus least of the balances"
        />
        <Figure label="Rotations" value={String(ledger.rotations.length)} about="Each counted with its own weights" />
        <Figure
          label="Team burden"
          value={fixed(ledger.team.totalBurden)}
          about="Weighted days on call, every rotation"
        />
      </div>
      <section className="panel" aria-labelledby="totals-title">
        <h2 id="totals-title" className="panel__title">
          Per engineer, by rotation and in total
        </h2>
        <RotationTotals ledger={ledger} engineers={engineers} />
        <div className="fairness-meanings" data-testid="fairness-meanings">
          <p>
            Each rotation’s burden is counted with that rotation’s weights and shared among its own members; a person’s
            total is their figures in every rotation added up.
          </p>
          {ledger.rotations[0] && <p>{ledger.rotations[0].report.meanings.fairShare}</p>}
        </div>
      </section>
    </div>
  );
}

function Figure({ label, value, about }: { label: string; value: string; about: string }) {
  return (
    <div className="card figure" role="group" aria-label={label}>
      <h2 className="card__title">{label}</h2>
      <p className="card__big">{value}</p>
      <p className="muted figure__about">{about}</p>
    </div>
  );
}

function todayIn(timeZone: string): string {
  return localDateOf(appNow(), timeZone);
}
