// The bridge between the store's loaded schedule and FullCalendar: it answers FullCalendar's
// requests for events from what is loaded, tells it only what an edit changed, and draws the
// day marks (holiday names, warnings) from the loaded window.
import type { DayCellContentArg, DayHeaderContentArg, EventInput } from '@fullcalendar/core';
import type FullCalendar from '@fullcalendar/react';
import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';
import { useStore } from '../../store';
import { calendarEvents, weekDayHeader, type Layers } from './calendarContent';
import { dayClassNames, dayMarksElement, dayMarksOf, refreshDayMarks } from './dayMarks';
import { syncEvents } from './events';
import { fromWall, wallDate } from './wallclock';

export function useFullCalendarBridge(
  calendar: RefObject<FullCalendar | null>,
  calendarRoot: RefObject<HTMLElement | null>,
  zone: string,
  layers: Layers,
) {
  // FullCalendar asks for the events of each range it is about to draw. Answered at once from
  // what is loaded, a new month is drawn once, with its events.
  const scheduleRevision = useStore((s) => s.scheduleRevision);
  const scheduleFor = useStore((s) => s.scheduleFor);
  const scheduleWindow = useStore((s) => s.scheduleWindow);
  // A request FullCalendar made before its range was loaded: answered when the load ends.
  const waitingFetch = useRef<{ range: { start: Date; end: Date }; success: (events: EventInput[]) => void } | null>(
    null,
  );
  // What the next request is answered with: set before the refetch below asks for events again.
  const answerWith = useRef({ layers, zone });
  useLayoutEffect(() => {
    answerWith.current = { layers, zone };
  });
  const fetchEvents = useCallback(
    (range: { start: Date; end: Date }, success: (events: EventInput[]) => void) => {
      const { layers, zone } = answerWith.current;
      const view = scheduleFor(fromWall(range.start, zone), fromWall(range.end, zone));
      waitingFetch.current = view ? null : { range, success };
      if (view) success(calendarEvents(view, layers));
    },
    [scheduleFor],
  );
  // New content (a load ending, an edit, an undo): FullCalendar gets the events it waits for,
  // or is told only what changed; the day marks are refreshed in place.
  useLayoutEffect(() => {
    const cal = calendar.current?.getApi();
    const waiting = waitingFetch.current;
    const range = waiting?.range ?? (cal && { start: cal.view.activeStart, end: cal.view.activeEnd });
    if (!cal || !range) return;
    const view = scheduleFor(fromWall(range.start, zone), fromWall(range.end, zone));
    if (!view) return;
    if (waiting) {
      waitingFetch.current = null;
      waiting.success(calendarEvents(view, layers));
    } else syncEvents(cal, calendarEvents(view, layers));
    if (calendarRoot.current) refreshDayMarks(calendarRoot.current, dayMarksOf(scheduleWindow(), zone));
    // Only a new revision: the other inputs make FullCalendar ask for its events again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scheduleRevision]);

  // What is layered on the schedule changed (the plan, the picked engineer, names and colours):
  // FullCalendar asks for every event again.
  const layersShown = useRef(layers);
  useLayoutEffect(() => {
    if (layersShown.current === layers) return;
    layersShown.current = layers;
    calendar.current?.getApi().refetchEvents();
  }, [calendar, layers]);

  // Read at drawing time from what is loaded; they never change, so options stay the same and
  // an edit refreshes the marks in place (above) rather than redrawing every cell.
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
    (arg: DayHeaderContentArg) => weekDayHeader(arg, dayMarksOf(scheduleWindow(), zone)),
    [scheduleWindow, zone],
  );

  return { fetchEvents, dayCellContent, dayCellClassNames, dayHeaderContent };
}
