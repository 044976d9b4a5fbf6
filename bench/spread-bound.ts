// A lower bound on the spread any plan can reach, to read the planner's and HiGHS's figures
// against: each engineer on their own may take any subset of the units they are allowed
// (dropping "each unit to one person" and the clash rules), so every engineer's figure lies in
// the set of base + subset sums; and since every unit goes to someone, the team's mean is fixed.
// The spread is at least the narrowest window that holds one reachable figure per engineer and
// the mean. Unit costs are whole 1/64ths of a weekday (day fractions of the default weights).
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
