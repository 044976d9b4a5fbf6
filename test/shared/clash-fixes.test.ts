import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import { clashFixes, type ClashFixInput, type ClashRef } from '../../src/shared/domain/clash-fixes';
import { quarterOf } from '../../src/shared/domain/fairness';
import { holidaysBetween } from '../../src/shared/domain/holidays';
import { scheduleWarnings } from '../../src/shared/domain/rotation';
import { testApp } from '../support/app';

// The example team: shift 51 (Thu 24 Dec 2026, 09:00 to Thu 31 Dec) is D primary, A secondary;
// shift 50 before it C and D; shift 52 after it A and B.
let app: WatchbillApp;
beforeEach(() => (app = testApp()));
afterEach(() => app.close());
const id = (name: string) => app.repos.engineers.findByName(`Engineer ${name}`)!.id;
const nameOf = (engineerId: number) => app.repos.engineers.get(engineerId)!.name;

function away(name: string, startDate: string, endDate: string) {
  app.repos.engineers.insertUnavailability({ engineerId: id(name), startDate, endDate, reason: '' });
}

function input(clash: ClashRef, limit = 3): ClashFixInput {
  const rotation = app.repos.rotations.list()[0]!;
  return {
    rotation,
    overrides: app.repos.rotations.overrides(rotation.id),
    engineers: app.repos.engineers.list(),
    unavailability: app.repos.engineers.listUnavailability(),
    holidays: holidaysBetween(app.repos.holidays.teamCalendar()!, '2026-10-01', '2027-01-01'),
    period: quarterOf('2026-12-24'),
    pipelines: app.repos.pipelines.list(),
    ownerships: app.repos.pipelines.listOwnerships(),
    clash,
    limit,
    currentYear: 2026,
  };
}

/** The on-call-while-away warning for `name`, as the calendar shows it. */
function awayClash(name: string): ClashRef {
  const base = input({ kind: 'oncall_unavailable', engineerIds: [], from: '', to: '' });
  const warning = scheduleWarnings({
    ...base,
    from: '2026-12-17T05:00:00.000Z',
    to: '2027-01-07T05:00:00.000Z',
  }).find((w) => w.kind === 'oncall_unavailable' && w.engineerIds[0] === id(name))!;
  return { kind: 'oncall_unavailable', engineerIds: warning.engineerIds, from: warning.from!, to: warning.to! };
}

describe('fixes for a clash warning', () => {
  it('offers the people who can take over, whoever is furthest below fair share first', () => {
    away('A', '2026-12-24', '2026-12-27');
    const { options, none } = clashFixes(input(awayClash('A')));
    expect(none).toBeNull();
    // D is primary that week: D as secondary would push A back into the primary role, so D is no fix.
    expect(options.map((o) => [o.kind, nameOf(o.engineerId)])).toEqual([
      ['cover', 'Engineer B'],
      ['cover', 'Engineer C'],
    ]);
    const [first, second] = options;
    const figure = (option: typeof first, who: string) => option!.fairness.find((f) => f.engineerId === id(who))!;
    expect(figure(first, 'B').before).toBeLessThan(figure(second, 'C').before);
    // The days move from A to the one who covers: A's figure falls by what B's rises.
    expect(figure(first, 'A').after).toBeLessThan(figure(first, 'A').before);
    expect(figure(first, 'B').after - figure(first, 'B').before).toBeCloseTo(
      figure(first, 'A').before - figure(first, 'A').after,
      6,
    );
    expect(first!.operation).toMatchObject({
      op: 'cover',
      role: 'secondary',
      engineerId: id('B'),
      kind: 'time_away_cover',
      reason: "Engineer B covers Engineer A's time away",
    });
    expect(first!.newClashes).toEqual([]);
  });

  it('says which new clash an option would create, and ranks it after those that create none', () => {
    away('A', '2026-12-24', '2026-12-27');
    away('B', '2026-12-26', '2026-12-26');
    // B and C own Aggregate Profit together: retired here, so only time away is in play.
    app.repos.pipelines.setRetiredAt(
      app.repos.pipelines.findByName('Aggregate Profit')!.id,
      '2026-11-01T00:00:00.000Z',
    );
    const { options } = clashFixes(input(awayClash('A')));
    expect(options.map((o) => nameOf(o.engineerId))).toEqual(['Engineer C', 'Engineer B']);
    expect(options[0]!.newClashes).toEqual([]);
    expect(options[1]!.newClashes).toEqual(['Engineer B is on call (secondary) on Sat 26 Dec during PTO']);
  });

  it('offers a swap of the whole shift when the primary is away, and keeps to the limit', () => {
    away('D', '2026-12-28', '2026-12-30');
    const all = clashFixes(input(awayClash('D'), 5)).options;
    expect(all.some((o) => o.kind === 'swap')).toBe(true);
    const swap = all.find((o) => o.kind === 'swap')!;
    expect(swap.operation).toMatchObject({ op: 'swap', shiftA: 51 });
    expect(swap.summary).toMatch(/^Swap with Engineer [ABC]: Engineer D takes the shift from /);
    expect(clashFixes(input(awayClash('D'), 2)).options).toHaveLength(2);
  });

  it('never changes what is past: no swap of a shift that has begun, covers from now on', () => {
    away('D', '2026-12-28', '2026-12-30');
    const now = '2026-12-28T15:00:00.000Z';
    const { options } = clashFixes({ ...input(awayClash('D'), 5), notBefore: now });
    expect(options.length).toBeGreaterThan(0);
    expect(options.every((o) => o.kind === 'cover' && o.operation.op === 'cover' && o.operation.from === now)).toBe(
      true,
    );
  });

  it('offers nothing, and says why, when the person is no longer on call then', () => {
    const result = clashFixes(
      input({
        kind: 'oncall_unavailable',
        engineerIds: [id('B')],
        from: '2026-12-24T14:00:00.000Z',
        to: '2026-12-28T05:00:00.000Z',
      }),
    );
    expect(result.options).toEqual([]);
    expect(result.none).toMatch(/Nobody named by this warning is on call/);
  });
});
