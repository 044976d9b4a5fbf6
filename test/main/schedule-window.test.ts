// The schedule of a window reads only what can touch that window: a team with years of time
// away gets the same quick answer as a new one, and the renderer gets only what it draws.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import { startOfLocalDayMs, zonedMs } from '../../src/shared/domain/time';
import type { ArgsIn, Channel, ResultOf } from '../../src/shared/ipc/contract';
import { testApp } from '../support/app';

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
