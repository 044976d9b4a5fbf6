import { describe, expect, it } from 'vitest';
import type { Override, Rotation } from '../../src/shared/model';
import {
  computeSegments,
  coverChange,
  coverDays,
  coverSpan,
  coverRange,
  invertChange,
  nextHandoff,
  onCallAt,
  removeOverride,
  scheduleWarnings,
  shiftBounds,
  shiftIndexAt,
  shiftMidpoint,
  splitShift,
  swapShifts,
} from '../../src/shared/domain/rotation';
import { localDateOf, localTimeOf, zonedInstant } from '../../src/shared/domain/time';
import { A, B, C, D, apply, engineers, pto, seedRotation } from './fixtures';

const NY = 'America/New_York';
const at = (date: string, time = '12:00') => zonedInstant(date, time, NY);
const who = (overrides: readonly Override[], date: string, time = '12:00', rotation: Rotation = seedRotation) => {
  const { primaryId, secondaryId } = onCallAt(rotation, overrides, at(date, time));
  return [primaryId, secondaryId];
};

describe('base shifts', () => {
  it("follows the seeds' example rotation: A/B, B/C, C/D, D/A, then A/B again", () => {
    expect(who([], '2026-01-01')).toEqual([A, B]);
    expect(who([], '2026-01-07')).toEqual([A, B]);
    expect(who([], '2026-01-08')).toEqual([B, C]);
    expect(who([], '2026-01-15')).toEqual([C, D]);
    expect(who([], '2026-01-22')).toEqual([D, A]);
    expect(who([], '2026-01-29')).toEqual([A, B]);
    expect(who([], '2026-02-04')).toEqual([A, B]);
  });

  it('hands off at 09:00 New York time on both sides of the March and November DST changes', () => {
    for (let index = 8; index <= 11; index += 1)
      expect(localTimeOf(shiftBounds(seedRotation, index).startsAt, NY)).toBe('09:00');
    for (let index = 42; index <= 45; index += 1)
      expect(localTimeOf(shiftBounds(seedRotation, index).startsAt, NY)).toBe('09:00');
    // The shift spanning 8 March is an hour shorter; the one spanning 1 November an hour longer.
    const hours = (index: number) => {
      const { startsAt, endsAt } = shiftBounds(seedRotation, index);
      return (Date.parse(endsAt) - Date.parse(startsAt)) / 3_600_000;
    };
    expect(hours(9)).toBe(167);
    expect(hours(43)).toBe(169);
    expect(hours(20)).toBe(168);
  });

  it('works with shift lengths other than 7 days', () => {
    const threeDay: Rotation = { ...seedRotation, shiftDays: 3, memberIds: [A, B, C] };
    expect(shiftBounds(threeDay, 1)).toEqual({
      startsAt: at('2026-01-04', '09:00'),
      endsAt: at('2026-01-07', '09:00'),
    });
    expect(who([], '2026-01-04', '08:59', threeDay)).toEqual([A, B]);
    expect(who([], '2026-01-04', '09:00', threeDay)).toEqual([B, C]);
    expect(who([], '2026-01-07', '10:00', threeDay)).toEqual([C, A]);
    const daily: Rotation = { ...seedRotation, shiftDays: 1, memberIds: [A, B] };
    expect(
      computeSegments(daily, [], at('2026-01-01', '09:00'), at('2026-01-05', '09:00')).map((s) => s.primaryId),
    ).toEqual([A, B, A, B]);
  });

  it('numbers shifts from the start, negative before it, and schedules nobody before the first hand-off', () => {
    expect(shiftIndexAt(seedRotation, at('2026-01-01', '09:00'))).toBe(0);
    expect(shiftIndexAt(seedRotation, at('2026-01-01', '08:59'))).toBe(-1);
    expect(shiftIndexAt(seedRotation, at('2026-11-26', '09:00'))).toBe(47);
    expect(onCallAt(seedRotation, [], at('2025-12-31')).primaryId).toBeNull();
    expect(computeSegments(seedRotation, [], at('2025-12-01'), at('2026-01-02'))[0]!.startsAt).toBe(
      at('2026-01-01', '09:00'),
    );
  });

  it('has no secondary in a one-person rotation', () => {
    expect(who([], '2026-03-01', '12:00', { ...seedRotation, memberIds: [C] })).toEqual([C, null]);
  });

  it('names the next hand-off and who takes over', () => {
    expect(nextHandoff(seedRotation, [], at('2026-01-03'))).toEqual({
      at: at('2026-01-08', '09:00'),
      fromId: A,
      toId: B,
    });
    expect(nextHandoff({ ...seedRotation, memberIds: [C] }, [], at('2026-01-03'))).toBeNull();
  });
});

