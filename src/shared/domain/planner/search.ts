// The search for a plan: local descent over reassignments and exchanges, restarted from
// small random kicks (iterated local search, seeded: the same input gives the same plan).
// Plans compare by `better` (score.ts): clashes, spread, hand-offs, sum of squares.

import type { ProgressReport } from '../progress';
import type { PlanningProblem } from './problem';
import { Tables, Walk, type Acceptance } from './walk';
import * as scoring from './score';
import { better, type Score } from './score';

/** Read once (see walk.ts): the descent compares against it millions of times. */
const { EPSILON } = scoring;

export { better, type Score } from './score';

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

/**
 * First-improvement descent over single reassignments and pairwise exchanges, judged by
 * `better`. Returns the walk's score at its local optimum.
 *
 * Most moves need not be tried. One that involves no clashing unit and no unit touching a
 * holiday's hand-offs can only win by evening the loads: it takes load δ from one engineer to
 * another, which lowers the spread or the sum of squares only when 0 < δ < their difference ≤
 * the spread. So a pass tries every move of those few units, but of the others only units
 * cheaper than the spread and exchanges of units whose costs differ by less than it.
 */
function descend(t: Tables, walk: Walk): Score {
  const { unitCount, allowed, allowedAt, n, cost, byCost, linkedUnits } = t;
  const accept: Acceptance = (violations, spread, handoffs, squares) => {
    if (violations !== 0) return violations < 0;
    if (spread < walk.spreadNow - EPSILON) return true;
    if (spread > walk.spreadNow + EPSILON) return false;
    if (handoffs !== 0) return handoffs < 0;
    return squares < -EPSILON;
  };
  // Units whose every move is tried: hand-off links, clashes (found anew each pass), or everyone
  // when someone's figure is outside the spread (then the reasoning above does not hold).
  const wide = new Uint8Array(unitCount);
  const wideUnits: number[] = [];
  const clashing = new Uint8Array(unitCount);
  let improved = true;
  const exchange = (u: number, v: number) => {
    const a = walk.assign[u]!;
    const b = walk.assign[v]!;
    if (a === b || allowedAt[u * n + b] === 0 || allowedAt[v * n + a] === 0) return;
    if ((clashing[u] || clashing[v] || !walk.hopeless(u, b, v)) && walk.tryMove(u, b, v, accept)) improved = true;
  };
  while (improved) {
    improved = false;
    wide.fill(t.allCounted ? 0 : 1);
    for (const u of linkedUnits) wide[u] = 1;
    clashing.fill(0);
    if (walk.violations > 0)
      for (let u = 0; u < unitCount; u += 1) if (walk.violationsAt(u) > 0) wide[u] = clashing[u] = 1;
    wideUnits.length = 0;
    for (let u = 0; u < unitCount; u += 1) if (wide[u]) wideUnits.push(u);
    const width = walk.spreadNow + EPSILON;
    for (let u = 0; u < unitCount; u += 1) {
      if (!wide[u] && cost[u]! >= width) continue;
      for (const to of allowed[u]!) {
        if (to === walk.assign[u] || (!clashing[u] && walk.hopeless(u, to, -1))) continue;
        if (walk.tryMove(u, to, -1, accept)) improved = true;
      }
    }
    for (const u of wideUnits)
      for (let v = 0; v < unitCount; v += 1) if (v !== u && !(wide[v] && v < u)) exchange(u, v);
    for (let i = 0; i < unitCount; i += 1) {
      const u = byCost[i]!;
      if (wide[u]) continue;
      for (let j = i + 1; j < unitCount; j += 1) {
        const v = byCost[j]!;
        const difference = cost[v]! - cost[u]!;
        if (difference >= width) break;
        if (difference > EPSILON && !wide[v]) exchange(u, v);
      }
    }
  }
  return walk.score();
}

/**
 * A few random reassignments among free people, to leave a local optimum. The first takes a
 * unit from the most or least loaded engineer (only they set the spread); the rest are anywhere.
 */
