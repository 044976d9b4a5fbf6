// Rotation-engine benchmark: `npx tsx bench/engine.bench.ts`. Prints figures, asserts nothing.
// Computes 10 years of segments for 50 engineers with 2,000 overrides, and a year's fairness.
// (The planner's benchmark is planner.bench.ts.)

import type { Engineer, HolidayCalendar, Override, Rotation, Unavailability } from '../src/shared/model';
import { computeFairness, type FairnessReport } from '../src/shared/domain/fairness';
import { defaultHolidayWeights, DEFAULT_US_CALENDAR, holidaysBetween } from '../src/shared/domain/holidays';
import { seededRandom } from '../src/shared/domain/planner/search';
import { computeSegments } from '../src/shared/domain/rotation';
import { addDays, toMs, zonedInstant } from '../src/shared/domain/time';
import { benchTeam } from './team';

const calendar: HolidayCalendar = { id: 1, ...DEFAULT_US_CALENDAR };
const holidays = holidaysBetween(
  { calendar, weights: defaultHolidayWeights(1), custom: [] },
  '2015-01-01',
  '2031-12-31',
);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (value: number, digits = 2) => value.toFixed(digits);

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
  const engineers = benchTeam(50);
  const rotation: Rotation = {
    id: 1,
    name: 'big',
    timeZone: 'America/New_York',
    startDate: '2020-01-02',
    shiftDays: 7,
    handoffTime: '09:00',
    memberIds: engineers.map((e) => e.id),
    coverage: { weekdays: null, hours: null },
    allowsDoubleDuty: false,
    archivedAt: null,
    position: 0,
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