describe('overrides', () => {
  const override = (id: number, fields: Partial<Override>): Override => ({
    id,
    rotationId: 1,
    startsAt: at('2026-01-02', '00:00'),
    endsAt: at('2026-01-03', '00:00'),
    role: 'primary',
    engineerId: C,
    kind: 'manual',
    reason: '',
    twinId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  });

  it('replaces only its role, only during its range, and lists itself on the segment', () => {
    const segments = computeSegments(
      seedRotation,
      [override(7, {})],
      at('2026-01-01', '09:00'),
      at('2026-01-08', '09:00'),
    );
    expect(segments.map((s) => [localDateOf(s.startsAt, NY), s.primaryId, s.secondaryId, s.overrideIds])).toEqual([
      ['2026-01-01', A, B, []],
      ['2026-01-02', C, B, [7]],
      ['2026-01-03', A, B, []],
    ]);
  });

  it('lets the latest win: higher createdAt, then higher id', () => {
    const older = override(9, { engineerId: C, createdAt: '2026-01-01T00:00:00.000Z' });
    const newer = override(3, { engineerId: D, createdAt: '2026-01-05T00:00:00.000Z' });
    expect(who([older, newer], '2026-01-02')).toEqual([D, B]);
    const tieLow = override(4, { engineerId: C });
    const tieHigh = override(5, { engineerId: D });
    expect(who([tieHigh, tieLow], '2026-01-02')).toEqual([D, B]);
  });

  it('ignores overrides of other rotations', () => {
    expect(who([override(1, { rotationId: 2 })], '2026-01-02')).toEqual([A, B]);
  });
});

describe("the seeds' holiday plan for 2026", () => {
  const thanksgivingShift = shiftIndexAt(seedRotation, at('2026-11-26', '12:00'));

  it('splits Thanksgiving week in halves: A first, B second, and nobody is both roles', () => {
    expect(who([], '2026-11-27')).toEqual([D, A]);
    const change = splitShift(
      seedRotation,
      [],
      thanksgivingShift,
      shiftMidpoint(seedRotation, thanksgivingShift),
      A,
      B,
      'Thanksgiving',
    );
    const { overrides } = apply([], change);
    expect(who(overrides, '2026-11-27')).toEqual([A, D]); // A covers primary; D, displaced, backs up
    expect(who(overrides, '2026-12-01')).toEqual([B, A]);
    expect(overrides.every((o) => o.kind === 'split')).toBe(true);
    expect(shiftMidpoint(seedRotation, thanksgivingShift)).toBe(at('2026-11-29', '21:00'));
  });

  it('gives Christmas Eve and Day to D and New Year’s Eve and Day to C as whole local days', () => {
    const christmas = coverDays(
      seedRotation,
      ['2026-12-25', '2026-12-24'],
      'primary',
      D,
      'holiday_cover',
      'Christmas',
      {
        overrides: [],
      },
    );
    let { overrides } = apply([], christmas);
    const newYear = coverDays(seedRotation, ['2026-12-31', '2027-01-01'], 'primary', C, 'holiday_cover', 'New Year', {
      overrides,
    });
    ({ overrides } = apply(overrides, newYear));
    expect(who(overrides, '2026-12-24', '00:00')).toEqual([D, C]); // D was secondary of C's shift until 09:00
    expect(who(overrides, '2026-12-25', '23:59')).toEqual([D, A]);
    expect(who(overrides, '2026-12-26', '00:00')).toEqual([D, A]);
    expect(who(overrides, '2026-12-31', '00:00')).toEqual([C, A]);
    expect(who(overrides, '2027-01-01', '23:59')).toEqual([C, B]);
    expect(who(overrides, '2027-01-02', '00:00')).toEqual([A, B]);
  });

  it('swaps two weeks: A takes B’s week and B takes A’s, as twins', () => {
    const change = swapShifts(seedRotation, [], 0, 5, 'Personal commitment'); // week 0 A/B, week 5 B/C
    const { overrides } = apply([], change);
    expect(who(overrides, '2026-01-03')).toEqual([B, A]);
    expect(who(overrides, '2026-02-07')).toEqual([A, C]);
    const primaries = overrides.filter((o) => o.role === 'primary');
    expect(primaries).toHaveLength(2);
    expect(primaries[0]!.twinId).toBe(primaries[1]!.id);
    expect(primaries[1]!.twinId).toBe(primaries[0]!.id);
    // Removing one half of the swap removes the whole swap.
    expect(removeOverride(primaries[1]!, overrides).remove).toHaveLength(overrides.length);
  });
});

