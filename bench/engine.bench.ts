// Rotation-engine benchmark: `npx tsx bench/engine.bench.ts`. Prints figures, asserts nothing.
//
// 1. Plan 52 weekly shifts for teams of 4, 12 and 30 (US holidays, seeded random PTO, one
//    year of history) and compare the cumulative weighted-burden spread of our planner with
//    plain round-robin, "longest off call goes next" (linkedin/oncall's default) and the exact
//    optimum of the same decision model from the HiGHS MILP solver.
// 2. Compute 10 years of segments for 50 engineers with 2,000 overrides, and a year's fairness.

import highsLoader from 'highs';
import type { Engineer, HolidayCalendar, Override, Rotation, Unavailability } from '../src/shared/model';
import { computeFairness, type FairnessReport } from '../src/shared/domain/fairness';
import { defaultHolidayWeights, DEFAULT_US_CALENDAR, holidaysBetween } from '../src/shared/domain/holidays';
import {
  buildPlanningProblem,
  changeFromAssignment,
  planSchedule,
  type PlanInput,
  type PlanningProblem,
} from '../src/shared/domain/planner';
import { applyChange, computeSegments, provisionalIds, type Change } from '../src/shared/domain/rotation';
import { addDays, toMs, zonedInstant } from '../src/shared/domain/time';

const calendar: HolidayCalendar = { id: 1, ...DEFAULT_US_CALENDAR };
const holidays = holidaysBetween(
  { calendar, weights: defaultHolidayWeights(1), custom: [] },
  '2015-01-01',
  '2031-12-31',
);

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (value: number, digits = 2) => value.toFixed(digits);

function team(size: number): Engineer[] {
  return Array.from({ length: size }, (_, i) => ({
    id: i + 1,
    name: `Engineer ${i + 1}`,
    email: null,
    color: '#888888',
    active: true,
    timeZone: 'America/New_York',
  }));
}

/** Two to three PTO stretches of 3–10 days each in the planned year, never more than a third of the team away. */
function randomPto(engineers: Engineer[], random: () => number): Unavailability[] {
  const list: Unavailability[] = [];
  const awayOn = new Map<string, number>();
  for (const engineer of engineers) {
    const stretches = 2 + Math.floor(random() * 2);
    for (let k = 0; k < stretches; k += 1) {
      const start = addDays('2026-01-01', Math.floor(random() * 350));
      const end = addDays(start, 2 + Math.floor(random() * 8));
      const days: string[] = [];
      for (let d = start; d <= end; d = addDays(d, 1)) days.push(d);
      if (days.some((d) => (awayOn.get(d) ?? 0) + 1 > Math.max(1, Math.floor(engineers.length / 3)))) continue;
      for (const d of days) awayOn.set(d, (awayOn.get(d) ?? 0) + 1);
      list.push({ id: list.length + 1, engineerId: engineer.id, startDate: start, endDate: end, reason: 'PTO' });
    }
  }
  return list;
}

function evaluate(
  input: PlanInput,
  change: Change,
  period: FairnessReport['period'],
): { spread: number; ptoClashes: number } {
  const overrides = applyChange(input.overrides, change, provisionalIds(input.overrides)).overrides;
  const report = computeFairness({ ...input, overrides, period });
  // On call during PTO, counted in shifts' segments.
  const segments = computeSegments(
    input.rotation,
    overrides,
    zonedInstant(input.from, '00:00', input.rotation.timeZone),
    zonedInstant(addDays(period.endDate, 1), '00:00', input.rotation.timeZone),
  );
  let ptoClashes = 0;
  for (const u of input.unavailability) {
    const start = toMs(zonedInstant(u.startDate, '00:00', 'America/New_York'));
    const end = toMs(zonedInstant(addDays(u.endDate, 1), '00:00', 'America/New_York'));
    if (
      segments.some(
        (s) =>
          (s.primaryId === u.engineerId || s.secondaryId === u.engineerId) &&
          toMs(s.startsAt) < end &&
          start < toMs(s.endsAt),
      )
    )
      ptoClashes += 1;
  }
  return { spread: report.team.spread, ptoClashes };
}

/** linkedin/oncall's default: for each shift, the free person off call the longest goes next. */
function longestOffCall(problem: PlanningProblem, history: Override[], input: PlanInput): Change {
  // As in linkedin/oncall, each role is its own roster: primary and secondary each track their own "last on call".
  const lastOnCall = { primary: new Map<number, number>(), secondary: new Map<number, number>() };
  const historySegments = computeSegments(
    input.rotation,
    history,
    zonedInstant(input.rotation.startDate, '00:00', input.rotation.timeZone),
    zonedInstant(input.from, '00:00', input.rotation.timeZone),
  );
  for (const s of historySegments) {
    if (s.primaryId !== null) lastOnCall.primary.set(problem.engineerIds.indexOf(s.primaryId), toMs(s.endsAt));
    if (s.secondaryId !== null) lastOnCall.secondary.set(problem.engineerIds.indexOf(s.secondaryId), toMs(s.endsAt));
  }
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
  return changeFromAssignment(problem, assign);
}

