import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import type { ArgsIn, Channel, ResultOf } from '../../src/shared/ipc/contract';
import { testApp } from '../support/app';
import { businessHoursDraft } from '../shared/fixtures';

let app: WatchbillApp;
beforeEach(() => (app = testApp()));
afterEach(() => app.close());

async function call<K extends Channel>(channel: K, args: ArgsIn<K>): Promise<ResultOf<K>> {
  const result = await app.dispatch(channel, args);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ResultOf<K>;
}
const id = (name: string) => app.repos.engineers.findByName(`Engineer ${name}`)!.id;
const range = { from: '2026-12-17T05:00:00.000Z', to: '2027-01-07T05:00:00.000Z' };
const awayWarnings = async () =>
  (await call('schedule:get', range)).warnings.filter((w) => w.kind === 'oncall_unavailable').map((w) => w.message);
/** Everything a refused call must leave as it was. */
const state = () => {
  const rotation = app.repos.rotations.list()[0]!;
  return {
    overrides: app.repos.rotations.overrides(rotation.id),
    lastEdit: app.repos.rotations.lastDoneEdit(rotation.id),
    away: app.repos.engineers.listUnavailability(),
  };
};

describe('clashes:fixes', () => {
  it('offers fixes for the time-away warning; applying one clears it and Undo brings it back', async () => {
    await call('unavailability:add', { engineerId: id('A'), startDate: '2026-12-24', endDate: '2026-12-27' });
    const warning = (await call('schedule:get', range)).warnings.find(
      (w) => w.kind === 'oncall_unavailable' && w.engineerIds[0] === id('A'),
    )!;
    const fixes = await call('clashes:fixes', {
      clash: { kind: 'oncall_unavailable', engineerIds: warning.engineerIds, from: warning.from!, to: warning.to! },
    });
    expect(fixes.period).toMatchObject({ startDate: '2026-10-01', endDate: '2026-12-31' });
    expect(fixes.options.length).toBeGreaterThanOrEqual(2);
    expect(fixes.options.length).toBeLessThanOrEqual(3);

    const { label, canUndo } = await call('schedule:apply', { operation: fixes.options[0]!.operation });
    expect(canUndo).toBe(label);
    expect(await awayWarnings()).toEqual([]);
    const made = app.repos.rotations.overrides(1).at(-1)!;
    expect(made).toMatchObject({ kind: 'time_away_cover', reason: fixes.options[0]!.operation.reason });

    await call('schedule:undo', {});
    expect(await awayWarnings()).toEqual([warning.message]);
  });

  it.each([
    [
      'a warning no fix exists for',
      { kind: 'review_due', engineerIds: [1], from: range.from, to: range.to },
      /clash\.kind/,
    ],
    [
      'no engineer',
      { kind: 'oncall_unavailable', engineerIds: [], from: range.from, to: range.to },
      /clash\.engineerIds/,
    ],
    [
      'an end before the start',
      { kind: 'oncall_unavailable', engineerIds: [1], from: range.to, to: range.from },
      /clash\.to: must end after it starts/,
    ],
    [
      'a date that is not one',
      { kind: 'oncall_unavailable', engineerIds: [1], from: 'Christmas', to: range.to },
      /clash\.from/,
    ],
  ])('refuses %s, saying where, and changes nothing', async (_what, clash, message) => {
    await call('unavailability:add', { engineerId: id('A'), startDate: '2026-12-24', endDate: '2026-12-27' });
    const before = state();
    const result = await app.dispatch('clashes:fixes', { clash } as ArgsIn<'clashes:fixes'>);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(result.ok ? '' : result.error.message).toMatch(message);
    expect(state()).toEqual(before);
  });

  it('refuses an engineer who does not exist', async () => {
    const before = state();
    const result = await app.dispatch('clashes:fixes', {
      clash: { kind: 'oncall_unavailable', engineerIds: [99], from: range.from, to: range.to },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', message: 'There is no engineer #99.' } });
    expect(state()).toEqual(before);
  });
});

describe('clashes:fixes for shifts in a row', () => {
  it('offers to move one shift of the run; applying it leaves nobody primary twice in a row', async () => {
    // December 2026: whoever is primary the week of Thu 10 Dec also takes the next week.
    const weeks = { from: '2026-12-10T14:00:00.000Z', to: '2026-12-24T14:00:00.000Z' };
    const [first, second] = (await call('schedule:get', weeks)).segments;
    expect(first!.primaryId).not.toBe(second!.primaryId);
    await call('schedule:apply', {
      operation: {
        op: 'cover',
        from: second!.startsAt,
        to: second!.endsAt,
        role: 'primary',
        engineerId: first!.primaryId!,
        reason: 'Wants the week before the holidays',
      },
    });
    const runs = async () => (await call('schedule:get', weeks)).warnings.filter((w) => w.kind === 'back_to_back');
    const [run] = await runs();
    expect(run?.message).toMatch(/is primary for 2 shifts in a row \(limit 1\)/);
    const fixes = await call('clashes:fixes', {
      clash: { kind: 'back_to_back', engineerIds: run!.engineerIds, from: run!.from!, to: run!.to! },
    });
    expect(fixes.options.length).toBeGreaterThanOrEqual(2);
    // Each option moves one week of the two, as primary.
    for (const option of fixes.options) {
      if (option.operation.op === 'cover') {
        expect(option.operation.role).toBe('primary');
        expect([first!.startsAt, second!.startsAt]).toContain(option.operation.from);
      }
    }
    await call('schedule:apply', { operation: fixes.options[0]!.operation });
    expect(await runs()).toEqual([]);
  });
});

describe('clashes:fixes with several rotations', () => {
  /** The experiment pipelines' rotation: Mon–Fri 09:00–18:00 New York time, weekly. */
  const businessHours = async () => {
    const e = (await call('engineers:save', { name: 'Engineer E', color: '#0e7490', timeZone: 'America/New_York' })).id;
    return call('rotations:create', businessHoursDraft([id('C'), id('A'), e]));
  };
  const overlapping = (a: { from?: string; to?: string }, b: { from?: string; to?: string }) =>
    a.from! < b.to! && b.from! < a.to!;

  it('fixes a double duty from Today in the rotation the warning names, without making another', async () => {
    const layer = await businessHours();
    const clash = (await call('today:get', {})).warnings.find((w) => w.kind === 'double_duty')!;
    expect(clash.link.rotationId).toBe(layer.id);
    const fixes = await call('clashes:fixes', {
      rotationId: clash.link.rotationId,
      clash: { kind: 'double_duty', engineerIds: clash.engineerIds, from: clash.from!, to: clash.to! },
    });
    expect(fixes.options.length).toBeGreaterThan(0);
    const best = fixes.options[0]!;
    expect(best.summary).toContain('in Experiments, business hours');
    expect(best.operation.rotationId).toBe(layer.id);
    expect(best.newClashes).toEqual([]);

    await call('schedule:apply', { operation: best.operation });
    const after = (await call('today:get', {})).warnings.filter((w) => w.kind === 'double_duty');
    expect(after.filter((w) => w.engineerIds[0] === clash.engineerIds[0] && overlapping(w, clash))).toEqual([]);
    // Nobody else was put on call in both rotations by it.
    const taker = best.operation.op === 'cover' ? best.operation.engineerId : best.engineerId;
    expect(after.filter((w) => w.engineerIds[0] === taker && overlapping(w, clash))).toEqual([]);
  });

  it("offers a time-away warning's fixes in its own rotation when the team has several", async () => {
    const layer = await businessHours();
    // Engineer E is only in the business-hours rotation, on call from Mon 7 Dec (its third week).
    await call('unavailability:add', { engineerId: id('E'), startDate: '2026-12-08', endDate: '2026-12-09' });
    const warning = (await call('today:get', {})).warnings.find(
      (w) => w.kind === 'oncall_unavailable' && w.engineerIds[0] === id('E'),
    )!;
    expect(warning.link.rotationId).toBe(layer.id);
    const clash = {
      kind: 'oncall_unavailable',
      engineerIds: warning.engineerIds,
      from: warning.from!,
      to: warning.to!,
    };
    // Without the rotation, the team's two rotations make the request ambiguous; with it, fixes come.
    const unnamed = await app.dispatch('clashes:fixes', { clash } as ArgsIn<'clashes:fixes'>);
    expect(unnamed.ok ? '' : unnamed.error.message).toMatch(/Say which rotation/);
    const fixes = await call('clashes:fixes', { rotationId: layer.id, clash } as ArgsIn<'clashes:fixes'>);
    expect(fixes.options.length).toBeGreaterThan(0);
    expect(fixes.options.every((o) => o.operation.rotationId === layer.id)).toBe(true);
  });
});
