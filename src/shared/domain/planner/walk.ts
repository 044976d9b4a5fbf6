// A plan's assignment as the search walks it: precomputed tables of one problem (who may take
// each unit, which constraints and holidays each unit touches) and a state updated move by
// move (give one unit to someone else, or exchange two units between their holders), each
// scored from the tables in time proportional to the unit's few constraints, without
// allocating: the search tries millions of moves on a year for a large team.

import type { PlanningProblem } from './problem';
import * as scoring from './score';
import type { Score } from './score';

// Read once into this module: a bundler inlines imported constants, but a development loader
// (tsx, which runs the bench) reads each through a getter, which costs in the inner loop.
const { CLASH_WEIGHT_BY_ALLOWED, EPSILON } = scoring;
const { bothRoles: BOTH_ROLES, investor: INVESTOR, backToBack: BACK_TO_BACK } = scoring.CLASH_WEIGHTS;

/** Precomputed tables of one problem, shared by every walk over it. */
export class Tables {
  readonly unitCount: number;
  readonly n: number;
  readonly cost: Float64Array;
  /** allowedAt[u * n + e]: 3 free, 2 only ties up investor owners, 1 away, 0 never (see CLASH_WEIGHT_BY_ALLOWED). */
  readonly allowedAt: Uint8Array;
  /** Per unit: everyone it may go to (free first, then the fallback). */
  readonly allowed: Int32Array[];
  /** Per unit: the units it must not share a person (or an investor pair) with. */
  readonly apart: Int32Array[];
  /** Per unit: the back-to-back windows it is in. */
  readonly windowsOf: Int32Array[];
  readonly windowUnits: Int32Array[];
  /** Per window: the engineer index whose taking every unit breaks it, -1 anyone, -2 nobody (the fixed shifts differ). */
  readonly windowOwner: Int32Array;
  /** Per unit: the holiday units whose hand-offs it changes. */
  readonly holidayLinks: Int32Array[];
  /** Per holiday unit: its first and last shift's primary units (-1 when not planned). */
  readonly edgeFirst: Int32Array;
  readonly edgeLast: Int32Array;
  readonly counted: Uint8Array;
  /** Whether every engineer's figure counts in the spread. */
  readonly allCounted: boolean;
  /** Units by cost, cheapest first. */
  readonly byCost: Int32Array;
  /** Units whose holder can add or save a hand-off (holiday covers and the primaries around them). */
  readonly linkedUnits: Int32Array;
  readonly investor: Uint8Array;

