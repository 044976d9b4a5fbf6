// FullCalendar's fixed options for Watchbill's four views.
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import multiMonthPlugin from '@fullcalendar/multimonth';
import timeGridPlugin from '@fullcalendar/timegrid';
import type { CalendarViewKey } from './useCalendarKeys';

export const VIEW_TYPES: Record<CalendarViewKey, string> = {
  month: 'dayGridMonth',
  week: 'timeGridWeek',
  quarter: 'multiMonthQuarter',
  list: 'listMonth',
};
export const VIEW_LABELS: Record<CalendarViewKey, string> = {
  month: 'Month',
  week: 'Week',
  quarter: 'Quarter',
  list: 'List',
};

export const PLUGINS = [dayGridPlugin, timeGridPlugin, multiMonthPlugin, listPlugin, interactionPlugin];
// The grids show no times on shifts (eventContent leaves them out); not making FullCalendar
// format them saves time on every month drawn.
export const VIEWS = {
  dayGridMonth: { displayEventTime: false },
  // A shift is listed once, with when it ends (see eventContent): the start time is enough here.
  listMonth: { displayEventEnd: false },
  timeGridWeek: {},
  multiMonthQuarter: {
    type: 'multiMonth',
    duration: { months: 3 },
    multiMonthMaxColumns: 3,
    multiMonthMinWidth: 180,
    displayEventTime: false,
    // Tall enough months for every shift: the quarter view never folds events into "+N" links.
    aspectRatio: 0.45,
    // A third of the width per month: M T W T F S S rather than names that run together.
    dayHeaderFormat: { weekday: 'narrow' as const },
    // A day is too narrow for "+2 more": the count, and the rest in its hint.
    moreLinkContent: ({ num }: { num: number }) => `+${num}`,
  },
};

/** Every view's height in pixels: the periods drawn out of sight lie under the one in view (CalendarDeck). */
export const CALENDAR_HEIGHT = 620;

export const TIME_FORMAT = { hour: '2-digit', minute: '2-digit', hour12: false } as const;
