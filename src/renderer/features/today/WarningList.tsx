import { useState } from 'react';
import { rankWarnings, URGENCY_TITLES } from '../../../shared/domain/warnings';
import type { ModelWarning, WarningKind } from '../../../shared/model';
import { formatDay, localTimeZone, yearIn } from '../../components/format';
import { navEntryOf } from '../../components/screens';
import { ClashFix, ClashFixApplied } from '../../components/ClashFix';
import { EmptyState } from '../../components/Notice';
import { useChannel } from '../../query/client';
import { useStore } from '../../store';
import { appNow } from '../../clock';

/**
 * The model's warnings, most urgent first (what needs action today, then the coming week,
 * then what can wait), grouped by kind with counts; each a button to where it is fixed. Dates in `currentYear` (default:
 * this year in the team's zone) go without the year, as in the messages.
 */
export function WarningList({ warnings, currentYear }: { warnings: ModelWarning[]; currentYear?: number }) {
  const teamZone = useChannel('team:time-zone', {}).data ?? localTimeZone();
  const [thisYear] = useState(() => yearIn(appNow(), teamZone));
  const year = currentYear ?? thisYear;
  const navigate = useStore((s) => s.navigate);
  const showCalendarAt = useStore((s) => s.showCalendarAt);
  if (warnings.length === 0) {
    return (
      <>
        <ClashFixApplied floating />
        <EmptyState title="No warnings">
          Every pipeline has two owners and the schedule has no gaps or clashes.
        </EmptyState>
      </>
    );
  }
  return (
    <div className="warning-tiers">
      <ClashFixApplied floating />
      {rankWarnings(warnings, new Date(appNow()).toISOString(), teamZone).map((tier) => (
        <section
          key={tier.urgency}
          className={`warning-tier warning-tier--${tier.urgency}`}
          aria-label={`${URGENCY_TITLES[tier.urgency]}: ${tier.count}`}
        >
          <h3 className="warning-tier__title">
            {URGENCY_TITLES[tier.urgency]} <span className="count">{tier.count}</span>
          </h3>
          <div className="warning-groups">
            {tier.groups.map(({ kind, warnings: group }) => (
              <section key={kind} className="warning-group" aria-label={`${KIND_TITLES[kind]}: ${group.length}`}>
                <h4 className="warning-group__title">
                  {KIND_TITLES[kind]} <span className="count">{group.length}</span>
                </h4>
                <ul className="warnings">
                  {group.map((warning, index) => renderWarning(warning, `${tier.urgency}-${kind}-${index}`))}
                </ul>
              </section>
            ))}
          </div>
        </section>
      ))}
    </div>
  );

  function renderWarning(warning: ModelWarning, key: string) {
    const target = navEntryOf(warning.link.screen);
    return (
      <li key={key}>
        <button
          type="button"
          className="warning"
          onClick={() => {
            // A schedule warning opens the calendar at its date, where it can be fixed by dragging.
            const date = warning.link.date ?? warning.from?.slice(0, 10);
            if (warning.link.screen === 'calendar') showCalendarAt(date ?? null);
            else
              navigate(
                warning.link.screen,
                warning.link.pipelineId === undefined ? {} : { pipelineId: warning.link.pipelineId },
              );
          }}
        >
          <span className="warning__icon" aria-hidden="true">
            !
          </span>
          <span className="warning__message">{warning.message}</span>
          <span className="warning__go">
            {target.label}
            {warning.link.screen === 'calendar' && (warning.link.date ?? warning.from)
              ? ` · ${formatDay((warning.link.date ?? warning.from ?? '').slice(0, 10), year)}`
              : ''}{' '}
            →
          </span>
        </button>
        <ClashFix warning={warning} />
      </li>
    );
  }
}

const KIND_TITLES: Record<WarningKind, string> = {
  same_primary_secondary: 'Same person primary and backup',
  oncall_unavailable: 'On call during time away',
  double_duty: 'On call in two rotations at once',
  gap: 'Nobody on call',
  back_to_back: 'Shifts back to back',
  inactive_scheduled: 'Inactive engineer on call',
  no_secondary_owner: 'Pipelines without a secondary owner',
  owner_same_person: 'Same person both owners',
  investor_without_runbook: 'Investor pipelines without a runbook',
  owner_inactive: 'Owners who left the team',
  owner_overloaded: 'Owners with too many pipelines',
  owns_nothing: 'Engineers who own nothing',
  investor_owners_away: 'Investor pipelines with both owners tied up',
  investor_runbook_incomplete: 'Incomplete investor runbooks',
  review_due: 'Ownership review',
  fairness_outlier: 'Uneven on-call load',
  drill_due: 'Drills due',
  drill_overdue: 'Drills overdue',
  drill_followup_open: 'Open drill follow-ups',
  pipeline_unrouted: 'Pipelines no rotation answers for',
};