  constructor(readonly problem: PlanningProblem) {
    const { units, engineerIds } = problem;
    const n = engineerIds.length;
    this.unitCount = units.length;
    this.n = n;
    this.cost = Float64Array.from(units.map((u) => u.cost));
    this.allowedAt = new Uint8Array(units.length * n);
    units.forEach((unit, u) => {
      for (const e of unit.fallback) this.allowedAt[u * n + e] = 1;
      for (const e of unit.tiedOnly) this.allowedAt[u * n + e] = 2;
      for (const e of unit.available) this.allowedAt[u * n + e] = 3;
    });
    this.allowed = units.map((unit) => Int32Array.from([...unit.available, ...unit.fallback]));
    const apart: number[][] = units.map(() => []);
    const windowsOf: number[][] = units.map(() => []);
    const windowUnits: Int32Array[] = [];
    const owners: number[] = [];
    for (const c of problem.constraints) {
      if (c.type === 'apart') {
        apart[c.units[0]]!.push(c.units[1]);
        apart[c.units[1]]!.push(c.units[0]);
        continue;
      }
      const w = windowUnits.length;
      windowUnits.push(Int32Array.from(c.units));
      // Broken only when one engineer takes every unit and also held the window's fixed shifts.
      const owner = c.fixed.every((f) => f === c.fixed[0]) ? c.fixed[0] : null;
      const index = owner === undefined || owner === null ? -1 : engineerIds.indexOf(owner);
      owners.push(owner === undefined ? -1 : index < 0 ? -2 : index);
      for (const u of c.units) windowsOf[u]!.push(w);
    }
    this.apart = apart.map((a) => Int32Array.from(a));
    this.windowsOf = windowsOf.map((a) => Int32Array.from(a));
    this.windowUnits = windowUnits;
    this.windowOwner = Int32Array.from(owners);
    const primaryOf = new Map<number, number>();
    units.forEach((unit, u) => unit.kind === 'primary' && primaryOf.set(unit.shiftIndexes[0]!, u));
    const links: number[][] = units.map(() => []);
    this.edgeFirst = new Int32Array(units.length).fill(-1);
    this.edgeLast = new Int32Array(units.length).fill(-1);
    units.forEach((unit, u) => {
      if (unit.kind !== 'holiday') return;
      const first = primaryOf.get(unit.shiftIndexes[0]!) ?? -1;
      const last = primaryOf.get(unit.shiftIndexes[unit.shiftIndexes.length - 1]!) ?? -1;
      this.edgeFirst[u] = first;
      this.edgeLast[u] = last;
      links[u]!.push(u);
      for (const p of new Set([first, last])) if (p >= 0) links[p]!.push(u);
    });
    this.holidayLinks = links.map((l) => Int32Array.from(l));
    this.counted = Uint8Array.from(problem.counted.map((c) => (c ? 1 : 0)));
    this.allCounted = problem.counted.every(Boolean);
    this.byCost = Int32Array.from(units.map((_, u) => u).sort((a, b) => this.cost[a]! - this.cost[b]!));
    this.linkedUnits = Int32Array.from(units.flatMap((_, u) => (this.holidayLinks[u]!.length > 0 ? [u] : [])));
    this.investor = new Uint8Array(n * n);
    for (const pair of problem.investorPairs) this.investor[pair] = 1;
  }
}

/** Whether to keep a move, given the change in clashes, the spread after, the change in hand-offs and in the sum of squares. */
export type Acceptance = (violations: number, spread: number, handoffs: number, squares: number) => boolean;
const ALWAYS: Acceptance = () => true;

/** A walk's state: the assignment and what it adds up to, updated move by move. */
export class Walk {
  readonly assign: Int32Array;
  readonly load: Float64Array;
  violations = 0;
  handoffs = 0;
  sumOfSquares = 0;
  /** The spread of the current assignment. */
  spreadNow = 0;
  private readonly holidaySeen: Uint32Array;
  private stamp = 0;

  constructor(
    private readonly t: Tables,
    assign: ArrayLike<number>,
  ) {
    this.assign = Int32Array.from(assign);
    this.load = Float64Array.from(t.problem.base);
    for (let u = 0; u < t.unitCount; u += 1) this.load[this.assign[u]!]! += t.cost[u]!;
    this.holidaySeen = new Uint32Array(t.unitCount);
    this.recount();
  }

  /** Recomputes every total from the assignment (after a restart from another plan). */
  recount(): void {
    const t = this.t;
    let violations = 0;
    for (let u = 0; u < t.unitCount; u += 1) {
      violations += CLASH_WEIGHT_BY_ALLOWED[t.allowedAt[u * t.n + this.assign[u]!]!]!;
      for (const v of t.apart[u]!) if (v > u) violations += this.apartViolation(this.assign[u]!, this.assign[v]!);
    }
    for (let w = 0; w < t.windowUnits.length; w += 1) violations += this.windowViolation(w);
    this.violations = violations;
    let handoffs = 0;
    for (let u = 0; u < t.unitCount; u += 1)
      if (t.edgeFirst[u]! >= 0 || t.edgeLast[u]! >= 0) handoffs += this.handoffsOf(u);
    this.handoffs = handoffs;
    let sum = 0;
    for (let e = 0; e < t.n; e += 1) if (t.counted[e]) sum += this.load[e]! * this.load[e]!;
    this.sumOfSquares = sum;
    this.refreshExtremes();
    this.spreadNow = this.spreadWith(-1, 0, -1, 0);
  }

