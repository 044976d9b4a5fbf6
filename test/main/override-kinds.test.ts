import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
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
const nameOf = (engineerId: number) => app.repos.engineers.get(engineerId)!.name;

describe('what made an override, and why', () => {
  it('a roster drag over time away says it is a time-away cover and who covers whom', async () => {
    // Shift 51 (24–31 Dec 2026, from 09:00): D primary, A secondary; before that C and D. A is
    // away 24–27 Dec; C is dropped onto those days as secondary, the way the roster's drag asks
    // for it: no kind, no reason. Before 09:00 on the 24th C was primary, so D takes that role.
    await call('unavailability:add', { engineerId: id('Engineer A'), startDate: '2026-12-24', endDate: '2026-12-27' });
    const { applied } = await call('schedule:apply', {
      operation: {
        op: 'cover-days',
        dates: ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-27'],
        role: 'secondary',
        engineerId: id('Engineer C'),
        reason: '',
      },
    });
    expect(applied.add.map((o) => [nameOf(o.engineerId), o.kind, o.reason])).toEqual([
      ['Engineer C', 'time_away_cover', "Engineer C covers Engineer A's time away"],
      ['Engineer D', 'time_away_cover', 'Engineer D takes primary while Engineer C covers secondary'],
    ]);
  });

  it('a cover that displaces someone into the other role says so on both overrides', async () => {
    // Shift 1 (8–15 Jan 2026): B primary, C secondary. C covers primary on 10 Jan; B takes secondary.
    const { applied } = await call('schedule:apply', {
      operation: { op: 'cover-days', dates: ['2026-01-10'], role: 'primary', engineerId: id('Engineer C'), reason: '' },
    });
    expect(applied.add.map((o) => [nameOf(o.engineerId), o.role, o.kind, o.reason])).toEqual([
      ['Engineer C', 'primary', 'cover', 'Engineer C covers Engineer B as primary'],
      ['Engineer B', 'secondary', 'cover', 'Engineer B takes secondary while Engineer C covers primary'],
    ]);
  });

  it('keeps the reason the lead typed, and names both sides of a swap when none was typed', async () => {
    const typed = await call('schedule:apply', {
      operation: {
        op: 'cover-days',
        dates: ['2026-01-10'],
        role: 'primary',
        engineerId: id('Engineer D'),
        kind: 'holiday_cover',
        reason: 'B at a wedding',
      },
    });
    expect(typed.applied.add[0]).toMatchObject({ kind: 'holiday_cover', reason: 'B at a wedding' });
    await call('schedule:undo', {});
    const swap = await call('schedule:apply', { operation: { op: 'swap', shiftA: 1, shiftB: 2, reason: '' } });
    expect(swap.applied.add.every((o) => o.kind === 'swap' && o.reason.includes('in a swap'))).toBe(true);
    expect(swap.applied.add.find((o) => o.role === 'primary' && o.engineerId === id('Engineer C'))?.reason).toBe(
      "Engineer C takes Engineer B's primary duty in a swap",
    );
  });

  it('refuses a cover that says it is manual, and changes nothing', async () => {
    const before = app.repos.rotations.overrides(app.repos.rotations.list()[0]!.id);
    const result = await app.dispatch('schedule:apply', {
      operation: {
        op: 'cover-days',
        dates: ['2026-01-10'],
        role: 'primary',
        engineerId: id('Engineer D'),
        kind: 'manual' as 'cover',
        reason: '',
      },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(result.ok ? '' : result.error.message).toMatch(/kind/);
    expect(app.repos.rotations.overrides(app.repos.rotations.list()[0]!.id)).toEqual(before);
  });
});
