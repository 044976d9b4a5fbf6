// The calendar's drawn periods: the one in view and, out of sight, the previous and next one of
// the same view, drawn at the same size. Stepping to a neighbour shows what is already drawn
// (FullCalendar does no work and nothing is laid out again); the new far neighbour is drawn once
// the page is idle. Each period keeps its key, so one moving from "next" to "in view" keeps its DOM.
import type { CalendarOptions, DatesSetArg } from '@fullcalendar/core';
import type FullCalendar from '@fullcalendar/react';
import { memo, useCallback, useLayoutEffect, useRef, type RefObject } from 'react';
import type { Layers } from './calendarContent';
import { CALENDAR_HEIGHT, VIEW_TYPES } from './calendarOptions';
import { MemoCalendar } from './MemoCalendar';
import type { Period } from './periods';
import { usePeriodEvents } from './useFullCalendarBridge';
import { whenIdle } from './whenIdle';

/** The period in view, among those drawn: what the lead sees, works on and drops onto. */
export const PERIOD_IN_VIEW = '[data-period="current"]';

/** The options every drawn period shares; each adds its own view, date, events and datesSet. */
export type SharedOptions = Omit<CalendarOptions, 'initialView' | 'initialDate' | 'events' | 'datesSet'>;

export interface DeckProps {
  drawn: Period[];
  current: Period;
  options: SharedOptions;
  layers: Layers;
  zone: string;
  /** The FullCalendar of each drawn period, by its id. */
  calendarRef(id: string): RefObject<FullCalendar | null>;
  onDatesSet(period: Period, arg: DatesSetArg): void;
}

export function CalendarDeck({ drawn, current, options, layers, zone, calendarRef, onDatesSet }: DeckProps) {
  return (
    <div className="cal-deck" style={{ height: CALENDAR_HEIGHT }}>
      {drawn.map((period) => (
        <PeriodCalendar
          key={period.id}
          period={period}
          shown={period.id === current.id}
          options={options}
          layers={layers}
          zone={zone}
          calendarRef={calendarRef(period.id)}
          onDatesSet={onDatesSet}
        />
      ))}
    </div>
  );
}

interface PeriodProps {
  period: Period;
  shown: boolean;
  options: SharedOptions;
  layers: Layers;
  zone: string;
  calendarRef: RefObject<FullCalendar | null>;
  onDatesSet(period: Period, arg: DatesSetArg): void;
}

const PeriodCalendar = memo(function PeriodCalendar({
  period,
  shown,
  options,
  layers,
  zone,
  calendarRef,
  onDatesSet,
}: PeriodProps) {
  const root = useRef<HTMLDivElement>(null);
  const events = usePeriodEvents(calendarRef, root, zone, layers, shown);
  const datesSet = useCallback((arg: DatesSetArg) => onDatesSet(period, arg), [onDatesSet, period]);
  useInertOutOfSight(root, shown);
  // Out of sight: laid out at the same size (so it is drawn and measured) under the period in
  // view, which covers it from the eye and the pointer; not read out, nor reached by keyboard.
  return (
    <div
      ref={root}
      className="cal-period"
      data-period={shown ? 'current' : 'kept'}
      data-start={period.start}
      aria-hidden={shown ? undefined : true}
    >
      <MemoCalendar
        calendarRef={calendarRef}
        {...options}
        initialView={VIEW_TYPES[period.view]}
        initialDate={period.start}
        events={events}
        datesSet={datesSet}
      />
    </div>
  );
});

/**
 * A period out of sight is inert: Tab and focus() never reach it. The change is made in the task
 * after the frame that shows the switch: inert, like any property a period's elements inherit
 * (visibility, pointer-events), restyles and repaints every one of them (about 280 in a week),
 * which would double that frame. Meanwhile the period in view covers the others, and the one
 * coming into view takes clicks a few milliseconds after it is seen.
 */
function useInertOutOfSight(root: RefObject<HTMLElement | null>, shown: boolean) {
  const drawn = useRef(false);
  useLayoutEffect(() => {
    const element = root.current;
    if (!element) return;
    if (!drawn.current) {
      drawn.current = true;
      element.toggleAttribute('inert', !shown);
      return;
    }
    return whenIdle(() => {
      element.toggleAttribute('inert', !shown);
    });
  }, [root, shown]);
}
