// The search for a plan: local descent over reassignments and exchanges, restarted from
// small random kicks. Plans compare first by clashes, then by spread (max − min of each
// engineer's carried-in + period burden − fair share), then by hand-offs (a holiday covered
// by someone other than the week's primary adds them), then by the sum of squares, which
// keeps the search moving where the spread alone is flat.

import type { ProgressReport } from '../progress';
import type { PlanningProblem } from './problem';

export interface Score {
  /** Clashes, each weighted by how bad it is (CLASH_WEIGHTS). */
  violations: number;
  spread: number;
  handoffs: number;
  sumOfSquares: number;
}

const EPSILON = 1e-9;

/**
 * How much each kind of clash counts when plans are compared: one person in both roles is
 * worst, someone on call while away next, then back to back, then an investor pipeline's two
 * owners tied up at once. A plan never trades a worse clash for lesser ones of equal total.
 */
const CLASH_WEIGHTS = { bothRoles: 8, away: 4, backToBack: 2, investor: 1 } as const;
/** The clash of a unit's engineer by its allowedAt value (0 never happens: not allowed). */
const CLASH_WEIGHT_BY_ALLOWED = [CLASH_WEIGHTS.bothRoles, CLASH_WEIGHTS.away, CLASH_WEIGHTS.investor, 0] as const;
export function better(a: Score, b: Score): boolean {
  if (a.violations !== b.violations) return a.violations < b.violations;
  if (a.spread < b.spread - EPSILON) return true;
  if (a.spread > b.spread + EPSILON) return false;
  if (a.handoffs !== b.handoffs) return a.handoffs < b.handoffs;
  return a.sumOfSquares < b.sumOfSquares - EPSILON;
}

/** Deterministic pseudo-random numbers (mulberry32), so a plan is reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What every state of one problem shares: who may take each unit, and which units touch which. */
class Structure {
  readonly unitConstraints: number[][];
  readonly allowed: number[][];
  /**
   * allowedAt[u * n + e]: 3 when e is available for unit u, 2 when taking it only ties up an
   * investor pipeline's owners, 1 when e is away then, 0 when not allowed at all.
   */
  readonly allowedAt: Uint8Array;
  readonly n: number;
  /** Per unit: the holiday units whose hand-offs it changes (a holiday unit and its shifts' primaries). */
  readonly holidayLinks: number[][];
  /** Per holiday unit: the primary units of its first and last shift (-1 when that primary is not planned). */
  readonly edges: [number, number][];
  readonly countedIndexes: number[];

  constructor(readonly problem: PlanningProblem) {
    this.unitConstraints = problem.units.map(() => []);
    problem.constraints.forEach((c, i) => c.units.forEach((u) => this.unitConstraints[u]!.push(i)));
    this.allowed = problem.units.map((unit) => [...unit.available, ...unit.fallback]);
    this.n = problem.engineerIds.length;
    this.allowedAt = new Uint8Array(problem.units.length * this.n);
    problem.units.forEach((unit, u) => {
      for (const e of unit.fallback) this.allowedAt[u * this.n + e] = 1;
      for (const e of unit.tiedOnly) this.allowedAt[u * this.n + e] = 2;
      for (const e of unit.available) this.allowedAt[u * this.n + e] = 3;
    });
    const primaryOf = new Map<number, number>();
    problem.units.forEach((unit, u) => unit.kind === 'primary' && primaryOf.set(unit.shiftIndexes[0]!, u));
    this.holidayLinks = problem.units.map(() => []);
    this.edges = problem.units.map(() => [-1, -1]);
    problem.units.forEach((unit, u) => {
      if (unit.kind !== 'holiday') return;
      const first = primaryOf.get(unit.shiftIndexes[0]!) ?? -1;
      const last = primaryOf.get(unit.shiftIndexes[unit.shiftIndexes.length - 1]!) ?? -1;
      this.edges[u] = [first, last];
      this.holidayLinks[u]!.push(u);
      for (const p of new Set([first, last])) if (p >= 0) this.holidayLinks[p]!.push(u);
    });
    this.countedIndexes = problem.counted.flatMap((c, i) => (c ? [i] : []));
  }
}

