// @vitest-environment jsdom
// The deck draws the months beside the one in view only once the one in view has its shifts:
// drawing two months out of sight while its schedule arrives would hold back what the lead
// is waiting for (the calendar's first opening, another view, a jump far away).
import { act, cleanup, renderHook } from '@testing-library/react';
import type { DatesSetArg } from '@fullcalendar/core';
import { afterEach, expect, test, vi } from 'vitest';
import { useCalendarDeck } from '../../src/renderer/features/calendar/useCalendarDeck';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Every frame and task the page has waiting runs (the deck's idle moment among them). */
const idle = () => act(() => vi.runAllTimers());

const ZONE = 'America/New_York';

/** What FullCalendar tells on drawing a month: its title and the days of its grid. */
const drawnMonth = (title: string, start: string, end: string) =>
  ({
    view: { title },
    start: new Date(`${start}T00:00:00Z`),
    end: new Date(`${end}T00:00:00Z`),
  }) as unknown as DatesSetArg;
const januaryDrawn = drawnMonth('January 2027', '2026-12-28', '2027-02-08');

test('the months beside the one in view are drawn once its schedule is loaded, not before', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
  let loadedYet = false;
  const asked: string[] = [];
  const store = {
    load: (range: { firstDate: string }) => asked.push(range.firstDate),
    loaded: () => loadedYet,
  };
  const { result, rerender } = renderHook(({ loads }) => useCalendarDeck(ZONE, '2027-01-20', store, loads), {
    initialProps: { loads: 0 },
  });
  expect(result.current.drawn.map((p) => p.id)).toEqual(['month:2027-01-01']);
  act(() => result.current.onDatesSet(result.current.current, januaryDrawn));
  expect(result.current.title).toBe('January 2027');
  expect(asked).toEqual(['2026-12-28']);

  // Its schedule is on the way: the page goes idle, and nothing else is drawn.
  idle();
  expect(result.current.drawn.map((p) => p.id)).toEqual(['month:2027-01-01']);

  loadedYet = true;
  rerender({ loads: 1 });
  idle();
  expect(result.current.drawn.map((p) => p.id)).toEqual(['month:2026-12-01', 'month:2027-01-01', 'month:2027-02-01']);

  // Next: February was drawn; January stays drawn as it is (the same period, not a new one,
  // which would make FullCalendar draw it all again), and March is drawn beside.
  const [, january, february] = result.current.drawn;
  act(() => result.current.step(1));
  act(() => result.current.onDatesSet(february!, drawnMonth('February 2027', '2027-02-01', '2027-03-15')));
  expect(result.current.title).toBe('February 2027');
  idle();
  expect(result.current.drawn.map((p) => p.id)).toEqual(['month:2027-01-01', 'month:2027-02-01', 'month:2027-03-01']);
  expect(result.current.drawn[0]).toBe(january);
  expect(result.current.drawn[1]).toBe(february);
});
