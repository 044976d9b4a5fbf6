// Where the calendar is: the period in view, the periods drawn beside it (see CalendarDeck), and
// moving between them (a step, Today, a date, another view). A period already drawn comes into
// view at once, with its title and range known from when it was drawn.
import type { CalendarApi, DatesSetArg } from '@fullcalendar/core';
import type FullCalendar from '@fullcalendar/react';
import { createRef, useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { quarterOf } from '../../../shared/domain/fairness';
import { addDays } from '../../../shared/domain/time';
import type { IsoDate } from '../../../shared/model';
import type { VisibleRange } from '../../store/slices/calendar';
import { deckAround, periodOf, stepPeriod, type Period } from './periods';
import type { CalendarViewKey } from './useCalendarKeys';
import { fromWall, wallDate, wallNow } from './wallclock';
import { whenIdle } from './whenIdle';

/** What a drawn period told when FullCalendar drew it. */
interface Drawn {
  title: string;
  start: Date;
  end: Date;
}

const atMidnight = (date: IsoDate) => new Date(`${date}T00:00:00Z`);
const byStart = (a: Period, b: Period) => a.start.localeCompare(b.start);

export function useCalendarDeck(
  zone: string,
  initialDate: IsoDate,
  store: { load(range: VisibleRange): void; loaded(from: string, to: string): boolean },
  /** Changes whenever what is loaded does: the deck looks again whether the period in view has its content. */
  loads: number,
) {
  const { load, loaded } = store;
  // The period in view, and the day asked for within it (the first day after a step).
  const [place, setPlace] = useState(() => ({ current: periodOf('month', initialDate), date: initialDate }));
  const [drawn, setDrawn] = useState<Period[]>(() => [place.current]);
  const [title, setTitle] = useState('');
  const placeNow = useRef(place);
  const told = useRef(new Map<string, Drawn>());
  const refs = useRef(new Map<string, RefObject<FullCalendar | null>>());
  const cancelAnnounce = useRef(() => {});

  const calendarRef = useCallback((id: string) => {
    let ref = refs.current.get(id);
    if (!ref) refs.current.set(id, (ref = createRef<FullCalendar>()));
    return ref;
  }, []);
  const currentApi = useCallback(
    (): CalendarApi | undefined => refs.current.get(placeNow.current.current.id)?.current?.getApi(),
    [],
  );

  /** The range a drawn period shows, with its neighbours' kept at hand. */
  const rangeOf = useCallback(
    (period: Period, date: IsoDate, seen: Drawn): VisibleRange => {
      const [previous] = deckAround(period);
      // A month grid reaches a week into the months either side: a margin keeps those days too.
      const keepFrom = addDays(previous!.start, -7);
      const keepTo = addDays(stepPeriod(period.view, period.start, 2), 14);
      return {
        from: fromWall(seen.start, zone),
        to: fromWall(seen.end, zone),
        firstDate: wallDate(seen.start),
        lastDate: wallDate(new Date(seen.end.getTime() - 1)),
        quarterDate: date,
        keep: { from: fromWall(atMidnight(keepFrom), zone), to: fromWall(atMidnight(keepTo), zone) },
      };
    },
    [zone],
  );
  /** The period in view is shown: its title, and its range loaded. */
  const announce = useCallback(
    (period: Period, date: IsoDate, seen: Drawn) => {
      setTitle(seen.title);
      load(rangeOf(period, date, seen));
    },
    [load, rangeOf],
  );

  const onDatesSet = useCallback(
    (period: Period, arg: DatesSetArg) => {
      const seen = { title: arg.view.title, start: arg.start, end: arg.end };
      told.current.set(period.id, seen);
      const now = placeNow.current;
      if (period.id === now.current.id) announce(period, now.date, seen);
    },
    [announce],
  );

  /** Shows the period of `view` holding `date`: at once when it is drawn, else drawn now. */
  const go = useCallback(
    (view: CalendarViewKey, date: IsoDate) => {
      const target = periodOf(view, date);
      const next = { current: target, date };
      placeNow.current = next;
      setPlace(next);
      setDrawn((periods) => {
        if (periods.some((p) => p.id === target.id)) return periods;
        // Another view draws its periods anew; the same view keeps what is drawn until idle.
        return periods[0]?.view === view ? [...periods, target].sort(byStart) : [target];
      });
      const seen = told.current.get(target.id);
      cancelAnnounce.current();
      if (!seen) return;
      const range = rangeOf(target, date, seen);
      if (!loaded(range.from, range.to)) {
        announce(target, date, seen);
        return;
      }
      // Drawn and loaded already: its title now, in the frame that shows it; what is beside the
      // calendar (the warnings, the roster's figures, undo) follows once that frame is on screen.
      setTitle(seen.title);
      cancelAnnounce.current = whenIdle(() => load(range));
    },
    [announce, load, loaded, rangeOf],
  );

  // Once the page is idle after a move: the neighbours of the period in view drawn, others let go.
  // Not before the period in view has its content: drawing two months out of sight while its
  // shifts arrive would hold them back (the first start, another view, a jump far away). Looked
  // at again when something is loaded (`loads`) and when the period in view tells its range
  // (kept in a ref; its title is set in the same step).
  useEffect(() => {
    const seen = told.current.get(place.current.id);
    if (!seen) return;
    const range = rangeOf(place.current, place.date, seen);
    if (!loaded(range.from, range.to)) return;
    return whenIdle(() => {
      // A period drawn already keeps its object: a new one would give its calendar new options
      // (its datesSet), which FullCalendar answers by drawing the whole period again.
      const wanted = deckAround(place.current);
      setDrawn((periods) =>
        wanted.every((p, i) => periods[i]?.id === p.id) && periods.length === wanted.length
          ? periods
          : wanted.map((p) => periods.find((drawn) => drawn.id === p.id) ?? p),
      );
      for (const id of told.current.keys()) if (!wanted.some((p) => p.id === id)) told.current.delete(id);
      for (const id of refs.current.keys()) if (!wanted.some((p) => p.id === id)) refs.current.delete(id);
    });
  }, [place, loads, loaded, rangeOf, title]);

  // The day the lead asked for (Today, a date, a quarter picked), kept while the quarter view
  // shows its whole quarter, so that going back to the month or week lands on that day again.
  const wantedDate = useRef<IsoDate | null>(null);
  const goView = useCallback(
    (view: CalendarViewKey) => {
      const shown = placeNow.current.date;
      const wanted = wantedDate.current;
      const date = wanted && quarterOf(wanted).startDate === quarterOf(shown).startDate ? wanted : shown;
      go(view, view === 'quarter' ? quarterOf(date).startDate : date);
      wantedDate.current = date;
    },
    [go],
  );
  /** Today's month or week, or its quarter in the quarter view (which always shows whole quarters). */
  const goToday = useCallback(() => {
    const today = wallDate(wallNow(zone));
    const view = placeNow.current.current.view;
    go(view, view === 'quarter' ? quarterOf(today).startDate : today);
    wantedDate.current = today;
  }, [go, zone]);
  const goToDate = useCallback(
    (date: IsoDate) => {
      go(placeNow.current.current.view, date);
      wantedDate.current = date;
    },
    [go],
  );
  const step = useCallback(
    (direction: -1 | 1) => {
      const { current } = placeNow.current;
      go(current.view, stepPeriod(current.view, current.start, direction));
      wantedDate.current = null;
    },
    [go],
  );

  return {
    drawn,
    current: place.current,
    date: place.date,
    title,
    calendarRef,
    currentApi,
    onDatesSet,
    goView,
    goToday,
    goToDate,
    step,
  };
}
