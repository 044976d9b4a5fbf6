// Pipelines answered by their own rotation: "who do I call now?", the drill runner, Today's
// on-call cards and warnings follow the rotation a pipeline names, and an archived rotation
// takes no more edits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import type { Pipeline } from '../../src/shared/model';
import { testApp } from '../support/app';
import { dispatcher } from '../support/dispatch';

let app: WatchbillApp;
beforeEach(() => (app = testApp()));
afterEach(() => app.close());

const { call, refusal } = dispatcher(() => app);
const pipeline = (name: string): Pipeline => app.repos.pipelines.list().find((p) => p.name === name)!;
const nameOf = (id: number | null | undefined) => app.repos.engineers.list().find((e) => e.id === id)?.name ?? null;

// Tue 24 Nov 2026 in New York (EST, UTC−5): 10:00 is inside business hours, 22:00 is not.
const TUE_10 = '2026-11-24T15:00:00.000Z';
const TUE_22 = '2026-11-25T03:00:00.000Z';
const COVERS = 'Mon–Fri 09:00–18:00 New York time';

/** Two engineers of their own, on a weekly business-hours rotation from Mon 23 Nov: E, backed by F. */
async function businessHours() {
  const e = await call('engineers:save', { name: 'Engineer E', color: '#2a9d8f', timeZone: 'America/New_York' });
  const f = await call('engineers:save', { name: 'Engineer F', color: '#e76f51', timeZone: 'America/New_York' });
  return call('rotations:create', {
    name: 'Experiments, business hours',
    timeZone: 'America/New_York',
    startDate: '2026-11-23',
    shiftDays: 7,
    handoffTime: '09:00',
    memberIds: [e.id, f.id],
    coverage: { weekdays: [1, 2, 3, 4, 5], hours: { from: '09:00', until: '18:00' } },
  });
}

/** Saves a pipeline as it is, answered by `rotationId`. */
async function route(name: string, rotationId: number | null) {
  const { retiredAt: _retiredAt, ...fields } = pipeline(name);
  await call('pipelines:save', { ...fields, rotationId });
}

