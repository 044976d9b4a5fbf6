// What a day cell shows besides its number: the holiday's name and a warning marker. They are
// plain DOM nodes in a container of our own, so an edit can refresh them in place (see
// refreshDayMarks) instead of making FullCalendar redraw every cell of the month.
import type { IsoDate, ModelWarning } from '../../../shared/model';
import type { ScheduleView } from '../../../shared/views';
import { warningsByDate } from './events';

export interface DayMarks {
  warnings: Map<IsoDate, ModelWarning[]>;
  holidays: Map<IsoDate, string>;
}

const cache = new WeakMap<ScheduleView, DayMarks>();

/** The warnings and holiday names of each day of a loaded schedule, worked out once per schedule. */
export function dayMarksOf(view: ScheduleView | null, zone: string): DayMarks | null {
  if (!view) return null;
  let marks = cache.get(view);
  if (!marks) {
    const holidays = new Map<IsoDate, string>();
    for (const h of view.holidays)
      holidays.set(h.date, holidays.has(h.date) ? `${holidays.get(h.date)}, ${h.name}` : h.name);
    marks = { warnings: warningsByDate(view.warnings, zone), holidays };
    cache.set(view, marks);
  }
  return marks;
}

const WARNING_CLASS = 'has-warning';

/** The class names of a day cell: it is tinted when something is wrong that day. */
export function dayClassNames(date: IsoDate, marks: DayMarks | null): string[] {
  return marks?.warnings.has(date) ? [WARNING_CLASS] : [];
}

/** A container for the marks of `date`, filled from `marks`; `withHoliday` shows the holiday's name. */
export function dayMarksElement(date: IsoDate, marks: DayMarks | null, withHoliday: boolean): HTMLElement {
  const container = document.createElement('span');
  container.className = 'day-marks';
  container.dataset.date = date;
  if (withHoliday) container.dataset.holiday = 'shown';
  fill(container, date, marks);
  return container;
}

/** Fills every day's marks under `root` again from `marks`, and the cells' warning tint with them. */
export function refreshDayMarks(root: HTMLElement, marks: DayMarks | null): void {
  for (const container of root.querySelectorAll<HTMLElement>('.day-marks')) {
    const date = container.dataset.date!;
    fill(container, date, marks);
    // Day cells only: the week's day headers carry marks too, and are not tinted.
    container.closest('.fc-daygrid-day')?.classList.toggle(WARNING_CLASS, marks?.warnings.has(date) ?? false);
  }
}

function fill(container: HTMLElement, date: IsoDate, marks: DayMarks | null): void {
  const nodes: Node[] = [];
  const holiday = container.dataset.holiday === 'shown' ? marks?.holidays.get(date) : undefined;
  if (holiday) {
    const label = document.createElement('span');
    label.className = 'day-holiday';
    label.textContent = holiday;
    label.title = holiday;
    nodes.push(label);
  }
  const list = marks?.warnings.get(date);
  if (list) {
    const marker = document.createElement('span');
    marker.className = 'day-warning';
    marker.textContent = '!';
    marker.title = list.map((w) => w.message).join('\n');
    marker.setAttribute('aria-label', `${list.length} warning${list.length > 1 ? 's' : ''}`);
    nodes.push(marker);
  }
  container.replaceChildren(...nodes);
}