interface Optimum {
  status: string;
  spread: number | null;
  seconds: number;
  change: Change | null;
}

/** The exact optimum of the planner's own decision model: minimise max − min of cumulative burden − fair share. */
async function milpOptimum(problem: PlanningProblem, timeLimit: number): Promise<Optimum> {
  const highs = await highsLoader();
  const n = problem.engineerIds.length;
  const allowed = problem.units.map((unit) => (unit.available.length > 0 ? unit.available : unit.fallback));
  const x = (u: number, e: number) => `x_${u}_${e}`;
  const rows: string[] = [];
  problem.units.forEach((_, u) => rows.push(` one_${u}: ${allowed[u]!.map((e) => x(u, e)).join(' + ')} = 1`));
  problem.constraints.forEach((c, k) => {
    for (let e = 0; e < n; e += 1) {
      const vars = c.units.filter((u) => allowed[u]!.includes(e)).map((u) => x(u, e));
      if (c.type === 'distinct' && vars.length === 2) rows.push(` d_${k}_${e}: ${vars.join(' + ')} <= 1`);
      if (c.type === 'window' && vars.length === c.units.length && c.fixed.every((f) => f === problem.engineerIds[e])) {
        rows.push(` w_${k}_${e}: ${vars.join(' + ')} <= ${vars.length - 1}`);
      }
    }
  });
  for (let e = 0; e < n; e += 1) {
    const terms = problem.units.flatMap((unit, u) =>
      allowed[u]!.includes(e) ? [`${unit.cost.toFixed(9)} ${x(u, e)}`] : [],
    );
    const base = -problem.base[e]!;
    const sum = terms.length > 0 ? `${terms.join(' + ')} ` : '';
    rows.push(` hi_${e}: ${sum}- M <= ${base.toFixed(9)}`);
    rows.push(` lo_${e}: ${sum}- m >= ${base.toFixed(9)}`);
  }
  const binaries = problem.units.flatMap((_, u) => allowed[u]!.map((e) => x(u, e)));
  const lp = `Minimize\n obj: M - m\nSubject To\n${rows.join('\n')}\nBounds\n M free\n m free\nBinary\n ${binaries.join('\n ')}\nEnd\n`;
  const started = performance.now();
  const solution = highs.solve(lp, { time_limit: timeLimit, output_flag: false, mip_rel_gap: 0 } as never);
  const seconds = (performance.now() - started) / 1000;
  const primal = (name: string): number => {
    const column = solution.Columns[name];
    return column && 'Primal' in column ? column.Primal : 0;
  };
  const hasPrimal = solution.Status === 'Optimal' || binaries.some((name) => primal(name) > 0.5);
  const change = hasPrimal
    ? changeFromAssignment(
        problem,
        problem.units.map((_, u) => allowed[u]!.find((e) => primal(x(u, e)) > 0.5) ?? allowed[u]![0]!),
      )
    : null;
  return { status: solution.Status, spread: hasPrimal ? solution.ObjectiveValue : null, seconds, change };
}

