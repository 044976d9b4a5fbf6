import { defaultHolidayWeights, DEFAULT_US_CALENDAR, holidaysBetween } from '../src/shared/domain/holidays';
import { buildPlanningProblem, planSchedule, solvePlanningProblem } from '../src/shared/domain/planner';
const holidays = holidaysBetween({ calendar: { id: 1, ...DEFAULT_US_CALENDAR }, weights: defaultHolidayWeights(1), custom: [] }, '2025-12-01', '2027-01-31');
for (const size of [4, 12, 30]) {
  const engineers = Array.from({ length: size }, (_, i) => ({ id: i + 1, name: `E${i + 1}`, email: null, color: '#888', active: true, timeZone: 'America/New_York' }));
  const input = { rotation: { id: 1, name: 'r', timeZone: 'America/New_York', startDate: '2025-01-02', shiftDays: 7, handoffTime: '09:00', memberIds: engineers.map((e) => e.id) }, overrides: [], engineers, unavailability: [], holidays, from: '2026-01-01', to: '2026-12-31' };
  let t = performance.now();
  const p = buildPlanningProblem(input)!;
  console.log(size, 'build', (performance.now() - t).toFixed(0));
  t = performance.now(); solvePlanningProblem(p); console.log(size, 'solve', (performance.now() - t).toFixed(0));
  t = performance.now(); planSchedule(input); console.log(size, 'plan', (performance.now() - t).toFixed(0));
}
