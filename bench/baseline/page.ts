// The bench's baseline (never shipped): a plain FullCalendar page, as one would write it
// without Watchbill's work, handed every event of the whole history at once. Built by the
// bench with esbuild and run in the same Chromium as Watchbill, side by side.
import { Calendar, type EventInput } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin from '@fullcalendar/interaction';
import multiMonthPlugin from '@fullcalendar/multimonth';
import timeGridPlugin from '@fullcalendar/timegrid';

declare global {
  interface Window {
    startBaseline(events: EventInput[], initialDate: string, width: number): void;
    baseline: Calendar;
  }
}

window.startBaseline = (events, initialDate, width) => {
  const root = document.createElement('div');
  root.style.width = `${width}px`;
  document.body.append(root);
  const calendar = new Calendar(root, {
    plugins: [dayGridPlugin, timeGridPlugin, multiMonthPlugin, interactionPlugin],
    initialView: 'dayGridMonth',
    initialDate,
    timeZone: 'UTC',
    firstDay: 1,
    height: 620,
    editable: true,
    droppable: true,
    headerToolbar: { left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,quarter' },
    views: { quarter: { type: 'multiMonth', duration: { months: 3 }, multiMonthMaxColumns: 3 } },
    events,
  });
  calendar.render();
  window.baseline = calendar;
};