describe('who do I call now for a pipeline on a business-hours rotation', () => {
  it('calls the business-hours rotation at Tue 10:00 and falls through to the owner at Tue 22:00', async () => {
    const layer = await businessHours();
    await route('Daily Growth', layer.id);
    const dailyGrowth = pipeline('Daily Growth').id;

    const day = await call('escalation:who', { pipelineId: dailyGrowth, at: TUE_10 });
    expect(day.rotation?.name).toBe('Experiments, business hours');
    expect(day.levels!.map((l) => [l.roleLabel, l.name, l.problem])).toEqual([
      ['On-call primary', 'Engineer E', null],
      ['On-call secondary', 'Engineer F', null],
      ['Pipeline primary owner', 'Engineer D', null],
      ['Pipeline secondary owner', 'Engineer A', null],
      ['Team lead', 'Data engineering lead', null],
    ]);

    const night = await call('escalation:who', { pipelineId: dailyGrowth, at: TUE_22 });
    expect(night.levels!.slice(0, 3).map((l) => [l.name, l.problem, l.fallsThroughTo])).toEqual([
      [null, `Nobody from Experiments, business hours is on call now: it covers ${COVERS}`, 3],
      [null, `Nobody from Experiments, business hours is on call then: it covers ${COVERS}`, 3],
      ['Engineer D', null, null],
    ]);
    // Aggregate Profit still answers to the example team's rotation round the clock: Engineer C's week.
    const profit = await call('escalation:who', { pipelineId: pipeline('Aggregate Profit').id, at: TUE_22 });
    expect(profit.levels![0]!.name).toBe('Engineer C');
  });

  it('says no rotation answers for an unrouted pipeline, and warns on Today and the ownership matrix', async () => {
    await route('Daily Growth', null);
    const who = await call('escalation:who', { pipelineId: pipeline('Daily Growth').id, at: TUE_10 });
    expect(who.rotation).toBeNull();
    expect(who.levels![0]).toMatchObject({
      name: null,
      problem: 'No rotation answers for this pipeline: choose one in its settings on the Ownership screen',
      fallsThroughTo: 3,
    });
    const message = 'No rotation answers for Daily Growth: nobody on call is called for it. Choose its rotation.';
    const today = await call('today:get', {});
    expect(today.warnings.filter((w) => w.kind === 'pipeline_unrouted').map((w) => w.message)).toEqual([message]);
    const matrix = await call('ownership:matrix', {});
    expect(matrix.warnings.find((w) => w.kind === 'pipeline_unrouted')).toMatchObject({
      message,
      link: { screen: 'ownership', pipelineId: pipeline('Daily Growth').id },
    });
  });

  it('invites the pipeline rotation’s pair to a drill, and says why nobody is on call outside its hours', async () => {
    const layer = await businessHours();
    await route('Daily Growth', layer.id);
    const dailyGrowth = pipeline('Daily Growth').id;
    const day = await call('drills:on-call', { at: TUE_10, pipelineId: dailyGrowth });
    expect([nameOf(day.primaryId), nameOf(day.secondaryId), day.nobody]).toEqual(['Engineer E', 'Engineer F', null]);
    const night = await call('drills:on-call', { at: TUE_22, pipelineId: dailyGrowth });
    expect(night).toMatchObject({ primaryId: null, secondaryId: null });
    expect(night.nobody).toBe(`Nobody from Experiments, business hours is on call then: it covers ${COVERS}`);

    const scenarioId = app.repos.runbooks.get(dailyGrowth)!.scenarios[0]!.id;
    const drill = await call('drills:schedule', {
      pipelineId: dailyGrowth,
      scenarioId,
      scheduledAt: TUE_10,
      facilitatorId: app.repos.engineers.findByName('Engineer A')!.id,
    });
    expect(drill.drill.participants.map((p) => [nameOf(p.engineerId), p.role])).toEqual([
      ['Engineer E', 'primary'],
      ['Engineer F', 'secondary'],
    ]);
    const before = JSON.stringify(app.repos.drills.list());
    expect(
      await refusal('drills:schedule', {
        pipelineId: dailyGrowth,
        scenarioId,
        scheduledAt: TUE_22,
        facilitatorId: app.repos.engineers.findByName('Engineer A')!.id,
      }),
    ).toBe(
      `participantIds: Nobody from Experiments, business hours is on call then: it covers ${COVERS}; choose the participants.`,
    );
    expect(JSON.stringify(app.repos.drills.list())).toBe(before);
  });
});

describe("the team's own day", () => {
  it('follows the team’s time zone, not the first rotation’s', async () => {
    // Sat 21 Nov 2026, 15:00 UTC: still Saturday in New York, already Sunday in Auckland.
    expect((await call('slas:deadlines', { days: 1 })).from).toBe('2026-11-21');
    await call('team:set-time-zone', { timeZone: 'Pacific/Auckland' });
    expect((await call('slas:deadlines', { days: 1 })).from).toBe('2026-11-22');
    expect((await call('drills:list', {})).timeZone).toBe('Pacific/Auckland');
    expect((await call('today:get', {})).timeZone).toBe('Pacific/Auckland');
  });
});

describe('SLA deadlines', () => {
  it('say when nobody from the pipeline’s rotation is on call as one falls due', async () => {
    const layer = await businessHours();
    await route('Daily Growth', layer.id);
    // Daily Growth is due at 12:00 New York time every day, weekends too.
    const view = await call('slas:deadlines', { from: '2026-11-27', days: 3 });
    const growth = view.deadlines.filter((d) => d.pipelineName === 'Daily Growth');
    expect(growth.map((d) => [d.deadline.localDate, d.nobodyOnCall])).toEqual([
      ['2026-11-27', null],
      ['2026-11-28', `Nobody from Experiments, business hours is on call then: it covers ${COVERS}`],
      ['2026-11-29', `Nobody from Experiments, business hours is on call then: it covers ${COVERS}`],
    ]);
    // The pipelines still answered by the example team's rotation have someone at every deadline.
    expect(view.deadlines.filter((d) => d.pipelineName !== 'Daily Growth').every((d) => d.nobodyOnCall === null)).toBe(
      true,
    );
  });
});

