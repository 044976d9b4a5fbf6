// Planner benchmark: `npm run bench planner`. Prints figures beside their targets; asserts nothing.
//
// 52 weekly shifts (2026) with US holidays and 2–4 random weeks of time away per person, for
// teams of 4, 12 and 30. The planner judges a plan on the planned period: the spread is
// max − min of (burden − fair share) over the year, in weighted weekdays. Compared with plain
// round-robin, "longest off call goes next" (linkedin/oncall's default), the planner's own
// search given 100× the rounds, and HiGHS (MILP) on the same decision model: its best plan and
// its proven lower bound (and, since that bound stays at 0, two lower bounds from relaxations:
// bench/spread-bound.ts). LONG_SEARCH_FACTOR, MILP_SECONDS and POOLED_SECONDS shorten a run
// (LONG_SEARCH_FACTOR=1 MILP_SECONDS=1 POOLED_SECONDS=1 gives the planner's own figures in seconds).

import { loadavg } from 'node:os';
import highsLoader from 'highs';
import { computeFairness } from '../src/shared/domain/fairness';
import {
  buildPlanningProblem,
  changeFromAssignment,
  defaultRounds,
  planSchedule,
  scoreAssignment,
  solvePlanningProblem,
  type PlanInput,
  type PlanningProblem,
} from '../src/shared/domain/planner';
import { applyChange, provisionalIds, type Change } from '../src/shared/domain/rotation';
import { benchInstance } from './planner-instances';
import { pooledBound, reachabilityBound } from './spread-bound';

const TARGET_GAP = 0.05;
const TARGET_SECONDS = 3;
const MILP_SECONDS = Number(process.env.MILP_SECONDS ?? 60);
const POOLED_SECONDS = Number(process.env.POOLED_SECONDS ?? 30);
const LONG_SEARCH_FACTOR = Number(process.env.LONG_SEARCH_FACTOR ?? 100);
/** A HiGHS bound at or below this proves nothing beyond "a spread is never negative". */
const TRIVIAL_BOUND = 1e-6;

const fmt = (value: number | null, digits = 2) => (value === null ? '—' : value.toFixed(digits));

/** The period's spread once a change is applied (the Fairness screen's figure). */
function spreadAfter(input: PlanInput, change: Change): number {
  const overrides = applyChange(input.overrides, change, provisionalIds(input.overrides)).overrides;
  return computeFairness({ ...input, overrides, period: { startDate: input.from, endDate: input.to } }).team.spread;
}

/** linkedin/oncall's default: for each shift, the free person off call the longest goes next (each role its own roster). */
function longestOffCall(problem: PlanningProblem): number[] {
  const lastOnCall = { primary: new Map<number, number>(), secondary: new Map<number, number>() };
  const assign = problem.units.map((u) => u.current);
  const primaryOfShift = new Map<number, number>();
  const order = problem.units
    .map((_, u) => u)
    .sort(
      (a, b) =>
        problem.units[a]!.start - problem.units[b]!.start ||
        problem.units[a]!.kind.localeCompare(problem.units[b]!.kind),
    );
  let previousPrimary = -1;
  for (const u of order) {
    const unit = problem.units[u]!;
    if (unit.kind === 'holiday') continue;
    const pool = (unit.available.length > 0 ? unit.available : unit.fallback).filter((e) =>
      unit.kind === 'primary' ? e !== previousPrimary : e !== primaryOfShift.get(unit.shiftIndexes[0]!),
    );
    const last = lastOnCall[unit.kind];
    const choice = pool.reduce(
      (best, e) => ((last.get(e) ?? -Infinity) < (last.get(best) ?? -Infinity) ? e : best),
      pool[0]!,
    );
    assign[u] = choice;
    last.set(choice, unit.end);
    if (unit.kind === 'primary') {
      primaryOfShift.set(unit.shiftIndexes[0]!, choice);
      previousPrimary = choice;
    }
  }
  problem.units.forEach((unit, u) => {
    if (unit.kind === 'holiday') assign[u] = primaryOfShift.get(unit.shiftIndexes[0]!)!;
  });
  return assign;
}

interface Milp {
  status: string;
  best: number[] | null;
  bound: number | null;
  seconds: number;
}

