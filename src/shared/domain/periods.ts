// The periods the lead picks fairness over, named as the Fairness screen and the CLI name them.
import type { PeriodSpec } from '../ipc/schemas';
import type { IsoDate, Rotation } from '../model';
import { quarterOf, rolling12Months, sinceRotationStart, yearToDate, type Period } from './fairness';

export function resolvePeriod(spec: PeriodSpec, rotation: Rotation, today: IsoDate): Period {
  switch (spec.kind) {
    case 'quarter':
      return quarterOf(spec.date ?? today);
    case 'year_to_date':
      return yearToDate(today);
    case 'rolling_12_months':
      return rolling12Months(today);
    case 'all_time':
      return sinceRotationStart(rotation, today);
    case 'custom':
      return { startDate: spec.from, endDate: spec.to };
  }
}
