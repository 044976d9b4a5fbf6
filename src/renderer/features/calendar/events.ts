// The computed schedule as FullCalendar events: one event per segment, coloured by its
// primary; holidays and one engineer's unavailability as background events.
//
// An event's id names everything it shows (times, people, kinds, whether it can be resized):
// an unchanged id is an unchanged event. syncEvents relies on that to tell FullCalendar only
// what an edit changed.
import type { CalendarApi, EventInput } from '@fullcalendar/core';
import { describeOverride } from '../../../shared/domain/override-kinds';
import { addDays, eachDate, localDateOf, localTimeOf } from '../../../shared/domain/time';
import type { Engineer, Id, IsoDate, ModelWarning, Override, OverrideKind, Segment } from '../../../shared/model';
import type { ScheduleView } from '../../../shared/views';
import { readableTextOn } from '../../../shared/domain/colors';
import { toWall } from './wallclock';

export interface SegmentEventProps {
  type: 'segment';
  /**
   * The segment as drawn. Its override ids may be older than the saved ones (a drop is drawn
   * before it is saved, with ids of its own): look the segment up in the store (currentSegment)
   * before acting on it.
   */
  segment: Segment;
  /** Kinds of the overrides shaping the segment, in a stable order. */
  kinds: OverrideKind[];
  /** What made each of those overrides and why ('time-away cover: C covers A's time away'), for the tooltip. */
  reasons: string[];
  preview: boolean;
  primaryName: string;
  secondaryName: string;
  /** The rotation's zone, for the list view's 'until Thu 26 Nov, 09:00 EST'. */
  timeZone: string;
  /** Which rotation the shift belongs to, when several are shown (see layers.ts). */
  rotation?: ShiftRotation;
}

/** The rotation a drawn shift belongs to: its mark, and whether it is a layer beside the one worked on. */
export interface ShiftRotation {
  id: Id;
  name: string;
  /** Its place among the rotations in use: its mark (RotationMark). */
  index: number;
  /** Drawn beside the rotation worked on: read-only here. */
  layer: boolean;
}

const NO_COLOR = '#6b7280';

export function nameOf(engineers: Map<Id, Engineer>, id: Id | null): string {
  if (id === null) return 'Nobody';
  return engineers.get(id)?.name ?? `Engineer #${id}`;
}

/** 'Engineer A · backup Engineer B'. */
export function segmentTitle(segment: Segment, engineers: Map<Id, Engineer>): string {
  return `${nameOf(engineers, segment.primaryId)} · backup ${nameOf(engineers, segment.secondaryId)}`;
}