/** HiGHS on the planner's own model: one engineer per unit, clashes forbidden where the planner can avoid them, minimise max − min. */
async function milp(problem: PlanningProblem, timeLimit: number): Promise<Milp> {
  const highs = await highsLoader();
  const n = problem.engineerIds.length;
  const allowed = problem.units.map((unit) => (unit.available.length > 0 ? unit.available : unit.fallback));
  const x = (u: number, e: number) => `x_${u}_${e}`;
  const rows: string[] = [];
  problem.units.forEach((_, u) => rows.push(` one_${u}: ${allowed[u]!.map((e) => x(u, e)).join(' + ')} = 1`));
  problem.constraints.forEach((c, k) => {
    if (c.type === 'apart') {
      const [u, v] = c.units;
      for (const e of allowed[u]!)
        for (const f of allowed[v]!)
          if (e === f || problem.investorPairs.has(e * n + f))
            rows.push(` a_${k}_${e}_${f}: ${x(u, e)} + ${x(v, f)} <= 1`);
      return;
    }
    for (let e = 0; e < n; e += 1) {
      const vars = c.units.filter((u) => allowed[u]!.includes(e)).map((u) => x(u, e));
      if (vars.length === c.units.length && c.fixed.every((f) => f === problem.engineerIds[e]))
        rows.push(` w_${k}_${e}: ${vars.join(' + ')} <= ${vars.length - 1}`);
    }
  });
  problem.counted.forEach((counted, e) => {
    if (!counted) return;
    const terms = problem.units.flatMap((unit, u) =>
      allowed[u]!.includes(e) ? [`${unit.cost.toFixed(9)} ${x(u, e)}`] : [],
    );
    const sum = terms.length > 0 ? `${terms.join(' + ')} ` : '';
    const base = (-problem.base[e]!).toFixed(9);
    rows.push(` hi_${e}: ${sum}- M <= ${base}`);
    rows.push(` lo_${e}: ${sum}- m >= ${base}`);
  });
  const binaries = problem.units.flatMap((_, u) => allowed[u]!.map((e) => x(u, e)));
  const lp = `Minimize\n obj: M - m\nSubject To\n${rows.join('\n')}\nBounds\n M free\n m free\nBinary\n ${binaries.join('\n ')}\nEnd\n`;
  const started = performance.now();
  return highs.withModel({ format: 'lp', data: lp }, (model) => {
    model.options.set({ time_limit: timeLimit, output_flag: false, mip_rel_gap: 0 });
    model.run();
    const seconds = (performance.now() - started) / 1000;
    const status = highs.constants.modelStatus;
    const code = model.getModelStatus();
    const bound = Number(model.info.get('mip_dual_bound'));
    const values = model.getSolution().colValue;
    const hasPrimal = Number(model.info.get('primal_solution_status')) === 2 && values.length > 0;
    const best = hasPrimal
      ? problem.units.map(
          (_, u) => allowed[u]!.find((e) => values[model.getColByName(x(u, e))]! > 0.5) ?? allowed[u]![0]!,
        )
      : null;
    return {
      status: code === status.optimal ? 'optimal' : 'time limit',
      best,
      bound: Number.isFinite(bound) && bound > TRIVIAL_BOUND ? bound : null,
      seconds,
    };
  });
}

