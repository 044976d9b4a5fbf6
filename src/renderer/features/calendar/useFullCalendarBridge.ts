// The bridge between the store's loaded schedule and FullCalendar: each drawn period answers
// FullCalendar's requests for events from what is loaded, is told only what an edit changed, and
// draws the day marks (holiday names, warnings) from the loaded window. The period in view
// catches up at once; the ones kept out of sight (see CalendarDeck) once the page is idle, and
// at the latest when they come into view, so a period never comes into view with old content.
import type { DayCellContentArg, DayHeaderContentArg, EventInput } from '@fullcalendar/core';
import type FullCalendar from '@fullcalendar/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import type { ScheduleView } from '../../../shared/views';
import { useStore } from '../../store';
import { calendarEvents, dayHeader, type Layers } from './calendarContent';
import { dayClassNames, dayMarksElement, dayMarksOf, refreshDayMarks } from './dayMarks';
import { syncEvents } from './events';
import { fromWall, wallDate } from './wallclock';
import { whenQuiet } from './whenIdle';

type FetchRange = { start: Date; end: Date };
type Success = (events: EventInput[]) => void;

/** The events of one drawn period, kept in step with the loaded schedule and what is layered on it. */
export function usePeriodEvents(
  calendar: RefObject<FullCalendar | null>,
  root: RefObject<HTMLElement | null>,
  zone: string,
  layers: Layers,
  shown: boolean,
) {
  const scheduleRevision = useStore((s) => s.scheduleRevision);
  const windowLoads = useStore((s) => s.scheduleWindowLoads);
  const scheduleFor = useStore((s) => s.scheduleFor);
  const scheduleWindow = useStore((s) => s.scheduleWindow);
  // A request FullCalendar made before its range was loaded: answered once it is.
  const waiting = useRef<{ range: FetchRange; success: Success } | null>(null);
  // What the events and day marks drawn come from; null until the first answer.
  const drawn = useRef<{ revision: number; layers: Layers } | null>(null);
  // What the next request is answered with: FullCalendar asks while it mounts, before any effect.
  const latest = useRef({ layers, zone, revision: scheduleRevision });
  useLayoutEffect(() => {
    latest.current = { layers, zone, revision: scheduleRevision };
  });

  const fetchEvents = useCallback(
    (range: FetchRange, success: Success) => {
      const { layers, zone, revision } = latest.current;
      const view = scheduleFor(fromWall(range.start, zone), fromWall(range.end, zone));
      waiting.current = view ? null : { range, success };
      if (!view) return;
      success(calendarEvents(view, layers));
      // Day marks are drawn with the cells, from the same window, when FullCalendar asks on mounting.
      drawn.current = { revision, layers };
    },
    [scheduleFor],
  );

  const parts = useRef<Parts | null>(null);
  useLayoutEffect(() => {
    parts.current = { calendar, root, waiting, drawn, latest, scheduleFor, scheduleWindow };
  });
  // In view: before the frame is drawn. Out of sight: once the page has nothing else to do, and
  // not while an edit is being saved: its answer comes with the saved ids, so the periods out of
  // sight are drawn once, from it, and the main process saving it has both cores meanwhile.
  const editing = useStore((s) => s.editing);
  useLayoutEffect(() => {
    if (shown && parts.current) catchUp(parts.current, true);
  }, [shown, scheduleRevision, windowLoads, layers]);
  useEffect(() => {
    const at = parts.current;
    if (!shown && !editing && at) return whenQuiet(() => catchUp(at, false));
  }, [shown, editing, scheduleRevision, windowLoads, layers]);

  return fetchEvents;
}

interface Parts {
  calendar: RefObject<FullCalendar | null>;
  root: RefObject<HTMLElement | null>;
  waiting: RefObject<{ range: FetchRange; success: Success } | null>;
  drawn: RefObject<{ revision: number; layers: Layers } | null>;
  latest: RefObject<{ layers: Layers; zone: string; revision: number }>;
  scheduleFor(from: string, to: string): ScheduleView | null;
  scheduleWindow(): ScheduleView | null;
}

/** Brings what a period draws up to what is loaded, if it is at hand; one in view never keeps old events. */
function catchUp(
  { calendar, root, waiting, drawn, latest, scheduleFor, scheduleWindow }: Parts,
  inView: boolean,
): void {
  const cal = calendar.current?.getApi();
  const { layers, zone, revision } = latest.current;
  const pending = waiting.current;
  const before = drawn.current;
  if (!cal || (!pending && before?.layers === layers && before.revision === revision)) return;
  const range = pending?.range ?? { start: cal.view.activeStart, end: cal.view.activeEnd };
  const view = scheduleFor(fromWall(range.start, zone), fromWall(range.end, zone));
  if (!view) {
    // Not loaded yet (the calendar is loading it): nothing rather than what was there before.
    if (inView && before && before.revision !== revision) cal.removeAllEvents();
    return;
  }
  if (pending) {
    waiting.current = null;
    pending.success(calendarEvents(view, layers));
  } else if (before?.layers !== layers) cal.refetchEvents();
  else syncEvents(cal, calendarEvents(view, layers));
  drawn.current = { revision, layers };
  if (root.current) refreshDayMarks(root.current, dayMarksOf(scheduleWindow(), zone));
}

/**
 * The day cells' marks, read at drawing time from what is loaded; they never change, so options
 * stay the same and an edit refreshes the marks in place rather than redrawing every cell.
 */
export function useDayMarks(zone: string) {
  const scheduleWindow = useStore((s) => s.scheduleWindow);
  const dayCellContent = useCallback(
    (arg: DayCellContentArg) => {
      const date = wallDate(arg.date);
      const marks = dayMarksOf(scheduleWindow(), zone);
      const number = document.createElement('span');
      number.textContent = arg.dayNumberText;
      return { domNodes: [dayMarksElement(date, marks, arg.view.type === 'dayGridMonth'), number] };
    },
    [scheduleWindow, zone],
  );
  const dayCellClassNames = useCallback(
    (arg: DayCellContentArg) => dayClassNames(wallDate(arg.date), dayMarksOf(scheduleWindow(), zone)),
    [scheduleWindow, zone],
  );
  const dayHeaderContent = useCallback(
    (arg: DayHeaderContentArg) => dayHeader(arg, dayMarksOf(scheduleWindow(), zone)),
    [scheduleWindow, zone],
  );
  return useMemo(
    () => ({ dayCellContent, dayCellClassNames, dayHeaderContent }),
    [dayCellContent, dayCellClassNames, dayHeaderContent],
  );
}
