import { memo } from 'react';
import { formatDay, yearOf } from '../../../shared/format';
import type { Holiday } from '../../../shared/model';

/**
 * The holidays of the quarter by name, under its three months: a day of the quarter view is
 * too narrow for a name, so the days are tinted and named here.
 */
export const HolidayStrip = memo(function HolidayStrip({ holidays }: { holidays: readonly Holiday[] }) {
  if (holidays.length === 0) return null;
  return (
    <ul className="holiday-strip" aria-label="Holidays in view" data-testid="holiday-strip">
      {holidays.map((h) => (
        <li key={`${h.date}-${h.name}`} className="holiday-strip__item">
          <span className="holiday-strip__date">{formatDay(h.date, yearOf(h.date))}</span> {h.name}
        </li>
      ))}
    </ul>
  );
});
