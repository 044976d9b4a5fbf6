// What a drop on the calendar asks the main process for: a swap with the week the shift lands
// in, or a cover of the day (or the picked days) an engineer is dropped on.
import { describe, expect, it } from 'vitest';
import { computeSegments } from '../../src/shared/domain/rotation';
import type { Rotation } from '../../src/shared/model';
import { coverFromDrop, swapFromDrop } from '../../src/renderer/features/calendar/dropOperation';

// Weekly from Thu 1 Jan 2026, hand-off 09:00 in New York: shift 57 is Thu 4 Feb 2027.
const rotation: Rotation = {
  id: 1,
  name: 'On call',
  timeZone: 'America/New_York',
  startDate: '2026-01-01',
  handoffTime: '09:00',
  shiftDays: 7,
  memberIds: [1, 2, 3, 4],
  coverage: { weekdays: null, hours: null },
  allowsDoubleDuty: false,
  archivedAt: null,
  position: 0,
};
const shift57 = computeSegments(rotation, [], '2027-02-04T14:00:00.000Z', '2027-02-11T14:00:00.000Z')[0]!;
const wall = (iso: string) => new Date(`${iso}Z`);
const NO_HOLIDAYS = new Set<string>();

describe('dropping a shift', () => {
  it('swaps it with the week it lands in, one week on', () => {
    expect(shift57.shiftIndex).toBe(57);
    expect(swapFromDrop(rotation, shift57, { days: 7, milliseconds: 0 })).toEqual({
      operation: { op: 'swap', shiftA: 57, shiftB: 58, reason: 'Swapped on the calendar' },
    });
  });

  it('swaps with the week its middle lands in, not its start', () => {
    // Four days on, the start would land in the same week; the middle lands in the next.
    expect(swapFromDrop(rotation, shift57, { days: 4, milliseconds: 0 })).toMatchObject({
      operation: { shiftB: 58 },
    });
    expect(swapFromDrop(rotation, shift57, { days: -4, milliseconds: 0 })).toMatchObject({
      operation: { shiftB: 56 },
    });
  });

  it('refuses a drop within its own week or before the rotation starts, saying what to do', () => {
    expect(swapFromDrop(rotation, shift57, { days: 1, milliseconds: 0 })).toEqual({
      refusal: 'Drop a shift onto another week to swap the two.',
    });
    expect(swapFromDrop(rotation, shift57, { days: -58 * 7, milliseconds: 0 })).toHaveProperty('refusal');
  });
});

describe('dropping an engineer from the roster', () => {
  const base = { engineerId: 4, role: 'primary' as const, zone: rotation.timeZone, holidayDates: NO_HOLIDAYS };

  it('covers the day dropped on when nothing is picked', () => {
    expect(coverFromDrop({ ...base, at: wall('2027-02-16T00:00:00'), picked: null })).toEqual({
      op: 'cover-days',
      dates: ['2027-02-16'],
      role: 'primary',
      engineerId: 4,
      kind: 'cover',
      reason: '',
    });
  });

  it('covers every picked day when dropped inside the picked days, as a holiday cover if one is a holiday', () => {
    const picked = { start: wall('2027-12-24T00:00:00'), end: wall('2027-12-27T00:00:00'), allDay: true };
    expect(
      coverFromDrop({
        ...base,
        role: 'secondary',
        at: wall('2027-12-25T00:00:00'),
        picked,
        holidayDates: new Set(['2027-12-25']),
      }),
    ).toMatchObject({
      op: 'cover-days',
      dates: ['2027-12-24', '2027-12-25', '2027-12-26'],
      role: 'secondary',
      kind: 'holiday_cover',
    });
  });

  it('covers only the day dropped on when dropped outside the picked days', () => {
    const picked = { start: wall('2027-02-01T00:00:00'), end: wall('2027-02-03T00:00:00'), allDay: true };
    expect(coverFromDrop({ ...base, at: wall('2027-02-10T00:00:00'), picked })).toMatchObject({
      dates: ['2027-02-10'],
    });
  });

  it('covers picked hours as exact moments in the team’s zone', () => {
    const picked = { start: wall('2027-02-16T08:00:00'), end: wall('2027-02-16T12:30:00'), allDay: false };
    expect(coverFromDrop({ ...base, at: wall('2027-02-16T09:00:00'), picked })).toEqual({
      op: 'cover',
      from: '2027-02-16T13:00:00.000Z',
      to: '2027-02-16T17:30:00.000Z',
      role: 'primary',
      engineerId: 4,
      kind: 'cover',
      reason: '',
    });
  });
});
