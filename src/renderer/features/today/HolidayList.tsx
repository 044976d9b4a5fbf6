import type { Engineer, Holiday, Id } from '../../../shared/model';
import { EngineerName } from '../../components/EngineerName';
import { formatDay } from '../../components/format';
import { EmptyState } from '../../components/Notice';

type HeldHoliday = Holiday & { primaryId: Id | null; secondaryId: Id | null };

export function HolidayList({
  holidays,
  engineers,
  hasRotation,
  currentYear,
}: {
  holidays: HeldHoliday[];
  engineers: Map<Id, Engineer>;
  hasRotation: boolean;
  /** Dates in this year are shown without it. */
  currentYear: number;
}) {
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
              <EngineerName id={h.primaryId} engineers={engineers} />
            </td>
            <td>
              <EngineerName id={h.secondaryId} engineers={engineers} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
