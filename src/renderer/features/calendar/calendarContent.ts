// What FullCalendar draws inside its events and day headers, and the events it is fed: built
// as plain DOM nodes, not React elements, as FullCalendar mounts a React root per piece of
// JSX content, which made every month switch several times slower.
import { OVERRIDE_KIND_LABELS } from '../../../shared/domain/override-kinds';
import type { DayHeaderContentArg, EventContentArg, EventInput, EventMountArg } from '@fullcalendar/core';

/** A shift this long or shorter is a piece (a cover, part of a split week): too narrow for its label on one line. */
const SHORT_MS = 3 * 86_400_000;
import { applyChange, computeSegments, provisionalIds } from '../../../shared/domain/rotation';
import type { Engineer, Id, Segment } from '../../../shared/model';
import type { ScheduleView } from '../../../shared/views';
import { formatMoment } from '../../components/format';
import type { PlanProposal } from '../../store/slices/calendarPlan';
import { VIEW_TYPES } from './calendarOptions';
import { dayMarksElement, type DayMarks } from './dayMarks';
import {
  drillEvents,
  holidayEvents,
  segmentEvents,
  unavailabilityEvents,
  type DrillEventProps,
  type SegmentEventProps,
  type ShiftRotation,
} from './events';
import { rotationMarkOf } from '../../components/RotationMark';
import { wallDate } from './wallclock';

function element(tag: string, className: string, text?: string, children: Node[] = []): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  node.append(...children);
  return node;
}

export function eventContent(arg: EventContentArg) {
  const props = arg.event.extendedProps as Partial<SegmentEventProps>;
  const type: string | undefined = props.type;
  if (type === 'drill' || type === 'drill-due') {
    // The list has room for the whole title; a day cell shows the short words (DrillEventProps),
    // and says the whole title to screen readers.
    const { short } = arg.event.extendedProps as DrillEventProps;
    const title = element('div', 'cal-drill__title');
    title.title = arg.event.title;
    if (arg.view.type === VIEW_TYPES.list) title.textContent = arg.event.title;
    else {
      const seen = element('span', 'cal-drill__short', short);
      seen.setAttribute('aria-hidden', 'true');
      title.append(element('span', 'sr-only', arg.event.title), seen);
    }
    return { domNodes: [title] };
  }
  if (props.type !== 'segment') return undefined;
  const parts: Node[] = [];
  if (props.rotation) {
    const mark = element('span', 'rotation-mark shift__rotation', rotationMarkOf(props.rotation.index).letter);
    mark.style.backgroundColor = rotationMarkOf(props.rotation.index).accent;
    mark.setAttribute('aria-hidden', 'true');
    parts.push(mark);
  }
  if (arg.timeText && arg.view.type === VIEW_TYPES.week) parts.push(element('span', 'shift__time', arg.timeText));
  // A narrow piece (a cover, part of a split week) puts the backup on a line of its own, and
  // the separator out of sight, instead of cutting the label (see styles.css).
  parts.push(
    element('span', 'shift__title', undefined, [
      element('span', 'shift__primary', props.primaryName ?? ''),
      document.createTextNode(' · '),
      element('span', 'shift__backup', `backup ${props.secondaryName ?? ''}`),
    ]),
  );
  if (arg.view.type === VIEW_TYPES.list && props.segment && props.timeZone)
    parts.push(element('span', 'shift__until', `until ${formatMoment(props.segment.endsAt, props.timeZone)}`));
  for (const kind of props.kinds ?? []) parts.push(element('span', 'shift__kind', OVERRIDE_KIND_LABELS[kind]));
  return { domNodes: [element('div', 'shift__body', undefined, parts)] };
}

/**
 * The day headers that carry a day's marks (its holiday by name, its warnings): the week's,
 * 'Mon 16' (the title names the month), and the list's day rows.
 */
export function dayHeader(arg: DayHeaderContentArg & { sideText?: string; textId?: string }, marks: DayMarks | null) {
  const date = wallDate(arg.date);
  // The list's day rows as FullCalendar draws them (the date, which labels the row, and the
  // weekday on the right), with the day's marks between: its holiday by name, its warnings.
  if (arg.view.type === VIEW_TYPES.list) {
    const text = element('span', 'fc-list-day-text', arg.text);
    if (arg.textId) text.id = arg.textId;
    const side = element('span', 'fc-list-day-side-text', arg.sideText ?? '');
    side.setAttribute('aria-hidden', 'true');
    return { domNodes: [text, dayMarksElement(date, marks, true), side] };
  }
  // true: FullCalendar's own header (the weekday) in the month and the quarter.
  if (arg.view.type !== VIEW_TYPES.week) return true;
  const label = element(
    'span',
    'day-header__label',
    arg.date.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', timeZone: 'UTC' }),
  );
  return { domNodes: [label, dayMarksElement(date, marks, true)] };
}

