import type { CalendarOptions } from '@fullcalendar/core';
import FullCalendar from '@fullcalendar/react';
import { memo, type RefObject } from 'react';

/**
 * FullCalendar's React wrapper redraws the calendar on each of its renders, changed options or
 * not. This one renders it only when an option changed, so the roster and the warnings beside it
 * update without redrawing the month.
 */
export const MemoCalendar = memo(function MemoCalendar({
  calendarRef,
  ...options
}: CalendarOptions & { calendarRef: RefObject<FullCalendar | null> }) {
  return <FullCalendar ref={calendarRef} {...options} />;
});
