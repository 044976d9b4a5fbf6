import { memo } from 'react';
import { formatDay, yearOf } from '../../../shared/format';
import type { Holiday, IsoDate } from '../../../shared/model';

/**
 * The holidays of the quarter by name, under its three months: a day of the quarter view is
 * too narrow for a name, so the days are tinted and named here. Only the quarter's own
 * (`from` to `to`, both included): the days of the months around it that the grid shows greyed
 * are the neighbouring quarters'.
 */
export const HolidayStrip = memo(function HolidayStrip({
  holidays,
  from,
  to,
}: {
  holidays: readonly Holiday[];
  from: IsoDate;
  to: IsoDate;
}) {
  const inQuarter = holidays.filter((h) => h.date >= from && h.date <= to);
  if (inQuarter.length === 0) return null;
  return (
    <ul className="holiday-strip" aria-label="Holidays in the quarter" data-testid="holiday-strip">
      {inQuarter.map((h) => (
        <li key={`${h.date}-${h.name}`} className="holiday-strip__item">
          <span className="holiday-strip__date">{formatDay(h.date, yearOf(h.date))}</span> {h.name}
        </li>
      ))}
    </ul>
  );
});
