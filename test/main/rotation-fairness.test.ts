import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import type { ArgsIn, Channel, ResultOf } from '../../src/shared/ipc/contract';
import { doubleDutyClashes } from '../../src/shared/domain/double-duty';
import { overridesAfter } from '../../src/shared/domain/fairness';
import type { Rotation } from '../../src/shared/model';
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
const idOf = (name: string) => app.repos.engineers.findByName(name)!.id;

async function hire(name: string) {
  return (await call('engineers:save', { name, color: '#336699', timeZone: 'America/New_York' })).id;
}

/** The experiment pipelines' rotation: Mon–Fri 09:00–18:00 New York time, weekly. */
const businessHours = (memberIds: number[], allowsDoubleDuty = false) =>
  call('rotations:create', businessHoursDraft(memberIds, allowsDoubleDuty));

const Q1 = { kind: 'quarter', date: '2027-01-01' } as const;

describe("one person's load across rotations", () => {
  it('reports each rotation with its own weights, and totals that are the sum by rotation', async () => {
    const layer = await businessHours([idOf('Engineer C'), idOf('Engineer D'), await hire('Engineer E')]);
    const before = await call('fairness:team', { period: Q1, carry: 'none' });
    expect(before.rotations.map((r) => r.rotationName)).toEqual(['Data engineering on-call', layer.name]);
    const c = idOf('Engineer C');
    const rowOf = (rows: { engineerId: number; burden: number }[]) => rows.find((r) => r.engineerId === c)!.burden;
    const [team, experiments] = before.rotations.map((r) => r.report);
    expect(rowOf(experiments!.engineers)).toBeGreaterThan(0);
    // A capped carry pays back at most one shift of what the rotation covers: five days of nine hours.
    expect(experiments!.carryCap).toBeCloseTo((5 * 9) / 24, 9);
    expect(team!.carryCap).toBeCloseTo(5 + 2 * 1.5, 9);
    expect(rowOf(before.totals)).toBeCloseTo(rowOf(team!.engineers) + rowOf(experiments!.engineers), 9);
    // Engineer A is only in the team's rotation: the total is that rotation's figure.
    const a = idOf('Engineer A');
    expect(before.totals.find((r) => r.engineerId === a)!.burden).toBeCloseTo(
      team!.engineers.find((r) => r.engineerId === a)!.burden,
      9,
    );

    // The layer counts a weekday as 2: over a fortnight without holidays, only its own figures double.
    const fortnight = { kind: 'custom', from: '2027-02-01', to: '2027-02-12' } as const;
    const plain = await call('fairness:team', { period: fortnight, carry: 'none' });
    const own = { weekday: 2, weekendDay: 3, secondaryFactor: 0.25, weekendDays: [0, 6] };
    const saved = await call('fairness:set-rotation-weights', { rotationId: layer.id, weights: own });
    expect(saved).toEqual({ own, effective: own });
    const after = await call('fairness:team', { period: fortnight, carry: 'none' });
    const [plainTeam, plainLayer] = plain.rotations.map((r) => r.report);
    expect(rowOf(plainLayer!.engineers)).toBeGreaterThan(0);
    expect(rowOf(after.rotations[1]!.report.engineers)).toBeCloseTo(2 * rowOf(plainLayer!.engineers), 9);
    expect(rowOf(after.rotations[0]!.report.engineers)).toBeCloseTo(rowOf(plainTeam!.engineers), 9);
    // fairness:get of the layer counts with the same weights as the team view.
    const single = await call('fairness:get', { rotationId: layer.id, period: fortnight, carry: 'none' });
    expect(rowOf(single.engineers)).toBeCloseTo(rowOf(after.rotations[1]!.report.engineers), 9);

    // Back to the file's weights.
    const cleared = await call('fairness:set-rotation-weights', { rotationId: layer.id, weights: null });
    expect(cleared.own).toBeNull();
    expect(cleared.effective).toEqual(await call('fairness:weights', {}));
  });

  it('refuses weights for a rotation that does not exist, changing nothing', async () => {
    const own = { weekday: 2, weekendDay: 3, secondaryFactor: 0.25, weekendDays: [0, 6] };
    const answer = await app.dispatch('fairness:set-rotation-weights', { rotationId: 999, weights: own });
    expect(answer).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no rotation #999.' } });
    expect(app.repos.settings.get('rotationFairnessWeights')).toBeUndefined();
  });

  it('warns when someone is on call in two rotations at once, unless a rotation allows it', async () => {
    // Mon 23 Nov 2026 09:00 New York: the team's shift 46, Engineer C primary and D secondary.
    const layer = await businessHours([idOf('Engineer C'), idOf('Engineer A')]);
    const range = { from: '2026-11-23T14:00:00.000Z', to: '2026-11-24T14:00:00.000Z' };
    const view = await call('schedule:get', { rotationId: layer.id, ...range });
    const onCall = view.segments[0]!;
    const clashes = view.warnings.filter((w) => w.kind === 'double_duty');
    expect(clashes.length).toBeGreaterThan(0);
    const team = (await call('rotations:list', {}))[0]!;
    const teamView = await call('schedule:get', { rotationId: team.id, ...range });
    const teamIds = new Set(teamView.segments.flatMap((s) => [s.primaryId, s.secondaryId]));
    for (const clash of clashes) {
      expect(teamIds.has(clash.engineerIds[0]!)).toBe(true);
      expect([onCall.primaryId, onCall.secondaryId]).toContain(clash.engineerIds[0]);
      expect(clash.message).toMatch(/is on call in Data engineering on-call and Experiments, business hours at once/);
    }
    // The team's own calendar names the same clash, and so does Today; each calendar's warning is
    // fixed in its own rotation, Today's in the rotation later in the lead's order.
    const teamClashes = teamView.warnings.filter((w) => w.kind === 'double_duty');
    expect(teamClashes.map((w) => w.message)).toEqual(clashes.map((w) => w.message));
    expect(new Set(clashes.map((w) => w.link.rotationId))).toEqual(new Set([layer.id]));
    expect(new Set(teamClashes.map((w) => w.link.rotationId))).toEqual(new Set([team.id]));
    const today = await call('today:get', { at: '2026-11-23T05:00:00.000Z' });
    const todayClashes = today.warnings.filter((w) => w.kind === 'double_duty');
    expect(todayClashes.map((w) => w.message)).toEqual(expect.arrayContaining(clashes.map((w) => w.message)));
    expect(new Set(todayClashes.map((w) => w.link.rotationId))).toEqual(new Set([layer.id]));

    await call('rotations:save', { ...layer, allowsDoubleDuty: true });
    const allowed = await call('schedule:get', { rotationId: layer.id, ...range });
    expect(allowed.warnings.filter((w) => w.kind === 'double_duty')).toEqual([]);
  });

  it('plans one rotation around the duties of the others, and all of them in the lead order', async () => {
    const [e, f, g] = [await hire('Engineer E'), await hire('Engineer F'), await hire('Engineer G')];
    // C and D are in both rotations: the plain rotations put them on call in both at once.
    const layer = await businessHours([idOf('Engineer C'), idOf('Engineer D'), e, f, g]);
    const team = (await call('rotations:list', {}))[0]!;
    const range = { from: '2027-01-04', to: '2027-02-28' };
    const span = [Date.parse('2027-01-04T14:00:00Z'), Date.parse('2027-03-01T14:00:00Z')] as const;
    const schedules = (rotations: Rotation[]) =>
      rotations.map((rotation) => ({ rotation, overrides: app.repos.rotations.overrides(rotation.id) }));
    expect(doubleDutyClashes(schedules([team, layer]), ...span).length).toBeGreaterThan(0);

    const one = await call('plan:propose', { rotationId: layer.id, ...range, carry: 'none' });
    const planned = [
      { rotation: team, overrides: app.repos.rotations.overrides(team.id) },
      { rotation: layer, overrides: overridesAfter(app.repos.rotations.overrides(layer.id), one.change) },
    ];
    expect(doubleDutyClashes(planned, ...span)).toEqual([]);
    // The double duties it removed are named as such, not as time away.
    expect(one.fixed.some((w) => w.kind === 'double_duty')).toBe(true);
    for (const w of one.fixed.filter((x) => x.kind === 'double_duty'))
      expect(w.message).toMatch(
        /^Engineer [CD] is on call \((primary|secondary)\) .+ while on call in Data engineering on-call$/,
      );
    expect(one.fixed.map((w) => w.message).join('\n')).not.toMatch(/PTO/);

    const all = await call('plan:propose-all', { ...range, carry: 'none' });
    expect(all.plans.map((p) => p.rotationName)).toEqual([team.name, layer.name]);
    const both = all.plans.map((p, i) => ({
      rotation: [team, layer][i]!,
      overrides: overridesAfter(app.repos.rotations.overrides([team, layer][i]!.id), p.proposal.change),
    }));
    expect(doubleDutyClashes(both, ...span)).toEqual([]);

    // Applying one rotation after the other (as the CLI does) leaves no double duty either.
    for (const rotation of [team, layer])
      await call('schedule:apply', { operation: { op: 'plan', rotationId: rotation.id, ...range, carry: 'none' } });
    expect(doubleDutyClashes(schedules([team, layer]), ...span)).toEqual([]);
  });
});
