// @vitest-environment jsdom
// What a chip on the calendar says, as FullCalendar asks each view to draw it.
import type { EventContentArg } from '@fullcalendar/core';
import { describe, expect, test } from 'vitest';
import { eventContent } from '../../src/renderer/features/calendar/calendarContent';
import { drillEvents } from '../../src/renderer/features/calendar/events';
import type { ScheduleView } from '../../src/shared/views';

const due = (pipelineId: number, pipelineName: string, state: 'due' | 'overdue', date: string) => ({
  pipelineId,
  pipelineName,
  state,
  date,
});
const view = {
  drills: {
    drills: [],
    due: [
      due(1, 'Aggregate Profit', 'due', '2026-12-21'),
      due(2, 'Aggregate Growth', 'due', '2026-12-21'),
      due(3, 'Aggregate Costs', 'due', '2026-12-21'),
      due(4, 'Aggregate Growth', 'overdue', '2026-12-01'),
    ],
  },
} as unknown as ScheduleView;
const events = drillEvents(view, 'America/New_York');

/** The chip FullCalendar would draw for the event, in the view given: what is seen, what is said. */
const chip = (title: string, viewType: string) => {
  const input = events.find((e) => e.title === title)!;
  const arg = { event: { title: input.title, extendedProps: input.extendedProps }, view: { type: viewType } };
  const node = (eventContent(arg as unknown as EventContentArg) as { domNodes: HTMLElement[] }).domNodes[0]!;
  const seen = [...node.querySelectorAll('span:not(.sr-only)')].map((n) => n.textContent).join('');
  return {
    seen: seen || node.textContent,
    said: node.querySelector('.sr-only')?.textContent ?? node.textContent,
    tip: node.title,
  };
};

describe('drill chips', () => {
  test('the drills due on one day share one chip that says how many, and names them all', () => {
    expect(events.map((e) => [e.start, e.title])).toEqual([
      ['2026-12-21', 'Drills due: Aggregate Profit, Aggregate Growth, Aggregate Costs'],
      ['2026-12-01', 'Drill overdue: Aggregate Growth'],
    ]);
    const three = chip('Drills due: Aggregate Profit, Aggregate Growth, Aggregate Costs', 'dayGridMonth');
    // Short enough for a day cell; the whole of it in the tooltip and for screen readers.
    expect(three).toEqual({
      seen: '3 drills due',
      said: 'Drills due: Aggregate Profit, Aggregate Growth, Aggregate Costs',
      tip: 'Drills due: Aggregate Profit, Aggregate Growth, Aggregate Costs',
    });
  });

  test('a single drill due shows its pipeline, not a cut "Drill due: …"', () => {
    expect(chip('Drill overdue: Aggregate Growth', 'multiMonthQuarter')).toEqual({
      seen: 'Aggregate Growth',
      said: 'Drill overdue: Aggregate Growth',
      tip: 'Drill overdue: Aggregate Growth',
    });
  });

  test('the list, with room for it, shows the whole title', () => {
    const listed = chip('Drills due: Aggregate Profit, Aggregate Growth, Aggregate Costs', 'listMonth');
    expect(listed.seen).toBe('Drills due: Aggregate Profit, Aggregate Growth, Aggregate Costs');
  });
});
