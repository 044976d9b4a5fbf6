import { memo } from 'react';
import { formatDay, yearOf } from '../../../shared/format';
import type { Period } from '../../../shared/domain/fairness';
import type { Holiday } from '../../../shared/model';

/**
 * The holidays of the quarter by name, under its three months: a day of the quarter view is
 * too narrow for a name, so the days are tinted and named here. Only the quarter's own: the
 * days of the months around it that the grid shows greyed are the neighbouring quarters'.
 */
export const HolidayStrip = memo(function HolidayStrip({
  holidays,
  quarter,
}: {
  holidays: readonly Holiday[];
  quarter: Pick<Period, 'startDate' | 'endDate'>;
}) {
  const inQuarter = holidays.filter((h) => h.date >= quarter.startDate && h.date <= quarter.endDate);
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