export function segmentEvents(
  segments: readonly Segment[],
  overrides: readonly Override[],
  engineers: Map<Id, Engineer>,
  timeZone: string,
  options: { preview?: boolean; rotation?: ShiftRotation } = {},
): EventInput[] {
  const { rotation } = options;
  const editable = !options.preview && !rotation?.layer;
  const byId = new Map(overrides.map((o) => [o.id, o]));
  return segments.map((segment) => {
    const shaping = segment.overrideIds.map((id) => byId.get(id)).filter((o): o is Override => o !== undefined);
    const kinds = [...new Set(shaping.map((o) => o.kind))].sort();
    const resizable = resizableOverride(segment, shaping);
    const color = segment.primaryId === null ? NO_COLOR : (engineers.get(segment.primaryId)?.color ?? NO_COLOR);
    const props: SegmentEventProps = {
      type: 'segment',
      segment,
      kinds,
      reasons: [...new Set(shaping.map(describeOverride))],
      preview: options.preview ?? false,
      primaryName: nameOf(engineers, segment.primaryId),
      timeZone,
      secondaryName: nameOf(engineers, segment.secondaryId),
      ...(rotation && { rotation }),
    };
    // Whole days (a cover of days) are all-day events: the month grid resizes only those.
    const wholeDays =
      localTimeOf(segment.startsAt, timeZone) === '00:00' && localTimeOf(segment.endsAt, timeZone) === '00:00';
    return {
      // Who is on call is part of the id: a changed segment is a new element, so its
      // attributes (label, data-primary) are set afresh when it mounts. The override ids are
      // not: a drop drawn before it is saved has the same look, and id, once saved.
      id: `seg-${rotation ? `r${rotation.id}-${rotation.index}-` : ''}${segment.startsAt}-${segment.endsAt}-${segment.primaryId}-${segment.secondaryId}-${kinds.join('+')}-${resizable ? 'r' : ''}${options.preview ? '-preview' : ''}`,
      title: segmentTitle(segment, engineers),
      start: wholeDays ? localDateOf(segment.startsAt, timeZone) : toWall(segment.startsAt, timeZone),
      end: wholeDays ? localDateOf(segment.endsAt, timeZone) : toWall(segment.endsAt, timeZone),
      allDay: wholeDays,
      backgroundColor: color,
      borderColor: color,
      textColor: readableTextOn(color),
      display: 'block',
      classNames: [
        'shift',
        ...(kinds.length > 0 ? ['shift--override'] : []),
        ...(options.preview ? ['shift--preview'] : []),
        ...(rotation ? ['shift--marked'] : []),
        ...(rotation?.layer ? ['shift--layer'] : []),
      ],
      startEditable: editable,
      durationEditable: editable && resizable !== null,
      // The lead's order of rotations within a day (as the legend lists them), so each keeps its place.
      ...(rotation && { rotationOrder: rotation.index }),
      extendedProps: props,
    };
  });
}

/** The override a resize of the segment reshapes: the cover that made its primary, if one did. */
export function resizableOverride(segment: Segment, overrides: readonly Override[]): Override | null {
  return (
    overrides.find(
      (o) => segment.overrideIds.includes(o.id) && o.role === 'primary' && o.engineerId === segment.primaryId,
    ) ?? null
  );
}

/** The segment of `schedule` drawn as `drawn` (same times): its override ids are the saved ones. */
export function currentSegment(drawn: Segment, segments: readonly Segment[]): Segment {
  return segments.find((s) => s.startsAt === drawn.startsAt && s.endsAt === drawn.endsAt) ?? drawn;
}

/**
 * The whole of a piece that the range in view cuts at its first or last day, as the loaded
 * window around it holds it: Shift details tell when the shift really starts and ends, not
 * where the month's grid does.
 */
export function uncutSegment(piece: Segment, around: readonly Segment[]): Segment {
  return (
    around.find(
      (s) =>
        s.shiftIndex === piece.shiftIndex &&
        s.primaryId === piece.primaryId &&
        s.secondaryId === piece.secondaryId &&
        s.startsAt <= piece.startsAt &&
        s.endsAt >= piece.endsAt,
    ) ?? piece
  );
}

export function holidayEvents(view: ScheduleView): EventInput[] {
  return view.holidays.map((holiday) => ({
    id: `holiday-${holiday.date}-${holiday.name}-${holiday.weight}`,
    title: holiday.name,
    start: holiday.date,
    end: addDays(holiday.date, 1),
    allDay: true,
    display: 'background',
    classNames: ['bg-holiday'],
    extendedProps: { type: 'holiday', weight: holiday.weight },
  }));
}

export function unavailabilityEvents(view: ScheduleView, engineerId: Id | null, engineers: Map<Id, Engineer>) {
  if (engineerId === null) return [];
  return view.unavailability
    .filter((u) => u.engineerId === engineerId)
    .map<EventInput>((u) => ({
      id: `away-${u.id}-${u.startDate}-${u.endDate}-${u.reason}`,
      title: `${nameOf(engineers, u.engineerId)} away${u.reason ? `: ${u.reason}` : ''}`,
      start: u.startDate,
      end: addDays(u.endDate, 1),
      allDay: true,
      display: 'background',
      classNames: ['bg-away'],
      extendedProps: { type: 'away' },
    }));
}