  private apartViolation(a: number, b: number): number {
    if (a === b) return BOTH_ROLES;
    return this.t.investor[a * this.t.n + b] ? INVESTOR : 0;
  }

  private windowViolation(w: number): number {
    const owner = this.t.windowOwner[w]!;
    if (owner === -2) return 0;
    const units = this.t.windowUnits[w]!;
    const first = this.assign[units[0]!]!;
    if (owner >= 0 && first !== owner) return 0;
    for (let k = 1; k < units.length; k += 1) if (this.assign[units[k]!] !== first) return 0;
    return BACK_TO_BACK;
  }

  private handoffsOf(h: number): number {
    const first = this.t.edgeFirst[h]!;
    const last = this.t.edgeLast[h]!;
    const cover = this.assign[h]!;
    return (first >= 0 && this.assign[first] !== cover ? 1 : 0) + (last >= 0 && this.assign[last] !== cover ? 1 : 0);
  }

  /** Clashes touching unit u: its holder's own and its constraints' (a constraint shared by two moved units counts in both). */
  violationsAt(u: number): number {
    const t = this.t;
    const a = this.assign[u]!;
    let count = CLASH_WEIGHT_BY_ALLOWED[t.allowedAt[u * t.n + a]!]!;
    for (const v of t.apart[u]!) count += this.apartViolation(a, this.assign[v]!);
    for (const w of t.windowsOf[u]!) count += this.windowViolation(w);
    return count;
  }

  private handoffsAt(u: number, v: number): number {
    const stamp = ++this.stamp;
    let count = 0;
    for (const h of this.t.holidayLinks[u]!) {
      this.holidaySeen[h] = stamp;
      count += this.handoffsOf(h);
    }
    if (v >= 0)
      for (const h of this.t.holidayLinks[v]!) {
        if (this.holidaySeen[h] === stamp) continue;
        count += this.handoffsOf(h);
      }
    return count;
  }

  // The three highest and three lowest counted loads (engineer indexes): a move changes two
  // engineers' loads, so the spread after it is known without looking at everyone.
  private readonly top = new Int32Array(3).fill(-1);
  private readonly bottom = new Int32Array(3).fill(-1);

  private refreshExtremes(): void {
    const { top, bottom, load } = this;
    top.fill(-1);
    bottom.fill(-1);
    for (let e = 0; e < this.t.n; e += 1) {
      if (!this.t.counted[e]) continue;
      const l = load[e]!;
      for (let k = 0; k < 3; k += 1) {
        if (top[k] === -1 || l > load[top[k]!]!) {
          for (let m = 2; m > k; m -= 1) top[m] = top[m - 1]!;
          top[k] = e;
          break;
        }
      }
      for (let k = 0; k < 3; k += 1) {
        if (bottom[k] === -1 || l < load[bottom[k]!]!) {
          for (let m = 2; m > k; m -= 1) bottom[m] = bottom[m - 1]!;
          bottom[k] = e;
          break;
        }
      }
    }
  }

  /** The spread if engineers a and b had loads la and lb (a and b differ). */
  private spreadWith(a: number, la: number, b: number, lb: number): number {
    const { counted } = this.t;
    let max = -Infinity;
    let min = Infinity;
    for (const e of this.top)
      if (e !== a && e !== b) {
        if (e >= 0) max = this.load[e]!;
        break;
      }
    for (const e of this.bottom)
      if (e !== a && e !== b) {
        if (e >= 0) min = this.load[e]!;
        break;
      }
    if (a >= 0 && counted[a]) {
      if (la > max) max = la;
      if (la < min) min = la;
    }
    if (b >= 0 && counted[b]) {
      if (lb > max) max = lb;
      if (lb < min) min = lb;
    }
    return max === -Infinity ? 0 : max - min;
  }

  /** The counted engineer with the highest load, or the lowest. */
  extreme(highest: boolean): number {
    return highest ? this.top[0]! : this.bottom[0]!;
  }