function printTable(header: string[], lines: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  console.log(row(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(row(line));
}

/** Median of a few runs' wall time, with the CPU time of the same run: the machine is shared. */
function timed(
  input: PlanInput,
  runs: number,
): { plan: ReturnType<typeof planSchedule>; seconds: number; cpu: number } {
  const samples = Array.from({ length: runs }, () => {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const plan = planSchedule(input);
    const cpu = process.cpuUsage(cpuStarted);
    return { plan, seconds: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
  });
  return samples.sort((a, b) => a.seconds - b.seconds)[Math.floor(runs / 2)]!;
}

async function main(): Promise<void> {
  console.log(
    'Planning 52 weekly shifts of 2026, US holidays, 2–4 weeks away each; spread in weighted weekdays over the year',
  );
  const load = () => loadavg()[0]!.toFixed(2);
  console.log(`Load average (1 min) at the start: ${load()} on this machine's cores (timings below are wall clock)`);
  const lines: string[][] = [];
  const timing: string[][] = [];
  const boundNotes: string[] = [];
  for (const size of [4, 12, 30]) {
    const input = benchInstance(size);
    const loadBefore = load();
    const { plan, seconds, cpu } = timed(input, 3);
    const problem = buildPlanningProblem(input)!;
    const rounds = defaultRounds(problem);

    // The long search and HiGHS take minutes: say what is known so far.
    console.log(
      `team ${size}: ours ${fmt(plan.after.team.spread)} in ${fmt(seconds)} s (${fmt(cpu)} s CPU, ${rounds} rounds); searching ${LONG_SEARCH_FACTOR}× longer…`,
    );
    const longStarted = performance.now();
    const long = solvePlanningProblem(problem, LONG_SEARCH_FACTOR * (rounds + 2) - 2, undefined, 1);
    const longSeconds = (performance.now() - longStarted) / 1000;
    const longScore = scoreAssignment(problem, long);
    const highs = await milp(problem, MILP_SECONDS);
    const highsBest = highs.best ? spreadAfter(input, changeFromAssignment(problem, highs.best)) : null;
    const reach = reachabilityBound(problem);
    const pooled = await pooledBound(problem, POOLED_SECONDS);

    const ours = plan.after.team.spread;
    const longSpread = spreadAfter(input, changeFromAssignment(problem, long));
    const gap = ours - Math.min(longSpread, highsBest ?? Infinity);
    if (highs.bound === null)
      boundNotes.push(
        `team ${size}: HiGHS proved no bound above 0 in ${fmt(highs.seconds, 0)} s (its LP relaxation spreads every unit evenly)`,
      );
    lines.push([
      String(size),
      fmt(ours, 3),
      String(plan.unfixed.length),
      fmt(spreadAfter(input, { add: [], remove: [] })),
      fmt(spreadAfter(input, changeFromAssignment(problem, longestOffCall(problem)))),
      fmt(longSpread, 3),
      fmt(gap, 3),
      `≤ ${TARGET_GAP}`,
      gap <= TARGET_GAP + 1e-9 ? 'met' : 'not met',
      fmt(highsBest, 3),
      highs.bound === null ? 'none' : fmt(highs.bound, 3),
      highs.status,
      pooled.bound === null ? 'none' : `${fmt(pooled.bound, 3)}${pooled.optimal ? '' : ' (limit)'}`,
      fmt(reach, 3),
    ]);
    timing.push([
      String(size),
      fmt(seconds),
      fmt(cpu),
      `< ${TARGET_SECONDS}`,
      seconds < TARGET_SECONDS ? 'met' : 'not met',
      loadBefore,
      `${fmt(longSeconds, 1)} (${longScore.violations} clashes)`,
      fmt(highs.seconds, 1),
    ]);
  }
  printTable(
    [
      'team',
      'ours',
      'clashes left',
      'round-robin',
      'longest-off',
      `ours ×${LONG_SEARCH_FACTOR}`,
      'gap',
      'target',
      '',
      'HiGHS best',
      'HiGHS bound',
      'HiGHS',
      'HiGHS pooled bound',
      'reach bound',
    ],
    lines,
  );
  console.log(`\ngap = ours − the best of (ours given ${LONG_SEARCH_FACTOR}× the rounds, HiGHS best plan)`);
  console.log(
    'HiGHS: the same decision model as a MILP (clashes forbidden where avoidable), minimising max − min, ' +
      `${MILP_SECONDS} s limit; "none" = no bound above 0.`,
  );
  for (const note of boundNotes) console.log(`  ${note}`);
  console.log(
    `HiGHS pooled bound: HiGHS on the model with units of equal cost pooled (a relaxation, ${POOLED_SECONDS} s limit; see bench/spread-bound.ts).`,
  );
  console.log(
    'reach bound: no plan is more even than this (each engineer alone may take any units they are allowed; see bench/spread-bound.ts).',
  );
  console.log(
    '\nTime: median of 3 plans, wall clock and CPU (the CPU figure is what the planner costs on a machine shared with other work)',
  );
  printTable(
    ['team', 'ours s', 'ours CPU s', 'target', '', 'load avg', `×${LONG_SEARCH_FACTOR} search s`, 'HiGHS s'],
    timing,
  );
}

await main();