class PlanState {
  readonly load: number[];
  private readonly problem: PlanningProblem;
  // Marks of what a score update already counted: a stamp per constraint and per unit, bumped per update.
  private readonly constraintSeen: Uint32Array;
  private readonly holidaySeen: Uint32Array;
  private stamp = 0;

  constructor(
    private readonly structure: Structure,
    readonly assign: number[],
  ) {
    this.problem = structure.problem;
    this.constraintSeen = new Uint32Array(this.problem.constraints.length);
    this.holidaySeen = new Uint32Array(this.problem.units.length);
    this.load = [...this.problem.base];
    this.problem.units.forEach((unit, u) => (this.load[assign[u]!]! += unit.cost));
  }

  /** How bad a constraint's breach is (0 when kept): see CLASH_WEIGHTS. */
  private violation(constraintIndex: number): number {
    const c = this.problem.constraints[constraintIndex]!;
    if (c.type === 'apart') {
      const a = this.assign[c.units[0]]!;
      const b = this.assign[c.units[1]]!;
      if (a === b) return CLASH_WEIGHTS.bothRoles;
      return this.problem.investorPairs.has(a * this.problem.engineerIds.length + b) ? CLASH_WEIGHTS.investor : 0;
    }
    const first = this.assign[c.units[0]!]!;
    const id = this.problem.engineerIds[first]!;
    return c.units.every((u) => this.assign[u] === first) && c.fixed.every((f) => f === id)
      ? CLASH_WEIGHTS.backToBack
      : 0;
  }

  private violationsAround(units: readonly number[]): number {
    const stamp = ++this.stamp;
    const { allowedAt, n, unitConstraints } = this.structure;
    let count = 0;
    for (const u of units) {
      count += CLASH_WEIGHT_BY_ALLOWED[allowedAt[u * n + this.assign[u]!]!]!;
      for (const c of unitConstraints[u]!) {
        if (this.constraintSeen[c] === stamp) continue;
        this.constraintSeen[c] = stamp;
        count += this.violation(c);
      }
    }
    return count;
  }

  private handoffsOf(h: number): number {
    const [first, last] = this.structure.edges[h]!;
    const cover = this.assign[h]!;
    return (first >= 0 && this.assign[first] !== cover ? 1 : 0) + (last >= 0 && this.assign[last] !== cover ? 1 : 0);
  }

  private handoffsAround(units: readonly number[]): number {
    const stamp = ++this.stamp;
    let count = 0;
    for (const u of units)
      for (const h of this.structure.holidayLinks[u]!) {
        if (this.holidaySeen[h] === stamp) continue;
        this.holidaySeen[h] = stamp;
        count += this.handoffsOf(h);
      }
    return count;
  }

  private loadFigures(): { spread: number; sumOfSquares: number } {
    let max = -Infinity;
    let min = Infinity;
    let sumOfSquares = 0;
    for (const e of this.structure.countedIndexes) {
      const l = this.load[e]!;
      if (l > max) max = l;
      if (l < min) min = l;
      sumOfSquares += l * l;
    }
    return { spread: max === -Infinity ? 0 : max - min, sumOfSquares };
  }

  score(): Score {
    const all = this.problem.units.map((_, u) => u);
    return { violations: this.violationsAround(all), handoffs: this.handoffsAround(all), ...this.loadFigures() };
  }

  // The three highest and three lowest counted loads (engineer indexes): a move changes two
  // engineers' loads, so the spread after it is known without looking at everyone.
  private top: number[] = [];
  private bottom: number[] = [];

  private refreshExtremes(): void {
    const sorted = [...this.structure.countedIndexes].sort((x, y) => this.load[y]! - this.load[x]!);
    this.top = sorted.slice(0, 3);
    this.bottom = sorted.slice(-3).reverse();
  }

