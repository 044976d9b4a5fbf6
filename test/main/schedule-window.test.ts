// The schedule of a window reads only what can touch that window: a team with years of time
// away gets the same quick answer as a new one, and the renderer gets only what it draws.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import { startOfLocalDayMs, zonedMs } from '../../src/shared/domain/time';
import { unpackScheduleWindow } from '../../src/shared/schedule-window';
import type { ArgsIn, Channel, ResultOf } from '../../src/shared/ipc/contract';
import { FROZEN_NOW, handClock, testApp } from '../support/app';

let app: WatchbillApp;
beforeEach(() => (app = testApp()));
afterEach(() => app.close());

async function call<K extends Channel>(channel: K, args: ArgsIn<K>): Promise<ResultOf<K>> {
  const result = await app.dispatch(channel, args);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ResultOf<K>;
}
const id = (name: string) => app.repos.engineers.findByName(name)!.id;

// March 2027 in New York: midnight 1 March to midnight 1 April.
const MARCH = { from: '2027-03-01T05:00:00.000Z', to: '2027-04-01T04:00:00.000Z' };

describe('a window of the schedule', () => {
  it('carries the time away that touches the window and none of the years before or after', async () => {
    const b = id('Engineer B');
    const away = async (startDate: string, endDate: string, reason: string) =>
      call('unavailability:add', { engineerId: b, startDate, endDate, reason });
    await away('2024-06-03', '2024-06-07', 'long ago');
    await away('2027-02-25', '2027-03-02', 'across the start');
    await away('2027-03-15', '2027-03-16', 'inside');
    await away('2027-03-31', '2027-04-03', 'across the end');
    await away('2029-01-01', '2029-01-05', 'far ahead');

    const view = await call('schedule:get', MARCH);
    const reasons = view.unavailability.filter((u) => u.engineerId === b).map((u) => u.reason);
    expect(reasons).toEqual(['across the start', 'inside', 'across the end']);
    // Every record still counts where it matters: the whole list is intact.
    expect((await call('unavailability:list', {})).filter((u) => u.engineerId === b)).toHaveLength(5);
  });

  it('keeps time away a day outside the window when it may fall inside in the engineer’s own zone', async () => {
    const b = id('Engineer B');
    // 28 Feb in the team's zone may already be 1 March for someone far to the east.
    await call('unavailability:add', { engineerId: b, startDate: '2027-02-28', endDate: '2027-02-28', reason: 'edge' });
    const view = await call('schedule:get', MARCH);
    expect(view.unavailability.map((u) => u.reason)).toContain('edge');
  });

  it('answers holidays and overrides of the window only', async () => {
    const view = await call('schedule:get', MARCH);
    for (const holiday of view.holidays)
      expect(holiday.date >= '2027-02-28' && holiday.date <= '2027-04-01').toBe(true);
    for (const o of view.overrides) expect(o.startsAt < MARCH.to && o.endsAt > MARCH.from).toBe(true);
  });
});

describe('the calendar’s packed window', () => {
  it('is the schedule schedule:get answers, in half the text or less', async () => {
    app.close();
    const clock = handClock(FROZEN_NOW);
    app = testApp({ clock });
    const [b, c] = [id('Engineer B'), id('Engineer C')];
    // An odd instant (not a whole minute), a swap's twins and edits made at different moments.
    await call('schedule:apply', {
      operation: {
        op: 'cover',
        from: '2027-03-10T14:00:30.500Z',
        to: '2027-03-11T02:15:00.000Z',
        role: 'primary',
        engineerId: c,
        kind: 'cover',
        reason: 'half a minute late',
      },
    });
    const march = await call('schedule:get', MARCH);
    const [first, second] = [...new Set(march.segments.map((s) => s.shiftIndex))];
    clock.set(new Date(FROZEN_NOW.getTime() + 61_234));
    await call('schedule:apply', { operation: { op: 'swap', shiftA: first!, shiftB: second!, reason: 'trade' } });
    await call('unavailability:add', {
      engineerId: b,
      startDate: '2027-03-15',
      endDate: '2027-03-16',
      reason: 'inside',
    });

    const view = await call('schedule:get', MARCH);
    const packed = await call('schedule:window', MARCH);
    // As the renderer gets it: through JSON.
    const text = JSON.stringify(packed);
    expect(unpackScheduleWindow(JSON.parse(text))).toEqual(view);
    expect(view.overrides.some((o) => o.startsAt === '2027-03-10T14:00:30.500Z')).toBe(true);
    expect(view.overrides.some((o) => o.twinId !== null)).toBe(true);
    expect(new Set(view.overrides.map((o) => o.createdAt)).size).toBe(2);
    expect(text.length).toBeLessThan(JSON.stringify(view).length / 2);
  });

  it('carries time away of those it can show: members, the roster, whoever is on call in it', async () => {
    const saved = await call('engineers:save', {
      name: 'Former Engineer',
      email: null,
      color: '#0e7490',
      active: false,
      timeZone: 'America/New_York',
    });
    await call('unavailability:add', {
      engineerId: saved.id,
      startDate: '2027-03-10',
      endDate: '2027-03-12',
      reason: 'gone',
    });
    const reasons = async () => (await call('schedule:get', MARCH)).unavailability.map((u) => u.reason);
    expect(await reasons()).not.toContain('gone');

    // On call in the window after all (covering during their time away): their time away comes
    // with it, and the warning says so.
    await call('schedule:apply', {
      operation: {
        op: 'cover-days',
        dates: ['2027-03-11'],
        role: 'primary',
        engineerId: saved.id,
        kind: 'cover',
        reason: '',
      },
    });
    expect(await reasons()).toContain('gone');
    const warnings = (await call('schedule:get', MARCH)).warnings;
    expect(warnings.some((w) => w.kind === 'oncall_unavailable' && w.engineerIds.includes(saved.id))).toBe(true);
  });
});

describe('zoned day boundaries', () => {
  it('answer the same instant the second time, across a daylight-saving change', () => {
    // New York springs forward on 14 March 2027: that day is 23 hours long.
    const first = startOfLocalDayMs('2027-03-14', 'America/New_York');
    const next = startOfLocalDayMs('2027-03-15', 'America/New_York');
    expect(next - first).toBe(23 * 3_600_000);
    expect(startOfLocalDayMs('2027-03-14', 'America/New_York')).toBe(first);
    expect(new Date(zonedMs('2027-03-14', '09:00', 'America/New_York')).toISOString()).toBe('2027-03-14T13:00:00.000Z');
    expect(new Date(zonedMs('2027-03-14', '09:00', 'Europe/Berlin')).toISOString()).toBe('2027-03-14T08:00:00.000Z');
  });
});