/**
 * A drill's chip: `short` is what a day cell shows, the title (its tooltip, and what screen
 * readers and the list view say) the whole of it. A cell has room for little, so the drills
 * due on one day share one chip ("3 drills due") rather than three cut to "Drill due: …".
 */
export interface DrillEventProps {
  type: 'drill' | 'drill-due';
  short: string;
}

/** The drills layer: drills as one-hour events at their time, and "drill due" days as all-day events. */
export function drillEvents(view: ScheduleView, timeZone: string): EventInput[] {
  const held = view.drills.drills.map<EventInput>((drill) => {
    const what = `${drill.pipelineName} — ${drill.scenarioTitle}`;
    return {
      id: `drill-${drill.id}-${drill.scheduledAt}-${what}`,
      title: `Drill: ${what}`,
      start: toWall(drill.scheduledAt, timeZone),
      end: toWall(new Date(Date.parse(drill.scheduledAt) + 3_600_000).toISOString(), timeZone),
      allDay: false,
      display: 'block',
      classNames: ['cal-drill'],
      editable: false,
      extendedProps: { type: 'drill', short: what, drillId: drill.id },
    };
  });
  const days = new Map<string, { date: string; state: 'due' | 'overdue'; names: string[] }>();
  for (const d of view.drills.due) {
    const day = days.get(`${d.date} ${d.state}`) ?? { date: d.date, state: d.state, names: [] };
    day.names.push(d.pipelineName);
    days.set(`${d.date} ${d.state}`, day);
  }
  const due = [...days.values()].map<EventInput>(({ date, state, names }) => {
    const words = names.length === 1 ? `Drill ${state}` : `Drills ${state}`;
    return {
      id: `drill-due-${date}-${state}-${names.join('|')}`,
      title: `${words}: ${names.join(', ')}`,
      start: date,
      allDay: true,
      display: 'block',
      classNames: ['cal-drill', `cal-drill--${state}`],
      editable: false,
      extendedProps: {
        type: 'drill-due',
        short: names.length === 1 ? names[0]! : `${names.length} ${words.toLowerCase()}`,
      },
    };
  });
  return [...held, ...due];
}

/** The local dates a warning is about, so the calendar can mark them. */
export function warningDates(warning: ModelWarning, timeZone: string): IsoDate[] {
  if (warning.from && warning.to) {
    const last = localDateOf(Date.parse(warning.to) - 1, timeZone);
    return eachDate(localDateOf(warning.from, timeZone), last).slice(0, 62);
  }
  if (warning.link.date) return [warning.link.date];
  if (warning.from) return [localDateOf(warning.from, timeZone)];
  return [];
}

/** date → the warnings on it. */
export function warningsByDate(warnings: readonly ModelWarning[], timeZone: string): Map<IsoDate, ModelWarning[]> {
  const map = new Map<IsoDate, ModelWarning[]>();
  for (const warning of warnings) {
    for (const date of warningDates(warning, timeZone)) map.set(date, [...(map.get(date) ?? []), warning]);
  }
  return map;
}

/** The date a warning should bring into view. */
export function warningFocusDate(warning: ModelWarning, timeZone: string): IsoDate | null {
  return warning.link.date ?? (warning.from ? localDateOf(warning.from, timeZone) : null);
}

/**
 * Brings the calendar's events to `wanted` by removing and adding only the events whose ids
 * differ, in one redraw. An edit changes a few segments: redrawing only those keeps a drop
 * quick, where handing FullCalendar a whole new list rebuilds every event on screen.
 */
export function syncEvents(calendar: CalendarApi, wanted: readonly EventInput[]): void {
  const source = calendar.getEventSources()[0];
  const current = new Map(calendar.getEvents().map((event) => [event.id, event]));
  const wantedIds = new Set(wanted.map((input) => input.id));
  calendar.batchRendering(() => {
    for (const [id, event] of current) if (!wantedIds.has(id)) event.remove();
    for (const input of wanted) if (!current.has(input.id!)) calendar.addEvent(input, source);
  });
}
