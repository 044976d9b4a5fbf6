import { Draggable } from '@fullcalendar/interaction';
import { memo, useEffect, useRef } from 'react';
import type { LedgerReport } from '../../../shared/domain/ledger';
import type { Engineer, Id } from '../../../shared/model';
import { fixed, signed } from '../../components/numbers';
import { useStore } from '../../store';
import { readableTextOn } from '../../../shared/domain/colors';

/**
 * The engineers to drag onto the calendar, with their colour and how far their load over the
 * selected quarter is from their fair share. Picking one shows their time away.
 */
// Memoised: the calendar beside it re-renders at every month switch, the roster only when its figures change.
export const Roster = memo(function Roster({
  engineers,
  fairness,
}: {
  engineers: Engineer[];
  fairness: LedgerReport | null;
}) {
  const list = useRef<HTMLUListElement>(null);
  const coverRole = useStore((s) => s.coverRole);
  const setCoverRole = useStore((s) => s.setCoverRole);
  const picked = useStore((s) => s.rosterEngineerId);
  const pick = useStore((s) => s.pickRosterEngineer);

  useEffect(() => {
    if (!list.current) return;
    const draggable = new Draggable(list.current, {
      itemSelector: '.roster__item',
      eventData: (el) => {
        const color = (el as HTMLElement).dataset.color ?? '#6b7280';
        return {
          title: `${(el as HTMLElement).dataset.name ?? ''} covers`,
          duration: { days: 1 },
          allDay: true,
          create: false,
          backgroundColor: color,
          borderColor: color,
          textColor: readableTextOn(color),
        };
      },
    });
    return () => draggable.destroy();
  }, []);

  const rowOf = (id: Id) => fairness?.engineers.find((r) => r.engineerId === id);
  const quarterLabel = fairness?.period.label ?? 'the selected quarter';
  return (
    <section className="panel roster" aria-labelledby="roster-title">
      <h2 id="roster-title" className="panel__title">
        Roster
      </h2>
      <fieldset className="role-toggle">
        <legend className="field__label">Dragging an engineer covers</legend>
        {(['primary', 'secondary'] as const).map((role) => (
          <label key={role} className={coverRole === role ? 'role-toggle__option is-on' : 'role-toggle__option'}>
            <input
              type="radio"
              name="cover-role"
              value={role}
              checked={coverRole === role}
              onChange={() => setCoverRole(role)}
            />
            {role === 'primary' ? 'Primary' : 'Backup'}
          </label>
        ))}
      </fieldset>
      {engineers.length === 0 && <p className="muted">No engineers yet.</p>}
      {/* Always in the page: the drag source is attached to it once. */}
      <ul className="roster__list" ref={list}>
        {engineers.map((engineer) => {
          const row = rowOf(engineer.id);
          const difference = row?.difference ?? 0;
          return (
            <li
              key={engineer.id}
              className={picked === engineer.id ? 'roster__item is-picked' : 'roster__item'}
              data-engineer-id={engineer.id}
              data-name={engineer.name}
              data-color={engineer.color}
              data-testid={`roster-${engineer.id}`}
            >
              <span className="roster__grip" aria-hidden="true">
                ⋮⋮
              </span>
              <span className="swatch" style={{ backgroundColor: engineer.color }} aria-hidden="true" />
              <button
                type="button"
                className="roster__name"
                aria-pressed={picked === engineer.id}
                title="Show their time away on the calendar"
                onClick={() => pick(picked === engineer.id ? null : engineer.id)}
              >
                {engineer.name}
              </button>
              <span
                className={
                  difference > 0.05
                    ? 'roster__diff is-over'
                    : difference < -0.05
                      ? 'roster__diff is-under'
                      : 'roster__diff'
                }
                title={
                  row
                    ? `Weighted burden ${fixed(row.burden)} against a fair share of ${fixed(row.fairShare)} in ${quarterLabel}; carried in ${signed(row.carriedIn)}`
                    : `Not on call in ${quarterLabel}`
                }
                data-testid={`roster-diff-${engineer.id}`}
              >
                {row ? signed(difference) : '–'}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="muted roster__hint">
        Figures: weighted burden minus fair share in {quarterLabel}. Drag a name onto a day, or onto selected days, to
        cover them.
      </p>
    </section>
  );
});