  score(): Score {
    return {
      violations: this.violations,
      spread: this.spreadNow,
      handoffs: this.handoffs,
      sumOfSquares: this.sumOfSquares,
    };
  }

  /**
   * Tries giving unit u to `to` and, when v ≥ 0, unit v to u's holder. Keeps the move when
   * `accept` says so, given the change in clashes, the spread after, the change in hand-offs
   * and in the sum of squares; returns whether it did.
   */
  tryMove(u: number, to: number, v: number, accept: Acceptance): boolean {
    const t = this.t;
    const from = this.assign[u]!;
    const shift = t.cost[u]! - (v >= 0 ? t.cost[v]! : 0);
    const fromLoad = this.load[from]! - shift;
    const toLoad = this.load[to]! + shift;
    let squares = 0;
    if (t.counted[from]) squares += fromLoad * fromLoad - this.load[from]! * this.load[from]!;
    if (t.counted[to]) squares += toLoad * toLoad - this.load[to]! * this.load[to]!;
    const spread = shift === 0 ? this.spreadNow : this.spreadWith(from, fromLoad, to, toLoad);
    const violationsBefore = this.violationsAt(u) + (v >= 0 ? this.violationsAt(v) : 0);
    const handoffsBefore = this.handoffsAt(u, v);
    this.assign[u] = to;
    if (v >= 0) this.assign[v] = from;
    const violations = this.violationsAt(u) + (v >= 0 ? this.violationsAt(v) : 0) - violationsBefore;
    const handoffs = this.handoffsAt(u, v) - handoffsBefore;
    if (!accept(violations, spread, handoffs, squares)) {
      this.assign[u] = from;
      if (v >= 0) this.assign[v] = to;
      return false;
    }
    this.load[from] = fromLoad;
    this.load[to] = toLoad;
    this.violations += violations;
    this.handoffs += handoffs;
    this.sumOfSquares += squares;
    this.spreadNow = spread;
    if (shift !== 0) this.refreshExtremes();
    return true;
  }

  /**
   * Whether moving u to `to` (and v back, when v ≥ 0) cannot pass the planner's comparison,
   * for units that take part in no clash: a move that leaves the loads less even, or as even
   * with no smaller sum of squares and no hand-off it could save, is worse. Decided from the
   * loads alone, so the descent skips most moves without touching the assignment.
   */
  hopeless(u: number, to: number, v: number): boolean {
    const t = this.t;
    const from = this.assign[u]!;
    const shift = t.cost[u]! - (v >= 0 ? t.cost[v]! : 0);
    const fromLoad = this.load[from]! - shift;
    const toLoad = this.load[to]! + shift;
    const spread = shift === 0 ? this.spreadNow : this.spreadWith(from, fromLoad, to, toLoad);
    if (spread > this.spreadNow + EPSILON) return true;
    if (spread < this.spreadNow - EPSILON) return false;
    if (t.holidayLinks[u]!.length > 0 || (v >= 0 && t.holidayLinks[v]!.length > 0)) return false;
    let squares = 0;
    if (t.counted[from]) squares += fromLoad * fromLoad - this.load[from]! * this.load[from]!;
    if (t.counted[to]) squares += toLoad * toLoad - this.load[to]! * this.load[to]!;
    return squares >= -EPSILON;
  }

  /** Gives unit u to `to` whatever that costs (a kick). */
  reassign(u: number, to: number): void {
    if (to !== this.assign[u]) this.tryMove(u, to, -1, ALWAYS);
  }

  /** Becomes a copy of `other` (a walk over the same tables), without allocating. */
  copyFrom(other: Walk): void {
    this.assign.set(other.assign);
    this.load.set(other.load);
    this.violations = other.violations;
    this.handoffs = other.handoffs;
    this.sumOfSquares = other.sumOfSquares;
    this.spreadNow = other.spreadNow;
    this.top.set(other.top);
    this.bottom.set(other.bottom);
  }
}
