// The risk register's rules: a risk's score (likelihood × impact, 1 to 25), the band a score
// falls in, the order risks are read in, and the heat map. The screens, the printed plan and
// the service all take them from here.
import type { Risk } from '../model';
import type { RiskCell } from '../operations-views';

export type RiskBand = 'low' | 'medium' | 'high' | 'critical';

/** The bands from the lowest up, with the scores each covers (both included). */
export const RISK_BANDS: readonly { band: RiskBand; min: number; max: number }[] = [
  { band: 'low', min: 1, max: 3 },
  { band: 'medium', min: 4, max: 8 },
  { band: 'high', min: 9, max: 14 },
  { band: 'critical', min: 15, max: 25 },
];

export const riskScore = (risk: Pick<Risk, 'likelihood' | 'impact'>): number => risk.likelihood * risk.impact;

export function riskBand(likelihood: number, impact: number): RiskBand {
  const score = riskScore({ likelihood, impact });
  return [...RISK_BANDS].reverse().find((b) => score >= b.min)?.band ?? 'low';
}

/** Highest score first. */
export const byRiskScore = (a: Pick<Risk, 'likelihood' | 'impact'>, b: Pick<Risk, 'likelihood' | 'impact'>) =>
  riskScore(b) - riskScore(a);

const LEVELS = [1, 2, 3, 4, 5] as const;

/** Rows from likelihood 5 down to 1, columns impact 1 to 5, as a heat map is read; closed risks are done with. */
export function riskMatrix(risks: readonly Risk[]): RiskCell[][] {
  const open = risks.filter((r) => r.status !== 'closed');
  return [...LEVELS].reverse().map((likelihood) =>
    LEVELS.map((impact) => ({
      likelihood,
      impact,
      riskIds: open.filter((r) => r.likelihood === likelihood && r.impact === impact).map((r) => r.id),
    })),
  );
}
