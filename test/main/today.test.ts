import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import type { TodayView } from '../../src/shared/views';
import { testApp } from '../support/app';

let app: WatchbillApp;
beforeEach(() => (app = testApp()));
afterEach(() => app.close());

async function today(at?: string): Promise<TodayView> {
  const result = await app.dispatch('today:get', at ? { at } : {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as TodayView;
}

describe('Today with the example team (frozen at Sat 21 Nov 2026)', () => {
  const nameOf = (view: TodayView, id: number | null | undefined) => view.engineers.find((e) => e.id === id)?.name;
  /** The example team's one rotation, as Today shows it. */
  const only = (view: TodayView) => {
    expect(view.rotations).toHaveLength(1);
    return view.rotations[0]!;
  };

  it('shows who is on call now and until the Thanksgiving hand-off', async () => {
    const view = await today();
    const { now, nobody, covers } = only(view);
    // Week 47 of the rotation (Thu 19 Nov 09:00 EST → Thu 26 Nov): C, backed by D.
    expect(nameOf(view, now?.primaryId)).toBe('Engineer C');
    expect(nameOf(view, now?.secondaryId)).toBe('Engineer D');
    expect(now?.until).toBe('2026-11-26T14:00:00.000Z');
    // A rotation on call round the clock has no hours to explain.
    expect({ nobody, covers }).toEqual({ nobody: null, covers: null });
  });

  it('shows the Thanksgiving split as who is next, and the next hand-off', async () => {
    const view = await today();
    const { next, nextHandoff } = only(view);
    expect(nameOf(view, next?.primaryId)).toBe('Engineer A');
    expect(nameOf(view, next?.secondaryId)).toBe('Engineer D');
    expect(next?.until).toBe('2026-11-30T02:00:00.000Z');
    expect(nextHandoff).toMatchObject({ at: '2026-11-26T14:00:00.000Z' });
    expect(nameOf(view, nextHandoff?.fromId)).toBe('Engineer C');
    expect(nameOf(view, nextHandoff?.toId)).toBe('Engineer A');
  });

  it('lists the coming holidays with who holds them', async () => {
    const view = await today();
    const rotationId = only(view).rotation.id;
    const holidays = view.upcomingHolidays.map((h) => {
      expect(h.holders.map((holder) => holder.rotationId)).toEqual([rotationId]);
      return [h.date, h.name, h.weight, nameOf(view, h.holders[0]!.primaryId)];
    });
    expect(holidays.slice(0, 5)).toEqual([
      ['2026-11-26', 'Thanksgiving Day', 3, 'Engineer A'],
      ['2026-12-24', 'Christmas Eve', 3, 'Engineer D'],
      ['2026-12-25', 'Christmas Day', 3, 'Engineer D'],
      ['2026-12-31', "New Year's Eve", 3, 'Engineer C'],
      ['2027-01-01', "New Year's Day", 3, 'Engineer C'],
    ]);
  });

  it('warns that Engineer C is backup during the conference', async () => {
    const view = await today();
    const clash = view.warnings.find((w) => w.kind === 'oncall_unavailable');
    expect(clash?.message).toMatch(/Engineer C/);
    expect(clash?.message).toMatch(/Thu 10 Dec/);
    // The message names days as the screens do; the link keeps the ISO date and the rotation a fix changes.
    expect(clash?.message).not.toMatch(/2026-12-10/);
    expect(clash?.link).toEqual({ screen: 'calendar', date: '2026-12-10', rotationId: 1 });
  });

  it('says nothing is planned on an empty database', async () => {
    app.close();
    app = testApp({ empty: true });
    const view = await today();
    expect(view).toMatchObject({ rotations: [], upcomingHolidays: [], warnings: [] });
  });
});
