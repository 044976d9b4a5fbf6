// The words and colours of the risk register, shared by the list, the heat map and the form.
import type { RiskCategory, RiskStatus } from '../../../shared/model';

export const CATEGORY_LABELS: Record<RiskCategory, string> = {
  data: 'Data issues',
  pipeline: 'Pipeline failures',
  business_logic: 'Business logic',
};

export const STATUS_LABELS: Record<RiskStatus, string> = {
  open: 'Open',
  mitigating: 'Mitigating',
  mitigated: 'Mitigated',
  accepted: 'Accepted',
  closed: 'Closed',
};

export const LIKELIHOOD_LABELS = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] as const;
export const IMPACT_LABELS = ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'] as const;

/** Likelihood × impact, 1 to 25, and the band it falls in. */
export function riskBand(likelihood: number, impact: number): 'low' | 'medium' | 'high' | 'critical' {
  const score = likelihood * impact;
  if (score >= 15) return 'critical';
  if (score >= 9) return 'high';
  if (score >= 4) return 'medium';
  return 'low';
}