async function planningBenchmark(): Promise<void> {
  console.log(
    '\nPlanning 52 weekly shifts (2026) after one year of history; spread = max − min of cumulative (burden − fair share), weekday = 1',
  );
  console.log(
    'The spread is never below 0, so "ours − 0" bounds our distance to the true optimum even where HiGHS stops at its time limit.',
  );
  const header = [
    'team',
    'ours s',
    'ours',
    'round-robin',
    '(PTO clashes)',
    'longest-off',
    'MILP best',
    'MILP s',
    'ours − MILP',
    'MILP status',
    'target ≤ 1',
  ];
  const lines: string[][] = [];
  for (const size of [4, 12, 30]) {
    const engineers = team(size);
    const rotation: Rotation = {
      id: 1,
      name: `team of ${size}`,
      timeZone: 'America/New_York',
      startDate: '2025-01-02',
      shiftDays: 7,
      handoffTime: '09:00',
      memberIds: engineers.map((e) => e.id),
    };
    const unavailability = randomPto(engineers, seededRandom(size * 101));
    const input: PlanInput = {
      rotation,
      overrides: [],
      engineers,
      unavailability,
      holidays,
      from: '2026-01-01',
      to: '2026-12-30',
    };

    const started = performance.now();
    const plan = planSchedule(input);
    const oursSeconds = (performance.now() - started) / 1000;
    const problem = buildPlanningProblem(input)!;
    const ours = evaluate(input, plan.change, plan.period);
    const roundRobin = evaluate(input, { add: [], remove: [] }, plan.period);
    const longest = evaluate(input, longestOffCall(problem, [], input), plan.period);
    const optimum = await milpOptimum(problem, 30);
    const optimumSpread = optimum.change ? evaluate(input, optimum.change, plan.period).spread : null;
    lines.push([
      String(size),
      fmt(oursSeconds),
      fmt(ours.spread),
      fmt(roundRobin.spread),
      String(roundRobin.ptoClashes),
      fmt(longest.spread),
      optimumSpread === null ? '—' : fmt(optimumSpread),
      fmt(optimum.seconds, 1),
      optimumSpread === null ? '—' : fmt(ours.spread - optimumSpread),
      optimum.status === 'Optimal' ? 'proven optimal' : `${optimum.status}, not proven`,
      ours.spread - Math.max(0, optimum.status === 'Optimal' && optimumSpread !== null ? optimumSpread : 0) <= 1
        ? 'met'
        : 'MISSED',
    ]);
    if (ours.ptoClashes > 0) console.log(`  team ${size}: our plan keeps ${ours.ptoClashes} PTO clashes`);
  }
  printTable(header, lines);
}

function randomOverrides(rotation: Rotation, count: number, random: () => number): Override[] {
  const start = toMs(zonedInstant(rotation.startDate, '09:00', rotation.timeZone));
  const span = 10 * 365 * 86_400_000;
  return Array.from({ length: count }, (_, i): Override => {
    const from = start + Math.floor(random() * span);
    const hours = 4 + Math.floor(random() * 7 * 24);
    return {
      id: i + 1,
      rotationId: rotation.id,
      startsAt: new Date(from).toISOString(),
      endsAt: new Date(from + hours * 3_600_000).toISOString(),
      role: random() < 0.7 ? 'primary' : 'secondary',
      engineerId: 1 + Math.floor(random() * rotation.memberIds.length),
      kind: 'manual',
      reason: '',
      twinId: null,
      createdAt: new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * span)).toISOString(),
    };
  });
}

function scheduleBenchmark(): void {
  const engineers = team(50);
  const rotation: Rotation = {
    id: 1,
    name: 'big',
    timeZone: 'America/New_York',
    startDate: '2020-01-02',
    shiftDays: 7,
    handoffTime: '09:00',
    memberIds: engineers.map((e) => e.id),
  };
  const overrides = randomOverrides(rotation, 2000, seededRandom(7));
  const from = zonedInstant('2020-01-02', '00:00', rotation.timeZone);
  const to = zonedInstant('2030-01-02', '00:00', rotation.timeZone);

  const coldStart = performance.now();
  const segments = computeSegments(rotation, overrides, from, to);
  const cold = performance.now() - coldStart;
  const runs: number[] = [];
  for (let k = 0; k < 15; k += 1) {
    const t = performance.now();
    computeSegments(rotation, overrides, from, to);
    runs.push(performance.now() - t);
  }
  const unavailability = randomPto(engineers, seededRandom(3)).map((u) => ({
    ...u,
    startDate: u.startDate.replace('2026', '2029'),
    endDate: u.endDate.replace('2026', '2029').replace('2027', '2030'),
  }));
  const fairnessRuns: number[] = [];
  let report: FairnessReport | null = null;
  for (let k = 0; k < 7; k += 1) {
    const t = performance.now();
    report = computeFairness({
      rotation,
      overrides,
      engineers,
      unavailability,
      holidays,
      period: { startDate: '2029-01-01', endDate: '2029-12-31' },
    });
    fairnessRuns.push(performance.now() - t);
  }
  console.log('\nSchedule and fairness at scale (50 engineers, 10 years, 2,000 overrides)');
  printTable(
    ['what', 'median ms', 'first call ms', 'target ms', 'ratio to target', 'size'],
    [
      ['10-year segments', fmt(median(runs)), fmt(cold), '50', fmt(median(runs) / 50), `${segments.length} segments`],
      [
        'one year of fairness',
        fmt(median(fairnessRuns)),
        fmt(fairnessRuns[0]!),
        '—',
        '—',
        `spread ${fmt(report!.team.spread)}, balance ${fmt(report!.team.balanceScore)}`,
      ],
    ],
  );
}

function printTable(header: string[], lines: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  console.log(row(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(row(line));
}

scheduleBenchmark();
await planningBenchmark();
