// The planner on the example team, through the app's handlers: a quarter planned with carry-over
// "none" is at least as even as the plain rotation, and time away during an on-call week is
// planned away even where the lead locked the week's other role.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import type { ArgsIn, Channel, ResultOf } from '../../src/shared/ipc/contract';
import { testApp } from '../support/app';

let app: WatchbillApp;
beforeEach(() => (app = testApp()));
afterEach(() => app.close());

async function call<K extends Channel>(channel: K, args: ArgsIn<K>): Promise<ResultOf<K>> {
  const result = await app.dispatch(channel, args);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ResultOf<K>;
}
const engineerId = (name: string) => app.repos.engineers.list().find((e) => e.name === name)!.id;
const quarter = { kind: 'custom', from: '2027-01-01', to: '2027-03-31' } as const;

describe('planning the example team', () => {
  it('leaves 2027-Q1 at most as uneven as the plain rotation, and says so in the period it planned', async () => {
    const rotation = (await call('fairness:get', { period: quarter })).team.spread;
    // Judged on the quarter alone: carry-over "none" (the ledger's other policies even the carried balance too).
    const plan = await call('plan:propose', { from: '2027-01-01', to: '2027-03-31', carry: 'none' });
    expect(plan.period).toMatchObject({ startDate: '2027-01-01', endDate: '2027-03-31', label: '2027-Q1' });
    expect(plan.before.team.spread).toBeCloseTo(rotation, 9);
    expect(plan.after.team.spread).toBeLessThanOrEqual(rotation + 1e-9);
    await call('schedule:apply', { operation: { op: 'plan', from: '2027-01-01', to: '2027-03-31', carry: 'none' } });
    expect((await call('fairness:get', { period: quarter, carry: 'none' })).team.spread).toBeCloseTo(
      plan.after.team.spread,
      9,
    );
    const written = app.repos.rotations
      .overrides(app.repos.rotations.list()[0]!.id)
      .filter((o) => o.startsAt >= '2027-01-01');
    expect(written.length).toBeGreaterThan(0);
    for (const o of written) expect(o.reason).toMatch(/^planned 2027-Q1: \S/);
  });

  it('plans away Engineer A’s time away over Christmas, changing only the secondary the lead left open', async () => {
    const a = engineerId('Engineer A');
    await call('unavailability:add', {
      engineerId: a,
      startDate: '2026-12-24',
      endDate: '2026-12-27',
      reason: 'family',
    });
    const range = { from: '2026-12-17', to: '2026-12-31' };
    const clashes = async () =>
      (
        await call('schedule:get', { from: '2026-12-17T05:00:00.000Z', to: '2027-01-07T14:00:00.000Z' })
      ).warnings.filter((w) => w.kind === 'oncall_unavailable');
    expect((await clashes()).map((w) => w.engineerIds)).toEqual([[a]]);

    const plan = await call('plan:propose', range);
    expect(plan.fixed.map((w) => w.kind)).toContain('oncall_unavailable');
    expect(plan.unfixed.filter((u) => u.warning.kind === 'oncall_unavailable')).toEqual([]);
    // New Year's week: its primary is partly C's holiday cover and partly A's; the open secondary goes to neither.
    expect(plan.unfixed.filter((u) => u.warning.kind === 'same_primary_secondary')).toEqual([]);
    // The Christmas week's primary is D's holiday cover: the plan leaves every primary of that week alone.
    const christmasWeek = { start: '2026-12-24T14:00:00.000Z', end: '2026-12-31T14:00:00.000Z' };
    const inWeek = plan.change.add.filter((d) => d.startsAt < christmasWeek.end && d.endsAt > christmasWeek.start);
    expect(inWeek.map((d) => [d.role, d.kind, d.reason])).toEqual([
      ['secondary', 'time_away_cover', "planned 2026-12-17 to 2026-12-31: covers Engineer A's time away"],
    ]);
    await call('schedule:apply', { operation: { op: 'plan', ...range } });
    expect(await clashes()).toEqual([]);
  });

  it('lists the clash it cannot fix, with the override that holds it', async () => {
    // D is away over Christmas, but the lead's own override makes D the Christmas cover.
    await call('unavailability:add', {
      engineerId: engineerId('Engineer D'),
      startDate: '2026-12-25',
      endDate: '2026-12-25',
    });
    const plan = await call('plan:propose', { from: '2026-12-17', to: '2026-12-31' });
    const left = plan.unfixed.find((u) => u.warning.kind === 'oncall_unavailable');
    expect(left?.warning.engineerIds).toEqual([engineerId('Engineer D')]);
    expect(left?.reason).toMatch(
      /primary of that week is set by an override the plan keeps \(holiday cover: Engineer D covers Christmas/,
    );
  });

  it('plans again over its own earlier plan when asked, keeping what the lead made their own', async () => {
    const Q1 = { from: '2027-01-01', to: '2027-03-31', carry: 'none' } as const;
    const rotationId = app.repos.rotations.list()[0]!.id;
    const inQ1 = () => app.repos.rotations.overrides(rotationId).filter((o) => o.startsAt >= '2027-01-01');
    await call('schedule:apply', { operation: { op: 'plan', ...Q1 } });
    const first = inQ1();
    const primaries = first.filter((o) => o.role === 'primary' && o.kind === 'planned');
    expect(primaries.length).toBeGreaterThan(1);
    // Planning again at once with nothing changed: the same plan, so nothing to change either way.
    expect((await call('plan:propose', { ...Q1, replace: true })).change).toEqual({ add: [], remove: [] });

    // Then the planned primary of one week books time away, and the lead rewrites another's reason.
    const [away, owned] = primaries;
    const day = away!.startsAt.slice(0, 10);
    await call('unavailability:add', { engineerId: away!.engineerId, startDate: day, endDate: day });
    await call('override:set-reason', { overrideId: owned!.id, reason: 'Agreed with the team in the retro' });

    // Kept as the lead's, the earlier plan holds the clash in place ...
    const keeping = await call('plan:propose', Q1);
    expect(keeping.unfixed.map((u) => u.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/set by an override the plan keeps \(planned 2027-Q1/)]),
    );
    // ... replaced, the plan fixes it, and keeps the override the lead made their own.
    const replacing = await call('plan:propose', { ...Q1, replace: true });
    expect(replacing.fixed.map((w) => w.engineerIds)).toContainEqual([away!.engineerId]);
    expect(replacing.unfixed.filter((u) => u.warning.kind === 'oncall_unavailable')).toEqual([]);
    expect(replacing.change.remove.map((o) => o.id)).not.toContain(owned!.id);
    expect(replacing.change.remove.every((o) => o.reason.startsWith('planned 2027-Q1: '))).toBe(true);

    await call('schedule:apply', { operation: { op: 'plan', ...Q1, replace: true } });
    const replaced = inQ1();
    expect(replaced.find((o) => o.id === owned!.id)?.reason).toBe('Agreed with the team in the retro');
    const clashes = (await call('schedule:get', { from: '2027-01-01T05:00:00.000Z', to: '2027-04-01T04:00:00.000Z' }))
      .warnings;
    expect(clashes.filter((w) => w.kind === 'oncall_unavailable')).toEqual([]);
    // One edit: Undo brings the first plan back as it was.
    await call('schedule:undo', {});
    expect(
      inQ1()
        .map((o) => [o.startsAt, o.role, o.engineerId, o.reason])
        .sort(),
    ).toEqual(
      first
        .map((o) => [
          o.startsAt,
          o.role,
          o.engineerId,
          o.id === owned!.id ? 'Agreed with the team in the retro' : o.reason,
        ])
        .sort(),
    );
  });
});