  /**
   * Moves unit u to `to` (and, for an exchange, unit v to u's engineer) when that scores
   * better than `current`, and returns the new score; else changes nothing and returns null.
   */
  private tryMove(u: number, to: number, v: number, current: Score): Score | null {
    const { counted } = this.problem;
    const from = this.assign[u]!;
    const shift = this.problem.units[u]!.cost - (v >= 0 ? this.problem.units[v]!.cost : 0);
    const fromLoad = this.load[from]! - shift;
    const toLoad = this.load[to]! + shift;
    let max = -Infinity;
    let min = Infinity;
    for (const e of this.top)
      if (e !== from && e !== to) {
        max = this.load[e]!;
        break;
      }
    for (const e of this.bottom)
      if (e !== from && e !== to) {
        min = this.load[e]!;
        break;
      }
    let sumOfSquares = current.sumOfSquares;
    for (const [e, before, after] of [
      [from, this.load[from]!, fromLoad],
      [to, this.load[to]!, toLoad],
    ] as const) {
      if (!counted[e]) continue;
      if (after > max) max = after;
      if (after < min) min = after;
      sumOfSquares += after * after - before * before;
    }
    const units = v >= 0 ? [u, v] : [u];
    const violationsBefore = this.violationsAround(units);
    const handoffsBefore = this.handoffsAround(units);
    this.assign[u] = to;
    if (v >= 0) this.assign[v] = from;
    const next: Score = {
      violations: current.violations - violationsBefore + this.violationsAround(units),
      spread: max === -Infinity ? 0 : max - min,
      handoffs: current.handoffs - handoffsBefore + this.handoffsAround(units),
      sumOfSquares,
    };
    if (!better(next, current)) {
      this.assign[u] = from;
      if (v >= 0) this.assign[v] = to;
      return null;
    }
    this.load[from] = fromLoad;
    this.load[to] = toLoad;
    this.refreshExtremes();
    return { ...next, ...this.loadFigures() };
  }

  reassign(u: number, to: number): void {
    const cost = this.problem.units[u]!.cost;
    this.load[this.assign[u]!]! -= cost;
    this.load[to]! += cost;
    this.assign[u] = to;
  }

  /** First-improvement descent over single reassignments and pairwise exchanges. */
  descend(): Score {
    let score = this.score();
    this.refreshExtremes();
    const unitCount = this.problem.units.length;
    const { allowed, allowedAt, n } = this.structure;
    for (let improved = true; improved;) {
      improved = false;
      for (let u = 0; u < unitCount; u += 1) {
        for (const to of allowed[u]!) {
          if (to === this.assign[u]) continue;
          const next = this.tryMove(u, to, -1, score);
          if (next) {
            score = next;
            improved = true;
          }
        }
      }
      for (let u = 0; u < unitCount; u += 1) {
        for (let v = u + 1; v < unitCount; v += 1) {
          const a = this.assign[u]!;
          const b = this.assign[v]!;
          if (a === b || allowedAt[u * n + b] === 0 || allowedAt[v * n + a] === 0) continue;
          const next = this.tryMove(u, b, v, score);
          if (next) {
            score = next;
            improved = true;
          }
        }
      }
    }
    return score;
  }

  /**
   * A few random reassignments among free people, to leave a local optimum. The first takes a
   * unit from the most or least loaded engineer (only they set the spread); the rest are anywhere.
   */
  kick(random: () => number, moves: number): void {
    const units = this.problem.units;
    this.refreshExtremes();
    const extreme = random() < 0.5 ? this.top[0] : this.bottom[0];
    const theirs = units.flatMap((_, u) => (this.assign[u] === extreme ? [u] : []));
    for (let k = 0; k < moves; k += 1) {
      const u =
        k === 0 && theirs.length > 0
          ? theirs[Math.floor(random() * theirs.length)]!
          : Math.floor(random() * units.length);
      const options = units[u]!.available;
      if (options.length > 0) this.reassign(u, options[Math.floor(random() * options.length)]!);
    }
  }
}

