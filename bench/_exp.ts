import type { Engineer, HolidayCalendar, Rotation, Unavailability } from '../src/shared/model';
import { defaultHolidayWeights, DEFAULT_US_CALENDAR, holidaysBetween } from '../src/shared/domain/holidays';
import { buildPlanningProblem, scoreAssignment, solvePlanningProblem, type PlanInput } from '../src/shared/domain/planner';
import { seededRandom } from '../src/shared/domain/planner/search';
import { addDays } from '../src/shared/domain/time';
const calendar: HolidayCalendar = { id: 1, ...DEFAULT_US_CALENDAR };
const holidays = holidaysBetween(
  { calendar, weights: defaultHolidayWeights(1), custom: [] },
  '2025-12-01',
  '2027-01-31',
);

const fmt = (value: number | null, digits = 2) => (value === null ? '—' : value.toFixed(digits));

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

/** Two to four random weeks away per person in 2026, never more than a third of the team away on one day. */
function randomTimeAway(engineers: Engineer[], random: () => number): Unavailability[] {
  const list: Unavailability[] = [];
  const awayOn = new Map<string, number>();
  for (const engineer of engineers) {
    const weeks = 2 + Math.floor(random() * 3);
    for (let k = 0, tries = 0; k < weeks && tries < 50; tries += 1) {
      const start = addDays('2026-01-01', Math.floor(random() * 358));
      const end = addDays(start, 6);
      const days: string[] = [];
      for (let d = start; d <= end; d = addDays(d, 1)) days.push(d);
      const overlapsOwn = list.some((u) => u.engineerId === engineer.id && u.startDate <= end && start <= u.endDate);
      if (overlapsOwn || days.some((d) => (awayOn.get(d) ?? 0) + 1 > Math.max(1, Math.floor(engineers.length / 3))))
        continue;
      for (const d of days) awayOn.set(d, (awayOn.get(d) ?? 0) + 1);
      list.push({ id: list.length + 1, engineerId: engineer.id, startDate: start, endDate: end, reason: 'PTO' });
      k += 1;
    }
  }
  return list;
}


const rounds = Number(process.env.ROUNDS ?? 60);
for (const size of [4, 12, 30]) {
  for (const seed of [1, 2, 3]) {
  const engineers = team(size);
  const rotation: Rotation = { id: 1, name: 'r', timeZone: 'America/New_York', startDate: '2025-01-02', shiftDays: 7, handoffTime: '09:00', memberIds: engineers.map((e) => e.id) };
  const input: PlanInput = { rotation, overrides: [], engineers, unavailability: randomTimeAway(engineers, seededRandom(size * 101 + seed - 1)), holidays, from: '2026-01-01', to: '2026-12-31' };
  const problem = buildPlanningProblem(input)!;
  const c0 = process.cpuUsage();
  const a = solvePlanningProblem(problem, rounds);
  const c = process.cpuUsage(c0);
  const sc = scoreAssignment(problem, a);
  console.log(size, seed, sc.spread.toFixed(3), sc.violations, sc.handoffs, ((c.user + c.system) / 1e6).toFixed(2));
  }
}