describe('a cover as the calendar asks for it', () => {
  it('spans whole local days, the day the clocks go back being 25 hours', () => {
    const request = {
      op: 'cover-days',
      dates: ['2026-11-02', '2026-11-01'],
      role: 'primary',
      engineerId: D,
      kind: 'manual',
      reason: '',
    } as const;
    expect(coverSpan(seedRotation, request)).toEqual(['2026-11-01T04:00:00.000Z', '2026-11-03T05:00:00.000Z']);
  });

  it('needs only the overrides touching its span to make the same change as with all of them', () => {
    const far = apply([], coverDays(seedRotation, ['2026-03-10'], 'primary', C, 'manual', 'far away')).overrides;
    const near = apply(far, coverDays(seedRotation, ['2026-11-17'], 'secondary', A, 'manual', 'near')).overrides;
    const request = {
      op: 'cover-days',
      dates: ['2026-11-17', '2026-11-18'],
      role: 'primary',
      engineerId: D,
      kind: 'manual',
      reason: 'dentist',
    } as const;
    const [from, to] = coverSpan(seedRotation, request);
    const touching = near.filter((o) => o.startsAt < to && o.endsAt > from);
    expect(touching.map((o) => o.reason)).toEqual(['near']);
    expect(coverChange(seedRotation, request, touching)).toEqual(coverChange(seedRotation, request, near));
    const timed = {
      op: 'cover',
      from: at('2026-11-17', '13:00'),
      to: at('2026-11-17', '17:00'),
      role: 'primary',
      engineerId: D,
      kind: 'manual',
      reason: '',
    } as const;
    expect(coverChange(seedRotation, timed, touching)).toEqual(
      coverRange(seedRotation, timed.from, timed.to, 'primary', D, 'manual', '', { overrides: near }),
    );
  });
});

describe('undo and redo', () => {
  const range = [at('2026-01-01', '09:00'), at('2026-03-01')] as const;
  const schedule = (overrides: readonly Override[]) => computeSegments(seedRotation, overrides, ...range);

  it('restores the schedule exactly after undoing a cover that beat an earlier one, and redoes it', () => {
    const first = apply(
      [],
      coverRange(seedRotation, at('2026-01-10'), at('2026-01-12'), 'primary', C, 'manual', 'first'),
    );
    const second = apply(
      first.overrides,
      coverRange(seedRotation, at('2026-01-11'), at('2026-01-13'), 'primary', D, 'manual', 'second'),
    );
    const removal = apply(second.overrides, removeOverride(second.applied.add[0]!));
    expect(who(removal.overrides, '2026-01-11', '13:00')).toEqual([C, C]);
    const undone = apply(removal.overrides, invertChange(removal.applied));
    expect(schedule(undone.overrides)).toEqual(schedule(second.overrides));
    const redone = apply(undone.overrides, invertChange(invertChange(removal.applied)));
    expect(schedule(redone.overrides)).toEqual(schedule(removal.overrides));
  });
});