/** Chronological greedy: each unit to the least-loaded free person who keeps the constraints. */
function greedyAssignment(problem: PlanningProblem): number[] {
  const load = [...problem.base];
  const assign = problem.units.map((unit) =>
    unit.current >= 0 ? unit.current : (unit.available[0] ?? unit.fallback[0] ?? 0),
  );
  const order = problem.units.map((_, u) => u).sort((a, b) => problem.units[a]!.start - problem.units[b]!.start);
  const decided = new Set<number>();
  const n = problem.engineerIds.length;
  for (const u of order) {
    const unit = problem.units[u]!;
    const clashes = (e: number) =>
      problem.constraints.some((c) => {
        if (!c.units.includes(u)) return false;
        const others = c.units.filter((o) => o !== u && decided.has(o)).map((o) => assign[o]!);
        if (c.type === 'apart') return others.some((o) => o === e || problem.investorPairs.has(o * n + e));
        const id = problem.engineerIds[e]!;
        return others.length === c.units.length - 1 && others.every((o) => o === e) && c.fixed.every((f) => f === id);
      });
    const pool = unit.available.length > 0 ? unit.available : unit.fallback;
    const fitting = pool.filter((e) => !clashes(e));
    const choice = (fitting.length > 0 ? fitting : pool).reduce(
      (best, e) => (load[e]! < load[best]! ? e : best),
      (fitting.length > 0 ? fitting : pool)[0]!,
    );
    assign[u] = choice;
    load[choice]! += unit.cost;
    decided.add(u);
  }
  return assign;
}

/** The current schedule's assignment: the search starts there, so a plan is never worse than it. */
export function currentAssignment(problem: PlanningProblem): number[] {
  return problem.units.map((unit) => (unit.current >= 0 ? unit.current : (unit.available[0] ?? unit.fallback[0] ?? 0)));
}

/** The score of an assignment, for comparing plans (the bench, tests). */
export function scoreAssignment(problem: PlanningProblem, assign: readonly number[]): Score {
  return new PlanState(new Structure(problem), [...assign]).score();
}

/**
 * Kick-and-descend rounds by default: on a year for 4 to 30 engineers (npm run bench) at most
 * about 1.7 s of one core, and within a few hundredths of a weekday of searches 60 to 100 times
 * longer (250 rounds left a team of 12 at 0.16 where longer searches reach 0.08).
 */
export const DEFAULT_ROUNDS = 400;

/** How much less even (weighted weekdays) the walk may get early on, shrinking to nothing by the last round. */
const WALK_TOLERANCE = 0.05;

/** The best assignment found: descent from the current schedule and from a greedy start, then kicks. */
export function solvePlanningProblem(
  problem: PlanningProblem,
  rounds = DEFAULT_ROUNDS,
  onProgress: ProgressReport = () => {},
  seed = 0,
): number[] {
  const structure = new Structure(problem);
  // The two descents cost about as much as a round each.
  const total = rounds + 2;
  let best = new PlanState(structure, currentAssignment(problem));
  let bestScore = best.descend();
  onProgress(1, total);
  const greedy = new PlanState(structure, greedyAssignment(problem));
  const greedyScore = greedy.descend();
  if (better(greedyScore, bestScore)) [best, bestScore] = [greedy, greedyScore];
  onProgress(2, total);

  // Iterated local search: kick the walk's state and descend; the walk also moves to plans as
  // fair as it (a plateau of equal spread is wide, and its far side is often lower).
  const random = seededRandom(problem.units.length * 7919 + problem.engineerIds.length + seed * 104_729);
  let walk = best;
  let walkScore = bestScore;
  for (let round = 0; round < rounds; round += 1) {
    const trial = new PlanState(structure, [...walk.assign]);
    trial.kick(random, 2 + Math.floor(random() * 4));
    const score = trial.descend();
    if (better(score, bestScore)) [best, bestScore] = [trial, score];
    const tolerance = WALK_TOLERANCE * (1 - round / rounds);
    if (score.violations <= walkScore.violations && score.spread <= walkScore.spread + tolerance + EPSILON)
      [walk, walkScore] = [trial, score];
    onProgress(round + 3, total);
  }
  return best.assign;
}
