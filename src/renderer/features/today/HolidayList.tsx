import type { Engineer, Holiday, Id } from '../../../shared/model';
import type { HolidayHolder } from '../../../shared/views';
import { EngineerName } from '../../components/EngineerName';
import { formatDay } from '../../components/format';
import { EmptyState } from '../../components/Notice';

type HeldHoliday = Holiday & { holders: HolidayHolder[] };

/** Who holds one role on a holiday, in each rotation; each named by its rotation when there are several. */
function Holders({
  holders,
  role,
  engineers,
  rotations,
}: {
  holders: HolidayHolder[];
  role: 'primaryId' | 'secondaryId';
  engineers: Map<Id, Engineer>;
  rotations: Map<Id, string>;
}) {
  if (rotations.size <= 1) return <EngineerName id={holders[0]?.[role] ?? null} engineers={engineers} />;
  return (
    <ul className="holiday-holders">
      {holders.map((holder) => (
        <li key={holder.rotationId}>
          <EngineerName id={holder[role]} engineers={engineers} />{' '}
          <span className="muted">({rotations.get(holder.rotationId)})</span>
        </li>
      ))}
    </ul>
  );
}

export function HolidayList({
  holidays,
  engineers,
  rotations,
  currentYear,
}: {
  holidays: HeldHoliday[];
  engineers: Map<Id, Engineer>;
  /** The rotations in use, by id: who holds each holiday is shown for each. */
  rotations: Map<Id, string>;
  /** Dates in this year are shown without it. */
  currentYear: number;
}) {
  const hasRotation = rotations.size > 0;
  if (holidays.length === 0) {
    return (
      <EmptyState title={hasRotation ? 'No holidays in the next 60 days' : 'No holidays to show'}>
        {hasRotation
          ? 'Holidays come from the team’s holiday calendar.'
          : 'Holidays are shown once there is a rotation.'}
      </EmptyState>
    );
  }
  return (
    <table className="table table--compact">
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Holiday</th>
          <th scope="col" className="num">
            Weight
          </th>
          <th scope="col">Primary</th>
          <th scope="col">Secondary</th>
        </tr>
      </thead>
      <tbody>
        {holidays.map((h) => (
          <tr key={`${h.date}-${h.name}`}>
            <td className="nowrap">{formatDay(h.date, currentYear)}</td>
            <td>{h.name}</td>
            <td className="num" title="How heavily this day counts in fairness">
              {h.weight}
            </td>
            <td>
              <Holders holders={h.holders} role="primaryId" engineers={engineers} rotations={rotations} />
            </td>
            <td>
              <Holders holders={h.holders} role="secondaryId" engineers={engineers} rotations={rotations} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
