// A lower bound on the spread any plan can reach, to read the planner's and HiGHS's figures
// against: each engineer on their own may take any subset of the units they are allowed
// (dropping "each unit to one person" and the clash rules), so every engineer's figure lies in
// the set of base + subset sums; and since every unit goes to someone, the team's mean is fixed.
// The spread is at least the narrowest window that holds one reachable figure per engineer and
// the mean. Unit costs are whole 1/64ths of a weekday (day fractions of the default weights).
import highsLoader from 'highs';
import type { PlanningProblem } from '../src/shared/domain/planner';

const GRID = 64;

export function reachabilityBound(problem: PlanningProblem): number | null {
  const { units, base, counted } = problem;
  const n = problem.engineerIds.length;
  const steps = units.map((u) => Math.round(u.cost * GRID));
  if (units.some((u, i) => Math.abs(u.cost * GRID - steps[i]!) > 1e-6)) return null;
  const total = steps.reduce((a, b) => a + b, 0);
  const points: { value: number; engineer: number }[] = [];
  for (let e = 0; e < n; e += 1) {
    if (!counted[e]) continue;
    const reach = new Uint8Array(total + 1);
    reach[0] = 1;
    let top = 0;
    units.forEach((unit, u) => {
      if (!unit.available.includes(e) && !unit.fallback.includes(e)) return;
      const step = steps[u]!;
      for (let s = top; s >= 0; s -= 1) if (reach[s]) reach[s + step] = 1;
      top += step;
    });
    for (let s = 0; s <= top; s += 1) if (reach[s]) points.push({ value: base[e]! + s / GRID, engineer: e });
  }
  // Everyone counted and every unit only to counted people: the loads' mean is fixed.
  const allCounted = counted.every(Boolean);
  const mean = allCounted ? (base.reduce((a, b) => a + b, 0) + total / GRID) / n : null;
  points.sort((a, b) => a.value - b.value);
  const needed = counted.filter(Boolean).length;
  const inWindow = new Array<number>(n).fill(0);
  let covered = 0;
  let best = Infinity;
  for (let lo = 0, hi = 0; hi < points.length; hi += 1) {
    if (inWindow[points[hi]!.engineer]!++ === 0) covered += 1;
    while (covered === needed) {
      const low = points[lo]!.value;
      const high = points[hi]!.value;
      const width = mean === null ? high - low : Math.max(high, mean) - Math.min(low, mean);
      best = Math.min(best, width);
      if (--inWindow[points[lo]!.engineer]! === 0) covered -= 1;
      lo += 1;
    }
  }
  return Number.isFinite(best) ? best : null;
}

/**
 * HiGHS on a pooled model: units of equal cost are interchangeable, so engineer e takes k(e, c)
 * of the units costing c (at most as many as they may take), and every unit of each cost goes to
 * someone. Every plan of the bench's MILP is a plan of this model, so its optimum (or proven
 * bound, at the time limit) is a lower bound on any plan's spread; it has a few hundred integer
 * variables instead of thousands of binaries, so HiGHS can close it.
 */
export async function pooledBound(
  problem: PlanningProblem,
  timeLimit: number,
): Promise<{ bound: number | null; best: number; optimal: boolean; seconds: number }> {
  const highs = await highsLoader();
  const { units, base, counted } = problem;
  const n = problem.engineerIds.length;
  const allowed = units.map((unit) => (unit.available.length > 0 ? unit.available : unit.fallback));
  const classOf = new Map<number, number>();
  const classCost: number[] = [];
  const classCount: number[] = [];
  const mayTake: number[][] = [];
  units.forEach((unit, u) => {
    const key = Math.round(unit.cost * GRID);
    if (!classOf.has(key)) {
      classOf.set(key, classCost.length);
      classCost.push(unit.cost);
      classCount.push(0);
      mayTake.push(new Array<number>(n).fill(0));
    }
    const c = classOf.get(key)!;
    classCount[c]! += 1;
    for (const e of allowed[u]!) mayTake[c]![e]! += 1;
  });
  const k = (e: number, c: number) => `k_${e}_${c}`;
  const rows: string[] = [];
  const bounds: string[] = [];
  const integers: string[] = [];
  classCost.forEach((_, c) => {
    const takers = Array.from({ length: n }, (_, e) => e).filter((e) => mayTake[c]![e]! > 0);
    rows.push(` all_${c}: ${takers.map((e) => k(e, c)).join(' + ')} = ${classCount[c]}`);
    for (const e of takers) {
      bounds.push(` 0 <= ${k(e, c)} <= ${mayTake[c]![e]}`);
      integers.push(k(e, c));
    }
  });
  for (let e = 0; e < n; e += 1) {
    if (!counted[e]) continue;
    const terms = classCost.flatMap((cost, c) => (mayTake[c]![e]! > 0 ? [`${cost.toFixed(9)} ${k(e, c)}`] : []));
    const sum = terms.length > 0 ? `${terms.join(' + ')} ` : '';
    rows.push(` hi_${e}: ${sum}- M <= ${(-base[e]!).toFixed(9)}`);
    rows.push(` lo_${e}: ${sum}- m >= ${(-base[e]!).toFixed(9)}`);
  }
  const lp = `Minimize\n obj: M - m\nSubject To\n${rows.join('\n')}\nBounds\n M free\n m free\n${bounds.join('\n')}\nGeneral\n ${integers.join('\n ')}\nEnd\n`;
  const started = performance.now();
  return highs.withModel({ format: 'lp', data: lp }, (model) => {
    model.options.set({ time_limit: timeLimit, output_flag: false, mip_rel_gap: 0 });
    model.run();
    const bound = Number(model.info.get('mip_dual_bound'));
    return {
      bound: Number.isFinite(bound) && bound > 1e-6 ? bound : null,
      best: Number(model.info.get('objective_function_value')),
      optimal: model.getModelStatus() === highs.constants.modelStatus.optimal,
      seconds: (performance.now() - started) / 1000,
    };
  });
}
