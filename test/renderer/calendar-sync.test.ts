// @vitest-environment jsdom
// How an edit reaches the calendar: only the events that changed are replaced in FullCalendar,
// and the day marks (holiday names, warnings) are refreshed in place.
import { Calendar, type EventInput } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import { afterEach, describe, expect, test } from 'vitest';
import { dayMarksElement, refreshDayMarks, type DayMarks } from '../../src/renderer/features/calendar/dayMarks';
import { syncEvents } from '../../src/renderer/features/calendar/events';
import type { ModelWarning } from '../../src/shared/model';

const shift = (id: string, start: string, end: string): EventInput => ({ id, title: id, start, end, allDay: true });

let calendar: Calendar | null = null;
afterEach(() => {
  calendar?.destroy();
  calendar = null;
  document.body.replaceChildren();
});

function calendarWith(events: EventInput[]): Calendar {
  const el = document.createElement('div');
  document.body.append(el);
  calendar = new Calendar(el, {
    plugins: [dayGridPlugin],
    initialView: 'dayGridMonth',
    initialDate: '2026-11-01',
    timeZone: 'UTC',
    events: (_range, success) => success(events),
  });
  calendar.render();
  return calendar;
}

const instanceOf = (cal: Calendar, id: string) => cal.getEventById(id)?._instance?.instanceId;

describe('syncEvents', () => {
  test('adds and removes only what changed; unchanged events stay the same events', () => {
    const cal = calendarWith([
      shift('a', '2026-11-02', '2026-11-09'),
      shift('b', '2026-11-09', '2026-11-16'),
      shift('c', '2026-11-16', '2026-11-23'),
    ]);
    const keptA = instanceOf(cal, 'a');
    const keptC = instanceOf(cal, 'c');
    expect(keptA).toBeDefined();

    // An edit: B's week is split, a cover of the 10th to the 12th by D.
    syncEvents(cal, [
      shift('a', '2026-11-02', '2026-11-09'),
      shift('b1', '2026-11-09', '2026-11-10'),
      shift('d', '2026-11-10', '2026-11-13'),
      shift('b2', '2026-11-13', '2026-11-16'),
      shift('c', '2026-11-16', '2026-11-23'),
    ]);

    expect(
      cal
        .getEvents()
        .map((e) => e.id)
        .sort(),
    ).toEqual(['a', 'b1', 'b2', 'c', 'd']);
    expect(instanceOf(cal, 'a')).toBe(keptA);
    expect(instanceOf(cal, 'c')).toBe(keptC);
    expect(cal.getEventById('d')!.startStr).toBe('2026-11-10');
    // The new events belong to the calendar's source, so moving to another month replaces them.
    expect(cal.getEventById('d')!.source?.id).toBe(cal.getEventSources()[0]!.id);
  });

  test('the same list changes nothing', () => {
    const events = [shift('a', '2026-11-02', '2026-11-09'), shift('b', '2026-11-09', '2026-11-16')];
    const cal = calendarWith(events);
    const before = cal.getEvents().map((e) => e._instance!.instanceId);
    syncEvents(cal, events);
    expect(cal.getEvents().map((e) => e._instance!.instanceId)).toEqual(before);
  });
});

describe('day marks', () => {
  const warning = (message: string): ModelWarning => ({
    kind: 'oncall_unavailable',
    message,
    link: { screen: 'calendar', date: '2026-12-10' },
    engineerIds: [],
  });
  const marks = (over: Partial<DayMarks>): DayMarks => ({ warnings: new Map(), holidays: new Map(), ...over });

  function cell(date: string, withHoliday: boolean, initial: DayMarks | null) {
    // As FullCalendar draws a day of its grid (the week's day headers carry marks too, untinted).
    const td = document.createElement('td');
    td.className = 'fc-daygrid-day';
    td.append(dayMarksElement(date, initial, withHoliday));
    document.body.append(td);
    return td;
  }

  test('a day shows its holiday name and a warning marker that lists the warnings', () => {
    const td = cell(
      '2026-12-25',
      true,
      marks({
        holidays: new Map([['2026-12-25', 'Christmas Day']]),
        warnings: new Map([['2026-12-25', [warning('Nobody is backup'), warning('C is away')]]]),
      }),
    );
    expect(td.querySelector('.day-holiday')!.textContent).toBe('Christmas Day');
    const marker = td.querySelector('.day-warning')!;
    expect(marker.getAttribute('aria-label')).toBe('2 warnings');
    expect(marker.getAttribute('title')).toBe('Nobody is backup\nC is away');
  });

  test('refreshing after an edit adds and removes markers and the cell tint in place', () => {
    const clash = cell('2026-12-10', false, marks({ warnings: new Map([['2026-12-10', [warning('C is away')]]]) }));
    const calm = cell('2026-12-11', false, null);
    const container = clash.querySelector('.day-marks');

    // The edit fixed the 10th and caused a gap on the 11th.
    refreshDayMarks(document.body, marks({ warnings: new Map([['2026-12-11', [warning('Nobody is on call')]]]) }));

    expect(clash.querySelector('.day-warning')).toBeNull();
    expect(clash.classList.contains('has-warning')).toBe(false);
    expect(calm.querySelector('.day-warning')!.getAttribute('title')).toBe('Nobody is on call');
    expect(calm.classList.contains('has-warning')).toBe(true);
    // The same container, refilled: FullCalendar's cell is not redrawn.
    expect(clash.querySelector('.day-marks')).toBe(container);
  });

  test('holiday names are shown only where asked (the month grid), warnings everywhere', () => {
    const td = cell(
      '2026-12-25',
      false,
      marks({
        holidays: new Map([['2026-12-25', 'Christmas Day']]),
        warnings: new Map([['2026-12-25', [warning('x')]]]),
      }),
    );
    expect(td.querySelector('.day-holiday')).toBeNull();
    expect(td.querySelector('.day-warning')).not.toBeNull();
  });
});
