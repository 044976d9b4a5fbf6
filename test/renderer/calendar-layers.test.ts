// @vitest-environment jsdom
// The calendar's store with two rotations, against the real main process (the example team and
// a business-hours rotation beside it): the rotation worked on names itself in every request,
// the other is loaded as a layer, and an edit lands in the rotation worked on only.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Api } from '../../src/shared/ipc/contract';
import type { AppStore } from '../../src/renderer/store';
import type { WatchbillApp } from '../../src/main/app';
import type { Rotation } from '../../src/shared/model';
import { testApp } from '../support/app';
import { NOVEMBER } from '../support/calendar-range';

let app: WatchbillApp;
let store: { getState: () => AppStore };
let team: Rotation;
let business: Rotation;
/** Every request the renderer made, with its arguments. */
let requests: { channel: string; args: Record<string, unknown> }[];

beforeEach(async () => {
  app = testApp();
  team = app.repos.rotations.list()[0]!;
  const [a, b] = app.repos.engineers.list();
  business = await app.handlers['rotations:create']({
    name: 'Experiments business hours',
    timeZone: 'America/New_York',
    startDate: '2026-10-05',
    shiftDays: 7,
    handoffTime: '09:00',
    memberIds: [b!.id, a!.id],
    coverage: { weekdays: [1, 2, 3, 4, 5], hours: { from: '09:00', until: '18:00' } },
    allowsDoubleDuty: true,
  });
  requests = [];
  window.api = new Proxy({} as Api, {
    get: (_target, channel: string) => (args: Record<string, unknown>) => {
      requests.push({ channel, args });
      return app.dispatch(channel, args);
    },
  });
  vi.resetModules();
  store = (await import('../../src/renderer/store')).useStore;
  await store.getState().loadCalendarRotation();
});

afterEach(() => {
  delete window.api;
  app.close();
});

const s = () => store.getState();
/** The rotation each rotation-scoped request named. */
const named = (channel: string) =>
  requests.filter((r) => r.channel === channel).map((r) => r.args.rotationId ?? r.args.operation);

describe('the calendar with two rotations', () => {
  test('works on the lead’s first rotation and loads the other as a layer, each request naming its rotation', async () => {
    expect(s().calendarRotation?.id).toBe(team.id);
    expect(s().calendarRotations.map((r) => r.id)).toEqual([team.id, business.id]);
    await s().loadSchedule(NOVEMBER);
    expect(s().scheduleState.error).toBeNull();
    expect(s().schedule?.rotation.id).toBe(team.id);
    await s().loadLayers(NOVEMBER);
    const layer = s().layerViews[business.id]!;
    expect(layer.rotation.id).toBe(business.id);
    // Business hours only: every layer shift starts at 09:00 on a weekday in New York (14:00 UTC in November after the change).
    expect(layer.segments.length).toBeGreaterThan(20);
    expect(layer.segments.every((seg) => ['13:00', '14:00'].includes(seg.startsAt.slice(11, 16)))).toBe(true);
    // The rotation worked on comes as the packed window, the layer as its schedule.
    expect(named('schedule:window')).toEqual([team.id]);
    expect(named('schedule:get')).toEqual([business.id]);
    expect(named('fairness:get')).toEqual([team.id]);
  });

  test('a swap made while working on the other rotation changes that rotation only, and undo walks its own journal', async () => {
    await s().loadSchedule(NOVEMBER);
    await s().chooseCalendarRotation(business.id);
    expect(s().schedule?.rotation.id).toBe(business.id);
    // Its own rotation is no longer a layer; the example team's is.
    expect(s().layerViews[business.id]).toBeUndefined();
    expect(s().layerViews[team.id]?.rotation.id).toBe(team.id);

    const teamOverridesBefore = app.repos.rotations.overrides(team.id);
    expect(await s().applyEdit({ op: 'swap', shiftA: 5, shiftB: 6, reason: 'Swapped on the calendar' })).toBe(true);
    expect(app.repos.rotations.overrides(business.id).length).toBeGreaterThan(0);
    expect(app.repos.rotations.overrides(team.id)).toEqual(teamOverridesBefore);
    expect(named('schedule:apply')).toEqual([expect.objectContaining({ op: 'swap', rotationId: business.id })]);
    expect(s().schedule?.canUndo).toBe('Swap shifts');
    expect(await s().undoEdit()).toBe(true);
    expect(app.repos.rotations.overrides(business.id)).toHaveLength(0);
    expect(app.repos.rotations.overrides(team.id)).toEqual(teamOverridesBefore);
    expect(named('schedule:undo')).toEqual([business.id]);
  });

  test('an archived rotation leaves the calendar; the one worked on falls back to the first in use', async () => {
    await s().chooseCalendarRotation(business.id);
    await app.handlers['rotations:archive']({ rotationId: business.id, archived: true });
    await s().loadCalendarRotation();
    expect(s().calendarRotation?.id).toBe(team.id);
    expect(s().calendarRotations.map((r) => r.id)).toEqual([team.id]);
  });
});
