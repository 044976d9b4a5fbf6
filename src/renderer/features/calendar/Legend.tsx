import { memo } from 'react';

export const Legend = memo(function Legend() {
  return (
    <div className="legend" aria-label="Legend">
      <span className="legend__item">
        <span className="legend__swatch legend__swatch--holiday" aria-hidden="true" /> Holiday
      </span>
      <span className="legend__item">
        <span className="legend__swatch legend__swatch--away" aria-hidden="true" /> Away (picked engineer)
      </span>
      <span className="legend__item">
        <span className="legend__swatch legend__swatch--override" aria-hidden="true" /> Override
      </span>
      <span className="legend__item">
        <span className="legend__swatch legend__swatch--drill" aria-hidden="true" /> Drill
      </span>
      <span className="legend__item">
        <span className="day-warning" aria-hidden="true">
          !
        </span>{' '}
        Warning
      </span>
    </div>
  );
});
