import type { JobProgress } from '../../../shared/ipc/channels/jobs';
import type { Engineer, Id } from '../../../shared/model';
import type { PlanProposal } from '../../store/slices/calendarPlan';
import { useStore } from '../../store';
import { FairnessCompare } from './FairnessCompare';
import { CARRY_POLICY_WORDING } from '../../../shared/domain/ledger';
import { fixed } from '../../components/numbers';

/** The auto-planner's proposal, shown on the calendar as a preview until applied or discarded. */
export function PlanPanel({ plan, engineers }: { plan: PlanProposal; engineers: Map<Id, Engineer> }) {
  const applyPlan = useStore((s) => s.applyPlan);
  const discardPlan = useStore((s) => s.discardPlan);
  const editing = useStore((s) => s.editing);
  const proposePlan = useStore((s) => s.proposePlan);
  const { result } = plan;
  const earlier = result.earlierPlan.overrides;
  const changed = result.change.add.length + result.change.remove.length;
  return (
    <section className="panel plan-panel" aria-labelledby="plan-title" data-testid="plan-panel">
      <div className="plan-panel__head">
        <div>
          <h2 id="plan-title" className="plan-panel__title">
            Proposed plan, {plan.from} to {plan.to}
          </h2>
          <p className="muted">
            {changed === 0
              ? 'The planner has nothing to change: this quarter is already as even as it can make it.'
              : `${result.shifts.length} shifts planned, ${result.change.add.length} overrides added and ${result.change.remove.length} removed. The calendar shows the proposal (striped) — nothing is saved yet.`}
            {result.fixed.length > 0 &&
              ` It fixes ${result.fixed.length} clash${result.fixed.length === 1 ? '' : 'es'}.`}
          </p>
          {earlier > 0 && (
            <p className="plan-panel__earlier" data-testid="plan-earlier">
              {result.earlierPlan.replaced
                ? `It replaces the ${earlier} override${earlier === 1 ? '' : 's'} of the plan applied earlier in this range.`
                : `${earlier} override${earlier === 1 ? '' : 's'} in this range come${earlier === 1 ? 's' : ''} from a plan applied earlier and ${earlier === 1 ? 'is' : 'are'} kept as ${earlier === 1 ? 'it is' : 'they are'}.`}{' '}
              {!result.earlierPlan.replaced && (
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={editing}
                  onClick={() => void proposePlan(plan.from, plan.to, true)}
                >
                  Plan again, replacing the earlier plan
                </button>
              )}
            </p>
          )}
          {result.unfixed.length > 0 && (
            <ul className="plan-panel__unfixed" aria-label="Clashes the plan cannot fix">
              {result.unfixed.map(({ warning, reason }) => (
                <li key={`${warning.kind}-${warning.from}-${warning.engineerIds.join(',')}`}>
                  Not fixed: {warning.message} — {reason}.
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="plan-panel__actions">
          <button type="button" className="button" onClick={discardPlan}>
            Discard
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void applyPlan()}
            disabled={changed === 0 || editing}
          >
            Apply plan
          </button>
        </div>
      </div>
      <p className="muted plan-panel__carry" data-testid="plan-carry">
        Carry-over: <strong>{CARRY_POLICY_WORDING[result.before.carry].label}</strong> (set on the Fairness screen).
        Spread this period {fixed(result.before.team.spread)} → {fixed(result.after.team.spread)}; balance spread{' '}
        {fixed(result.before.team.balanceSpread)} → {fixed(result.after.team.balanceSpread)}.
      </p>
      <FairnessCompare
        before={result.before}
        after={result.after}
        engineers={engineers}
        caption={`Fairness ${result.before.period.label ?? `${result.before.period.startDate} to ${result.before.period.endDate}`}, before and after the plan`}
      />
    </section>
  );
}

/** While the planner works: how far it has come, and a way to stop it. */
export function PlanProgress({ progress }: { progress: JobProgress | null }) {
  const cancelPlan = useStore((s) => s.cancelPlan);
  const percent = progress && progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : null;
  return (
    <section className="panel plan-panel" aria-labelledby="plan-progress-title" data-testid="plan-progress">
      <div className="plan-panel__head">
        <div>
          <h2 id="plan-progress-title" className="plan-panel__title">
            {progress?.label ?? 'Planning'}…
          </h2>
          <progress
            className="plan-panel__progress"
            aria-label="Planning progress"
            max={100}
            {...(percent === null ? {} : { value: percent })}
          />
          <p className="muted">
            {percent === null ? 'Starting…' : `${percent}% done.`} The app stays usable meanwhile.
          </p>
        </div>
        <div className="plan-panel__actions">
          <button type="button" className="button" onClick={() => void cancelPlan()} disabled={!progress}>
            Cancel
          </button>
        </div>
      </div>
    </section>
  );
}