/**
 * A short piece of a shift (a cover, part of a split week, the end of a week that runs on into
 * the next row) labels itself on two lines, the primary's name and then the backup's. Decided
 * here from its dates, not by the width drawn: FullCalendar measures each event once to stack
 * them, and a height that changed with the width afterwards made events overlap.
 */
export function shiftClassNames(arg: Pick<EventContentArg, 'event' | 'isStart' | 'isEnd'>): string[] {
  const { start, end } = arg.event;
  const props = arg.event.extendedProps as Partial<SegmentEventProps>;
  if (props.type !== 'segment' || !start || !end) return [];
  return pieceMs(start.getTime(), end.getTime(), arg.isStart, arg.isEnd) <= SHORT_MS ? ['shift--short'] : [];
}

const WEEK_MS = 7 * 86_400_000;

/** How long the piece of [start, end) drawn in one week row of the month is (weeks start on Monday). */
function pieceMs(start: number, end: number, isStart: boolean, isEnd: boolean): number {
  const mondayOf = (ms: number) => {
    const day = Math.floor(ms / 86_400_000) * 86_400_000;
    return day - ((new Date(day).getUTCDay() + 6) % 7) * 86_400_000;
  };
  if (isStart && isEnd) return end - start;
  if (isStart) return mondayOf(start) + WEEK_MS - start;
  if (isEnd) return end - mondayOf(end - 1);
  return WEEK_MS;
}

/** Labels and data attributes of a mounted shift: its accessible name, and what tests and drops read. */
export function labelShift(arg: EventMountArg): void {
  const props = arg.event.extendedProps as SegmentEventProps;
  if (props.type !== 'segment') return;
  const why = props.reasons.length > 0 ? ` (${props.reasons.join('; ')})` : '';
  const of = props.rotation ? `${props.rotation.name}: ` : '';
  arg.el.setAttribute('aria-label', `${of}${arg.event.title}${why}`);
  arg.el.title = `${of}${arg.event.title}${why}`;
  if (props.rotation) {
    arg.el.dataset.rotation = String(props.rotation.id);
    arg.el.dataset.rotationName = props.rotation.name;
    arg.el.style.setProperty('--rotation-accent', rotationMarkOf(props.rotation.index).accent);
  }
  arg.el.dataset.shift = String(props.segment.shiftIndex);
  arg.el.dataset.primary = String(props.segment.primaryId ?? '');
  // The list shows a shift once, on the day it starts (or the first day listed), with its
  // end: FullCalendar repeats it under every day it runs through.
  if (arg.view.type === VIEW_TYPES.list && !arg.isStart && listDayOf(arg.el) !== wallDate(arg.view.activeStart))
    arg.el.classList.add('is-continued');
}

/** The date of the list view's day a row is listed under (its header row's data-date). */
function listDayOf(row: HTMLElement): string | undefined {
  let at = row.previousElementSibling;
  while (at && !at.classList.contains('fc-list-day')) at = at.previousElementSibling;
  return (at as HTMLElement | null)?.dataset.date;
}

/** What the calendar draws over the schedule besides its segments' people and colours. */
export interface Layers {
  /** The planner's proposal, shown as a preview in place of the schedule. */
  plan: PlanProposal | null;
  engineers: Map<Id, Engineer>;
  zone: string;
  /** The engineer picked in the roster, whose time away is shown. */
  pickedEngineer: Id | null;
  /** With several rotations shown: the mark of the one worked on. */
  rotation?: ShiftRotation;
  /** The other rotations shown, read-only, each with its loaded schedule. */
  others?: { rotation: ShiftRotation; view: ScheduleView }[];
}

/** Every event of a loaded schedule: its segments (or the plan's), holidays, time away and drills. */
export function calendarEvents(view: ScheduleView, layers: Layers): EventInput[] {
  const { plan, engineers, zone, pickedEngineer, rotation, others = [] } = layers;
  const touches = (s: Segment) => s.startsAt < view.to && s.endsAt > view.from;
  return [
    ...segmentEvents(
      plan ? previewSegments(view, plan.result.change) : view.segments,
      view.overrides,
      engineers,
      zone,
      { preview: plan !== null, ...(rotation && { rotation }) },
    ),
    ...others.flatMap((other) =>
      segmentEvents(other.view.segments.filter(touches), other.view.overrides, engineers, zone, {
        rotation: other.rotation,
      }),
    ),
    ...holidayEvents(view),
    ...unavailabilityEvents(view, pickedEngineer, engineers),
    ...drillEvents(view, zone),
  ];
}

/** The schedule as it would be with the planner's change: the same pure rules as the main process. */
function previewSegments(schedule: ScheduleView, change: Parameters<typeof applyChange>[1]): Segment[] {
  const { overrides } = applyChange(schedule.overrides, change, provisionalIds(schedule.overrides));
  return computeSegments(schedule.rotation, overrides, schedule.from, schedule.to);
}
