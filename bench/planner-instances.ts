// The planner bench's instances: 52 weekly shifts of 2026 with US holidays and 2–4 random
// weeks of time away per person, for a team of a given size (seeded, so every run plans the same year).
import type { Engineer, HolidayCalendar, Rotation, Unavailability } from '../src/shared/model';
import { defaultHolidayWeights, DEFAULT_US_CALENDAR, holidaysBetween } from '../src/shared/domain/holidays';
import type { PlanInput } from '../src/shared/domain/planner';
import { seededRandom } from '../src/shared/domain/planner/search';
import { addDays } from '../src/shared/domain/time';
import { benchTeam } from './team';

const calendar: HolidayCalendar = { id: 1, ...DEFAULT_US_CALENDAR };
const holidays = holidaysBetween(
  { calendar, weights: defaultHolidayWeights(1), custom: [] },
  '2025-12-01',
  '2027-01-31',
);

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

/** The year 2026 for a team of `size` with no overrides: what the bench plans. `seed` varies the time away. */
export function benchInstance(size: number, seed = size * 101): PlanInput {
  const engineers = benchTeam(size);
  const rotation: Rotation = {
    id: 1,
    name: `team of ${size}`,
    timeZone: 'America/New_York',
    startDate: '2025-01-02',
    shiftDays: 7,
    handoffTime: '09:00',
    memberIds: engineers.map((e) => e.id),
    coverage: { weekdays: null, hours: null },
    allowsDoubleDuty: false,
    archivedAt: null,
    position: 0,
  };
  return {
    rotation,
    overrides: [],
    engineers,
    unavailability: randomTimeAway(engineers, seededRandom(seed)),
    holidays,
    from: '2026-01-01',
    to: '2026-12-31',
  };
}
