// How plans compare: first by clashes, then by spread (max − min of each engineer's
// carried-in + period burden − fair share), then by hand-offs (a holiday covered by someone
// other than the week's primary adds them), then by the sum of squares, which keeps a search
// moving where the spread alone is flat.

export interface Score {
  /** Clashes, each weighted by how bad it is (CLASH_WEIGHTS). */
  violations: number;
  spread: number;
  handoffs: number;
  sumOfSquares: number;
}

/** Spreads closer than this are equal (sums of the same weights in another order differ by rounding). */
export const EPSILON = 1e-9;

/**
 * How much each kind of clash counts when plans are compared: one person in both roles is
 * worst, someone on call while away next, then back to back, then an investor pipeline's two
 * owners tied up at once. A plan never trades a worse clash for lesser ones of equal total.
 */
export const CLASH_WEIGHTS = { bothRoles: 8, away: 4, backToBack: 2, investor: 1 } as const;
/** The clash of a unit's engineer by its allowedAt value (0 never happens: not allowed). */
export const CLASH_WEIGHT_BY_ALLOWED = [
  CLASH_WEIGHTS.bothRoles,
  CLASH_WEIGHTS.away,
  CLASH_WEIGHTS.investor,
  0,
] as const;

export function better(a: Score, b: Score): boolean {
  if (a.violations !== b.violations) return a.violations < b.violations;
  if (a.spread < b.spread - EPSILON) return true;
  if (a.spread > b.spread + EPSILON) return false;
  if (a.handoffs !== b.handoffs) return a.handoffs < b.handoffs;
  return a.sumOfSquares < b.sumOfSquares - EPSILON;
}
