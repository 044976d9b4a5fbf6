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
const idOf = (name: string) => app.repos.engineers.findByName(name)!.id;

/** The experiment pipelines' rotation: Mon–Fri 09:00–18:00 New York time, C and D weekly. */
const businessHours = () => call('rotations:create', businessHoursDraft([idOf('Engineer C'), idOf('Engineer D')]));

describe('several rotations', () => {
  it("draws a business-hours layer only in its hours, in its own zone, beside the example team's rotation", async () => {
    const layer = await businessHours();
    // Tue 24 Nov to Tue 1 Dec 2026, New York: Thanksgiving week has five working days.
    const view = await call('schedule:get', {
      rotationId: layer.id,
      from: '2026-11-24T05:00:00.000Z',
      to: '2026-12-01T05:00:00.000Z',
    });
    expect(view.segments.map((s) => [s.startsAt, s.endsAt])).toEqual([
      ['2026-11-24T14:00:00.000Z', '2026-11-24T23:00:00.000Z'],
      ['2026-11-25T14:00:00.000Z', '2026-11-25T23:00:00.000Z'],
      ['2026-11-26T14:00:00.000Z', '2026-11-26T23:00:00.000Z'],
      ['2026-11-27T14:00:00.000Z', '2026-11-27T23:00:00.000Z'],
      ['2026-11-30T14:00:00.000Z', '2026-11-30T23:00:00.000Z'],
    ]);
    // The example team's rotation still answers round the clock.
    const [team] = await call('rotations:list', {});
    const teamView = await call('schedule:get', {
      rotationId: team!.id,
      from: '2026-11-24T05:00:00.000Z',
      to: '2026-12-01T05:00:00.000Z',
    });
    expect(teamView.segments[0]!.startsAt).toBe('2026-11-24T05:00:00.000Z');
    expect(teamView.segments.at(-1)!.endsAt).toBe('2026-12-01T05:00:00.000Z');
  });

  it('asks which rotation when a request names none and there are several', async () => {
    await businessHours();
    const answer = await app.dispatch('schedule:get', {
      from: '2026-11-24T05:00:00.000Z',
      to: '2026-12-01T05:00:00.000Z',
    });
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Say which rotation: the team has 2 (Data engineering on-call, Experiments, business hours).',
      },
    });
  });

  it('archives a rotation: its schedule ends there, its history stays, and it can come back', async () => {
    const layer = await businessHours();
    const archived = await call('rotations:archive', { rotationId: layer.id });
    // The app's clock is frozen at Sat 21 Nov 2026 15:00 UTC.
    expect(archived.archivedAt).toBe('2026-11-21T15:00:00.000Z');
    const range = { rotationId: layer.id, from: '2026-11-02T05:00:00.000Z', to: '2026-12-01T05:00:00.000Z' };
    const segments = (await call('schedule:get', range)).segments;
    expect(segments.length).toBe(15); // three working weeks before the archive, nothing after
    expect(segments.at(-1)!.endsAt).toBe('2026-11-20T23:00:00.000Z');
    // With one rotation in use again, a request that names none is that rotation's.
    expect((await call('schedule:get', { from: range.from, to: range.to })).rotation.name).toBe(
      'Data engineering on-call',
    );
    const back = await call('rotations:archive', { rotationId: layer.id, archived: false });
    expect(back.archivedAt).toBeNull();
    expect((await call('schedule:get', range)).segments).toHaveLength(21); // every working day of November again
  });

  it("puts rotations in the lead's order, and refuses an order that leaves one out", async () => {
    const layer = await businessHours();
    const [team] = await call('rotations:list', {});
    const ordered = await call('rotations:reorder', { rotationIds: [layer.id, team!.id] });
    expect(ordered.map((r) => [r.name, r.position])).toEqual([
      ['Experiments, business hours', 0],
      ['Data engineering on-call', 1],
    ]);
    expect(await app.dispatch('rotations:reorder', { rotationIds: [layer.id] })).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'The new order leaves out Data engineering on-call: list every rotation once.',
      },
    });
    expect((await call('rotations:list', {})).map((r) => r.id)).toEqual([layer.id, team!.id]);
  });

  it('refuses a layer whose hours start and end at the same time, saying where', async () => {
    const answer = await app.dispatch('rotations:create', {
      name: 'Odd',
      timeZone: 'UTC',
      startDate: '2026-11-02',
      shiftDays: 7,
      handoffTime: '09:00',
      memberIds: [idOf('Engineer A')],
      coverage: { weekdays: null, hours: { from: '09:00', until: '09:00' } },
    });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringContaining('coverage.hours.until: must end at another time'),
      },
    });
    expect(await call('rotations:list', {})).toHaveLength(1);
  });

  it('routes a pipeline to a rotation, and refuses one that does not exist', async () => {
    const layer = await businessHours();
    const growth = app.repos.pipelines.list().find((p) => p.name === 'Daily Growth')!;
    const { retiredAt: _retiredAt, ...fields } = growth;
    const saved = await call('pipelines:save', { ...fields, rotationId: layer.id });
    expect(saved.pipeline).toMatchObject({ rotationId: layer.id });
    expect(await app.dispatch('pipelines:save', { ...fields, rotationId: 999 })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no rotation #999.' },
    });
  });
});
