// The words for the model's enumerations, written once: the screens, the command line, the
// spreadsheets and the printed plan all say the same thing for the same value.
import type { RiskCategory, RiskStatus, SlaKind } from './model';
import type { RiskBand } from './domain/risk';

export const RISK_CATEGORY_LABELS: Record<RiskCategory, string> = {
  data: 'Data issues',
  pipeline: 'Pipeline failures',
  business_logic: 'Business logic issues',
};

export const RISK_STATUS_LABELS: Record<RiskStatus, string> = {
  open: 'Open',
  mitigating: 'Mitigating',
  mitigated: 'Mitigated',
  accepted: 'Accepted',
  closed: 'Closed',
};

/** Likelihood 1 to 5, as index 0 to 4. */
export const LIKELIHOOD_LABELS = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] as const;
/** Impact 1 to 5, as index 0 to 4. */
export const IMPACT_LABELS = ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'] as const;

export const RISK_BAND_LABELS: Record<RiskBand, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export const SLA_KIND_LABELS: Record<SlaKind, string> = {
  daily: 'Daily at a time',
  weekly: 'Weekly on a weekday',
  next_business_day: 'Next business day at a time',
  within_hours: 'Within hours of an event',
};

// What made an override, in words: kept with the kinds' other rules.
export { OVERRIDE_KIND_LABELS } from './domain/override-kinds';