describe('checks', () => {
  const range = { from: at('2026-01-01', '09:00'), to: at('2027-01-07', '09:00') };
  const check = (overrides: Override[], extra: Partial<Parameters<typeof scheduleWarnings>[0]> = {}) =>
    scheduleWarnings({ rotation: seedRotation, overrides, engineers, unavailability: [], ...range, ...extra });

  it('names the engineer, role, dates and reason of on-call during PTO, linked to the calendar', () => {
    const warnings = check([], { unavailability: [pto(1, D, '2026-12-24', '2026-12-26')] });
    // D backs up C until the 09:00 hand-off on the 24th, then is primary.
    expect(warnings.map((w) => w.message)).toEqual([
      'Engineer D is on call (secondary) on Thu 24 Dec during PTO (Family trip)',
      'Engineer D is on call (primary) from Thu 24 Dec to Sat 26 Dec during PTO (Family trip)',
    ]);
    // The link keeps the ISO date and the rotation its fix changes; a message read in another year names the year.
    expect(warnings[1]!.from).toBe('2026-12-24T14:00:00.000Z');
    expect(warnings.every((w) => w.kind === 'oncall_unavailable' && w.engineerIds[0] === D)).toBe(true);
    expect(warnings[1]!.link).toEqual({ screen: 'calendar', date: '2026-12-24', rotationId: seedRotation.id });
    const single = check([], { unavailability: [pto(2, B, '2026-12-24', '2026-12-24', 'Family trip')] });
    expect(single).toEqual([]); // B is not on call that week
    const one = check([], { unavailability: [pto(3, A, '2026-12-27', '2026-12-27', 'Wedding')] });
    expect(one.map((w) => w.message)).toEqual(['Engineer A is on call (secondary) on Sun 27 Dec during PTO (Wedding)']);
    const later = check([], { unavailability: [pto(3, A, '2026-12-27', '2026-12-27', 'Wedding')], currentYear: 2027 });
    expect(later.map((w) => w.message)).toEqual([
      'Engineer A is on call (secondary) on Sun 27 Dec 2026 during PTO (Wedding)',
    ]);
  });

  it('reports the same person as primary and secondary', () => {
    const { overrides } = apply(
      [],
      coverRange(seedRotation, at('2026-01-02', '00:00'), at('2026-01-03', '00:00'), 'primary', B, 'manual', ''),
    );
    const warnings = check(overrides);
    expect(warnings.map((w) => w.kind)).toEqual(['same_primary_secondary']);
    expect(warnings[0]!.message).toBe(
      'Engineer B is both primary and secondary from Fri 2 Jan, 00:00 EST to Sat 3 Jan, 00:00 EST',
    );
  });

  it('reports back-to-back shifts beyond the limit, and accepts them within it', () => {
    const { overrides } = apply(
      [],
      coverRange(
        seedRotation,
        shiftBounds(seedRotation, 1).startsAt,
        shiftBounds(seedRotation, 1).endsAt,
        'primary',
        A,
        'manual',
        '',
      ),
    );
    const warnings = check(overrides).filter((w) => w.kind === 'back_to_back');
    expect(warnings.map((w) => w.message)).toEqual([
      'Engineer A is primary for 2 shifts in a row (limit 1) from Thu 1 Jan to Thu 15 Jan',
    ]);
    expect(check(overrides, { maxConsecutiveShifts: 2 }).filter((w) => w.kind === 'back_to_back')).toEqual([]);
  });

  it('reports a gap when nobody is primary, and someone who left but is still scheduled', () => {
    const empty = scheduleWarnings({
      rotation: { ...seedRotation, memberIds: [] },
      overrides: [],
      engineers,
      unavailability: [],
      ...range,
    });
    expect(empty.map((w) => w.kind)).toEqual(['gap']);
    const left = engineers.map((e) => (e.id === C ? { ...e, active: false } : e));
    const warnings = check([], { engineers: left, to: at('2026-01-20') });
    expect(warnings.map((w) => w.message)).toEqual([
      'Engineer C is no longer active but is still scheduled (secondary) from Thu 8 Jan to Thu 15 Jan',
      'Engineer C is no longer active but is still scheduled (primary) from Thu 15 Jan to Tue 20 Jan',
    ]);
  });

  it('finds nothing wrong with the plain seeds rotation', () => {
    expect(check([])).toEqual([]);
  });
});
