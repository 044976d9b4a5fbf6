// The seeds' example team as plain data, and small builders for the domain tests.

import type { Engineer, Holiday, IsoDate, Override, Rotation, Unavailability } from '../../src/shared/model';
import { defaultHolidayWeights, DEFAULT_US_CALENDAR, holidaysBetween } from '../../src/shared/domain/holidays';
import { applyChange, type AppliedChange, type Change } from '../../src/shared/domain/rotation';

export const A = 1;
export const B = 2;
export const C = 3;
export const D = 4;

export const NAMES: Record<number, string> = {
  [A]: 'Engineer A',
  [B]: 'Engineer B',
  [C]: 'Engineer C',
  [D]: 'Engineer D',
};

export const engineers: Engineer[] = [A, B, C, D].map((id) => ({
  id,
  name: NAMES[id]!,
  email: null,
  color: '#000000',
  active: true,
  timeZone: 'America/New_York',
}));

/** The seeds' rotation: A → B → C → D, weekly, from 1 January 2026, hand-off 09:00 New York time. */
export const seedRotation: Rotation = {
  id: 1,
  name: 'Data engineering on call',
  timeZone: 'America/New_York',
  startDate: '2026-01-01',
  shiftDays: 7,
  handoffTime: '09:00',
  memberIds: [A, B, C, D],
  coverage: { weekdays: null, hours: null },
  allowsDoubleDuty: false,
  archivedAt: null,
  position: 0,
};

export function pto(
  id: number,
  engineerId: number,
  startDate: string,
  endDate: string,
  reason = 'Family trip',
): Unavailability {
  return { id, engineerId, startDate, endDate, reason };
}

/** Applies a change with deterministic ids, as the database would. */
export function apply(
  overrides: readonly Override[],
  change: Change,
): { overrides: Override[]; applied: AppliedChange } {
  let next = overrides.reduce((max, o) => Math.max(max, o.id), 0);
  return applyChange(overrides, change, () => (next += 1));
}

/** The US federal holidays (weight 1 each) from `from` to `to`, as the planner tests plan around them. */
export const usHolidays = (from: IsoDate, to: IsoDate): Holiday[] =>
  holidaysBetween(
    { calendar: { id: 1, ...DEFAULT_US_CALENDAR }, weights: defaultHolidayWeights(1), custom: [] },
    from,
    to,
  );

/**
 * The experiment pipelines' rotation as the lead makes it on the Team screen (what
 * `rotations:create` takes): Mon–Fri 09:00–18:00 New York time, weekly, from 2 November 2026.
 */
export const businessHoursDraft = (memberIds: number[], allowsDoubleDuty = false) => ({
  name: 'Experiments, business hours',
  timeZone: 'America/New_York',
  startDate: '2026-11-02',
  shiftDays: 7,
  handoffTime: '09:00',
  memberIds,
  coverage: { weekdays: [1, 2, 3, 4, 5], hours: { from: '09:00', until: '18:00' } },
  allowsDoubleDuty,
});
