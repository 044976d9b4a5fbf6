import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import type { ArgsIn, Channel, ResultOf } from '../../src/shared/ipc/contract';
import { testApp } from '../support/app';

let app: WatchbillApp;
afterEach(() => app.close());

async function call<K extends Channel>(channel: K, args: ArgsIn<K>): Promise<ResultOf<K>> {
  const result = await app.dispatch(channel, args);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ResultOf<K>;
}
const engineer = (name: string, color: string) =>
  call('engineers:save', { name, email: null, color, timeZone: 'America/New_York' });

const rotationDraft = (memberIds: number[]) => ({
  name: 'Data on call',
  timeZone: 'America/New_York',
  startDate: '2026-11-02',
  shiftDays: 7,
  handoffTime: '09:00',
  memberIds,
});

describe('a team built from an empty database', () => {
  beforeEach(() => (app = testApp({ empty: true })));

  it('refuses a colour the Team form refuses, by the same rule, and saves nothing', async () => {
    for (const [color, message] of [
      ['#777777', /color: Names are hard to read on this colour/],
      ['#fde047', /color: This colour is too pale to see on the calendar/],
    ] as const) {
      const result = await app.dispatch('engineers:save', { name: 'Pale', color, timeZone: 'UTC' });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(message) },
      });
    }
    expect(await call('engineers:list', {})).toEqual([]);
  });

  it('creates the rotation, and the schedule follows its members in order', async () => {
    const [ada, bo, cy] = [
      await engineer('Ada', '#2563eb'),
      await engineer('Bo', '#b45309'),
      await engineer('Cy', '#047857'),
    ];
    expect(await call('rotations:list', {})).toEqual([]);
    const rotation = await call('rotations:create', rotationDraft([ada.id, bo.id, cy.id]));
    expect(rotation).toMatchObject({ name: 'Data on call', shiftDays: 7, memberIds: [ada.id, bo.id, cy.id] });
    const view = await call('schedule:get', { from: '2026-11-02T14:00:00.000Z', to: '2026-11-30T14:00:00.000Z' });
    expect(view.segments.map((s) => [s.startsAt, s.primaryId, s.secondaryId])).toEqual([
      ['2026-11-02T14:00:00.000Z', ada.id, bo.id],
      ['2026-11-09T14:00:00.000Z', bo.id, cy.id],
      ['2026-11-16T14:00:00.000Z', cy.id, ada.id],
      ['2026-11-23T14:00:00.000Z', ada.id, bo.id],
    ]);
  });

  it('refuses a rotation named like another, an unknown member, no members or someone twice, and keeps nothing', async () => {
    const ada = await engineer('Ada', '#2563eb');
    expect(await app.dispatch('rotations:create', rotationDraft([ada.id, 99]))).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'There is no engineer #99.' },
    });
    expect(await app.dispatch('rotations:create', rotationDraft([]))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('needs at least one engineer') },
    });
    expect(await app.dispatch('rotations:create', rotationDraft([ada.id, ada.id]))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('lists someone twice') },
    });
    expect(await app.dispatch('rotations:create', { ...rotationDraft([ada.id]), shiftDays: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('must be at least 1 day') },
    });
    expect(await call('rotations:list', {})).toEqual([]);
    await call('rotations:create', rotationDraft([ada.id]));
    expect(await app.dispatch('rotations:create', { ...rotationDraft([ada.id]), name: 'DATA ON CALL' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'There is already a rotation called Data on call: pick another name.' },
    });
    expect(await call('rotations:list', {})).toHaveLength(1);
    // A second rotation beside the first is how a business-hours or weekend layer starts.
    const second = await call('rotations:create', {
      ...rotationDraft([ada.id]),
      name: 'Experiments, business hours',
      coverage: { weekdays: [1, 2, 3, 4, 5], hours: { from: '09:00', until: '18:00' } },
    });
    expect(second).toMatchObject({ position: 1, archivedAt: null, allowsDoubleDuty: false });
    expect((await call('rotations:list', {})).map((r) => r.name)).toEqual([
      'Data on call',
      'Experiments, business hours',
    ]);
  });

  it('keeps an engineer who is made inactive, with their history', async () => {
    const ada = await engineer('Ada', '#2563eb');
    await call('unavailability:add', { engineerId: ada.id, startDate: '2026-12-01', endDate: '2026-12-02' });
    const saved = await call('engineers:save', { ...ada, active: false });
    expect(saved.active).toBe(false);
    expect(await call('engineers:list', {})).toEqual([saved]);
    expect(await call('unavailability:list', {})).toHaveLength(1);
  });
});

describe('time away', () => {
  beforeEach(() => (app = testApp()));
  const idOf = (name: string) => app.repos.engineers.findByName(name)!.id;

  it('adds, lists and removes time away, and the engine warns when it falls on a shift', async () => {
    const before = await call('unavailability:list', {});
    // Shift 1 of the example rotation, 8–15 Jan 2026, is Engineer B's.
    const added = await call('unavailability:add', {
      engineerId: idOf('Engineer B'),
      startDate: '2026-01-12',
      endDate: '2026-01-13',
      reason: '  Dentist  ',
    });
    expect(added).toMatchObject({ startDate: '2026-01-12', endDate: '2026-01-13', reason: 'Dentist' });
    expect(await call('unavailability:list', {})).toContainEqual(added);
    const range = { from: '2026-01-01T14:00:00.000Z', to: '2026-01-29T14:00:00.000Z' };
    const warned = (await call('schedule:get', range)).warnings.filter((w) => w.kind === 'oncall_unavailable');
    expect(warned.map((w) => w.message)).toContainEqual(expect.stringContaining('Engineer B is on call (primary)'));

    expect(await call('unavailability:remove', { unavailabilityId: added.id })).toBeNull();
    expect(await call('unavailability:list', {})).toEqual(before);
    expect((await call('schedule:get', range)).warnings.filter((w) => w.kind === 'oncall_unavailable')).toEqual([]);
    expect(await app.dispatch('unavailability:remove', { unavailabilityId: added.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'This time away was already removed.' },
    });
  });

  it('refuses a last day before the first, an unknown engineer or an overlap, and changes nothing', async () => {
    const before = await call('unavailability:list', {});
    const bad = await app.dispatch('unavailability:add', {
      engineerId: idOf('Engineer A'),
      startDate: '2026-03-10',
      endDate: '2026-03-09',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!bad.ok && bad.error.message).toContain('must not be before the first day');
    expect(
      await app.dispatch('unavailability:add', { engineerId: 404, startDate: '2026-03-10', endDate: '2026-03-10' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found', message: 'There is no engineer #404.' } });

    await call('unavailability:add', {
      engineerId: idOf('Engineer A'),
      startDate: '2026-03-10',
      endDate: '2026-03-12',
    });
    expect(
      await app.dispatch('unavailability:add', {
        engineerId: idOf('Engineer A'),
        startDate: '2026-03-12',
        endDate: '2026-03-20',
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Engineer A is already away from Tue 10 Mar to Thu 12 Mar: remove that first.',
      },
    });
    // Someone else may be away on the same days.
    await call('unavailability:add', {
      engineerId: idOf('Engineer B'),
      startDate: '2026-03-12',
      endDate: '2026-03-12',
    });
    expect(await call('unavailability:list', {})).toHaveLength(before.length + 2);
  });
});