function kick(t: Tables, walk: Walk, random: () => number, moves: number): void {
  const units = t.problem.units;
  const extreme = walk.extreme(random() < 0.5);
  let theirs = 0;
  for (let u = 0; u < t.unitCount; u += 1) if (walk.assign[u] === extreme) theirs += 1;
  for (let k = 0; k < moves; k += 1) {
    let u = Math.floor(random() * t.unitCount);
    if (k === 0 && theirs > 0) {
      // The pick-th unit of the extreme engineer.
      let pick = Math.floor(random() * theirs);
      for (u = 0; u < t.unitCount; u += 1) if (walk.assign[u] === extreme && pick-- === 0) break;
    }
    const options = units[u]!.available;
    if (options.length > 0) walk.reassign(u, options[Math.floor(random() * options.length)]!);
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
  return new Walk(new Tables(problem), assign).score();
}

/**
 * Kick-and-descend rounds at most. On a year for 4 to 30 engineers (npm run bench) a plan lands
 * within a hundredth of a weekday of the same search given 100 times the rounds (400 rounds left
 * a team of 12 at 0.16 where longer searches reach 0.08), in under a second of one core.
 */
export const DEFAULT_ROUNDS = 1600;
/** Rounds for any problem, however large: each fixes clashes left by a kick. */
const MIN_ROUNDS = 50;
/**
 * Work per plan, in move checks: a descent pass looks at most at every unit against every
 * engineer and every pair of units, so a round costs up to units × (units + engineers) checks. A year for
 * 30 engineers (109 units) gets DEFAULT_ROUNDS; larger problems get fewer rounds, so the planner's
 * time grows with the problem no faster than one descent does.
 */
const MOVE_BUDGET = DEFAULT_ROUNDS * 109 * (109 + 30);

/** The rounds the planner searches a problem for when the input does not say. */
export function defaultRounds(problem: PlanningProblem): number {
  const units = problem.units.length;
  const perRound = units * (units + problem.engineerIds.length);
  return Math.max(MIN_ROUNDS, Math.min(DEFAULT_ROUNDS, Math.floor(MOVE_BUDGET / Math.max(1, perRound))));
}

/** How much less even (weighted weekdays) the walk may get early on, shrinking to nothing by the last round. */
const WALK_TOLERANCE = 0.05;

/** The best assignment found: descent from the current schedule and from a greedy start, then kicks. */
export function solvePlanningProblem(
  problem: PlanningProblem,
  rounds = defaultRounds(problem),
  onProgress: ProgressReport = () => {},
  seed = 0,
): number[] {
  const t = new Tables(problem);
  // The two descents cost about as much as a round each.
  const total = rounds + 2;
  const best = new Walk(t, currentAssignment(problem));
  let bestScore = descend(t, best);
  onProgress(1, total);
  const trial = new Walk(t, greedyAssignment(problem));
  const greedyScore = descend(t, trial);
  if (better(greedyScore, bestScore)) {
    best.copyFrom(trial);
    bestScore = greedyScore;
  }
  onProgress(2, total);

  // Iterated local search: kick the walk's state and descend; the walk also moves to plans as
  // fair as it (a plateau of equal spread is wide, and its far side is often lower).
  const random = seededRandom(problem.units.length * 7919 + problem.engineerIds.length + seed * 104_729);
  const walk = new Walk(t, best.assign);
  let walkScore = bestScore;
  for (let round = 0; round < rounds; round += 1) {
    trial.copyFrom(walk);
    kick(t, trial, random, 2 + Math.floor(random() * 4));
    const score = descend(t, trial);
    if (better(score, bestScore)) {
      best.copyFrom(trial);
      bestScore = score;
    }
    const tolerance = WALK_TOLERANCE * (1 - round / rounds);
    if (score.violations <= walkScore.violations && score.spread <= walkScore.spread + tolerance + EPSILON) {
      walk.copyFrom(trial);
      walkScore = score;
    }
    onProgress(round + 3, total);
  }
  return Array.from(best.assign);
}