describe('Today with several rotations', () => {
  it('shows each rotation in use in the lead’s order, with nobody from the layer outside its hours', async () => {
    const layer = await businessHours();
    await route('Daily Growth', layer.id);
    const night = await call('today:get', { at: TUE_22 });
    expect(night.rotations.map((r) => r.rotation.name)).toEqual([
      'Data engineering on-call',
      'Experiments, business hours',
    ]);
    const [team, experiments] = night.rotations;
    expect(nameOf(team!.now?.primaryId)).toBe('Engineer C');
    expect(experiments).toMatchObject({
      now: null,
      nobody: `Nobody from Experiments, business hours is on call now: it covers ${COVERS}`,
      covers: COVERS,
      // Wednesday 09:00 to 18:00 EST.
      next: { since: '2026-11-25T14:00:00.000Z', until: '2026-11-25T23:00:00.000Z' },
    });
    expect(nameOf(experiments!.next?.primaryId)).toBe('Engineer E');

    const day = await call('today:get', { at: TUE_10 });
    expect(day.rotations[1]).toMatchObject({ nobody: null, now: { until: '2026-11-24T23:00:00.000Z' } });
    expect(nameOf(day.rotations[1]!.now?.primaryId)).toBe('Engineer E');
    // Each holiday says who holds it in each rotation: Thanksgiving is a Thursday, so E holds it at noon too.
    const thanksgiving = day.upcomingHolidays.find((h) => h.name === 'Thanksgiving Day')!;
    expect(thanksgiving.holders.map((h) => nameOf(h.primaryId))).toEqual(['Engineer A', 'Engineer E']);
  });

  it('leaves an archived rotation off Today and warns about the pipelines it answered for', async () => {
    const layer = await businessHours();
    await route('Daily Growth', layer.id);
    await call('rotations:archive', { rotationId: layer.id, archived: true });
    const today = await call('today:get', {});
    expect(today.rotations.map((r) => r.rotation.name)).toEqual(['Data engineering on-call']);
    expect(today.warnings.find((w) => w.kind === 'pipeline_unrouted')?.message).toBe(
      'Daily Growth is answered by Experiments, business hours, which is archived: nobody on call is called for it. Choose another rotation.',
    );
  });
});

describe('an archived rotation', () => {
  it('refuses schedule edits, undo and changes to the rotation, and takes them again once brought back', async () => {
    const layer = await businessHours();
    const swap = { op: 'swap', rotationId: layer.id, shiftA: 1, shiftB: 2, reason: '' } as const;
    await call('schedule:apply', { operation: swap });
    await call('rotations:archive', { rotationId: layer.id, archived: true });
    const before = JSON.stringify(app.repos.rotations.overrides(layer.id));
    const archived = 'Experiments, business hours was archived on Sat 21 Nov 2026';

    expect(await refusal('schedule:apply', { operation: { ...swap, shiftA: 3, shiftB: 4 } })).toBe(
      `${archived}, so its schedule cannot be changed: bring it back on the Team screen first.`,
    );
    expect(await refusal('schedule:undo', { rotationId: layer.id })).toBe(
      `${archived}, so its edits cannot be undone: bring it back on the Team screen first.`,
    );
    const stored = (await call('rotations:list', {})).find((r) => r.id === layer.id)!;
    expect(await refusal('rotations:save', { ...stored, name: 'Experiments' })).toBe(
      `${archived}, so it cannot be edited: bring it back on the Team screen first.`,
    );
    expect(JSON.stringify(app.repos.rotations.overrides(layer.id))).toBe(before);
    expect(app.repos.rotations.get(layer.id)!.name).toBe('Experiments, business hours');

    await call('rotations:archive', { rotationId: layer.id, archived: false });
    await call('schedule:undo', { rotationId: layer.id });
    expect(app.repos.rotations.overrides(layer.id)).toEqual([]);
  });
});
