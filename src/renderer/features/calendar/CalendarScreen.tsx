import { OVERRIDE_KIND_LABELS } from '../../../shared/domain/override-kinds';
import type {
  CalendarOptions,
  DatesSetArg,
  EventInput,
  DayCellContentArg,
  EventClickArg,
  EventContentArg,
  EventDropArg,
  EventMountArg,
} from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type DropArg, type EventResizeDoneArg } from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import multiMonthPlugin from '@fullcalendar/multimonth';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import type { DateSelectArg } from '@fullcalendar/core';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { quarterOf } from '../../../shared/domain/fairness';
import { applyChange, computeSegments, provisionalIds, shiftIndexAt } from '../../../shared/domain/rotation';
import { eachDate } from '../../../shared/domain/time';
import type { ScheduleOperation } from '../../../shared/ipc/schemas';
import type { Engineer, Id, IsoDate, ModelWarning, CoverKind, Rotation, Segment } from '../../../shared/model';
import type { ScheduleView } from '../../../shared/views';
import { formatMoment } from '../../components/format';
import { ErrorNotice, EmptyState } from '../../components/Notice';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useStore } from '../../store';
import type { PlanProposal } from '../../store/slices/calendar';
import { ChangesDialog, PublishDialog } from './PublishDialogs';
import { CoverPanel, type CoverDraft } from './CoverPanel';
import { EventDialog } from './EventDialog';
import {
  drillEvents,
  holidayEvents,
  currentSegment,
  resizableOverride,
  segmentEvents,
  syncEvents,
  unavailabilityEvents,
  type SegmentEventProps,
} from './events';
import { dayClassNames, dayMarksElement, dayMarksOf, refreshDayMarks } from './dayMarks';
import { PlanPanel, PlanProgress } from './PlanPanel';
import { QuarterPicker } from './QuarterPicker';
import { Roster } from './Roster';
import { PreviewDialog } from './SwapDialog';
import { CalendarWarnings } from './CalendarWarnings';
import { fromWall, toWall, wallDate, wallNow } from './wallclock';

export type CalendarViewKey = 'month' | 'week' | 'quarter' | 'list';

export const VIEW_TYPES: Record<CalendarViewKey, string> = {
  month: 'dayGridMonth',
  week: 'timeGridWeek',
  quarter: 'multiMonthQuarter',
  list: 'listMonth',
};
const VIEW_LABELS: Record<CalendarViewKey, string> = { month: 'Month', week: 'Week', quarter: 'Quarter', list: 'List' };
const VIEW_KEYS: Record<string, CalendarViewKey> = { m: 'month', w: 'week', q: 'quarter', l: 'list' };
const PLUGINS = [dayGridPlugin, timeGridPlugin, multiMonthPlugin, listPlugin, interactionPlugin];
// The grids show no times on shifts (eventContent leaves them out); not making FullCalendar
// format them saves time on every month drawn.
const VIEWS = {
  dayGridMonth: { displayEventTime: false },
  // A shift is listed once, with when it ends (see eventContent): the start time is enough here.
  listMonth: { displayEventEnd: false },
  // 'Mon 16': the title names the month (FullCalendar's English says 'Mon 11/16').
  timeGridWeek: {
    dayHeaderFormat: (arg: { date: { marker: Date } }) =>
      arg.date.marker.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', timeZone: 'UTC' }),
  },
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
  },
};
const MS_PER_DAY = 86_400_000;

export function CalendarScreen() {
  const rotation = useStore((s) => s.calendarRotation);
  const rotationState = useStore((s) => s.calendarRotationState);
  const loadCalendarRotation = useStore((s) => s.loadCalendarRotation);
  const engineers = useStore((s) => s.engineers);
  const loadEngineers = useStore((s) => s.loadEngineers);
  const navigate = useStore((s) => s.navigate);

  useEffect(() => {
    void loadCalendarRotation();
    void loadEngineers();
  }, [loadCalendarRotation, loadEngineers]);

  return (
    <section className="screen screen--wide" aria-labelledby="screen-title">
      {rotationState.status === 'error' && (
        <>
          <ScreenHeader title="Calendar" />
          <ErrorNotice
            message={`The rotation could not be loaded: ${rotationState.error}`}
            onRetry={() => void loadCalendarRotation()}
          />
        </>
      )}
      {rotationState.status !== 'error' && !rotation && (
        <>
          <ScreenHeader title="Calendar" subtitle=" " />
          {rotationState.status === 'ready' ? (
            <EmptyState title="No on-call rotation yet">
              <p>
                The calendar shows the schedule computed from a rotation: add your engineers and set up the rotation on
                the Team screen. To explore Watchbill with an example team instead, start it on a new database file
                without --empty.
              </p>
              <button type="button" className="button button--primary" onClick={() => navigate('team')}>
                Open Team
              </button>
            </EmptyState>
          ) : (
            <p className="muted">Loading…</p>
          )}
        </>
      )}
      {rotation && <CalendarBody rotation={rotation} engineers={engineers} />}
    </section>
  );
}

interface SwapRequest {
  operation: ScheduleOperation;
  title: string;
  revert: () => void;
}

interface Selection {
  start: Date;
  end: Date;
  allDay: boolean;
}

function CalendarBody({ rotation, engineers }: { rotation: Rotation; engineers: Engineer[] }) {
  const zone = rotation.timeZone;
  const schedule = useStore((s) => s.schedule);
  const scheduleState = useStore((s) => s.scheduleState);
  const rosterFairness = useStore((s) => s.rosterFairness);
  const loadSchedule = useStore((s) => s.loadSchedule);
  const navigate = useStore((s) => s.navigate);
  const openDrill = useStore((s) => s.openDrill);
  const openDrillFromCalendar = async (drillId: Id) => {
    await openDrill(drillId);
    navigate('drills');
  };
  const forgetSchedule = useStore((s) => s.forgetSchedule);
  // Other screens may change the schedule while this one is closed.
  useEffect(() => forgetSchedule, [forgetSchedule]);
  const applyEdit = useStore((s) => s.applyEdit);
  const undoEdit = useStore((s) => s.undoEdit);
  const redoEdit = useStore((s) => s.redoEdit);
  const editing = useStore((s) => s.editing);
  const message = useStore((s) => s.calendarMessage);
  const setMessage = useStore((s) => s.setCalendarMessage);
  const coverRole = useStore((s) => s.coverRole);
  const pickedEngineer = useStore((s) => s.rosterEngineerId);
  const focusDate = useStore((s) => s.calendarFocusDate);
  const plan = useStore((s) => s.plan);
  const planState = useStore((s) => s.planState);
  const planProgress = useStore((s) => s.planProgress);
  const proposePlan = useStore((s) => s.proposePlan);
  const loadChanges = useStore((s) => s.loadChangesSincePublished);
  const changes = useStore((s) => s.changesSincePublished);

  const calendar = useRef<FullCalendar>(null);
  const calendarRoot = useRef<HTMLDivElement>(null);
  const [initialDate] = useState<string>(() => focusDate ?? wallDate(wallNow(zone)));
  const [viewInfo, setViewInfo] = useState({ title: '', key: 'month' as CalendarViewKey, date: initialDate });
  const [swap, setSwap] = useState<SwapRequest | null>(null);
  const [detail, setDetail] = useState<Segment | null>(null);
  const [cover, setCover] = useState<CoverDraft | null>(null);
  const [publishing, setPublishing] = useState(false);
  const selection = useRef<Selection | null>(null);

  const engineerMap = useMemo(() => new Map<Id, Engineer>(engineers.map((e) => [e.id, e])), [engineers]);
  const activeEngineers = useMemo(() => {
    const members = new Set(rotation.memberIds);
    return engineers.filter((e) => e.active).sort((a, b) => Number(members.has(b.id)) - Number(members.has(a.id)));
  }, [engineers, rotation.memberIds]);
  const quarter = quarterOf(viewInfo.date);

  const api = () => calendar.current?.getApi();

  // A warning on Today may ask for a date: go there when it changes while the screen is open.
  useEffect(() => {
    if (focusDate) {
      api()?.gotoDate(focusDate);
      useStore.setState({ calendarFocusDate: null });
    }
  }, [focusDate]);

  // FullCalendar asks for the events of each range it is about to draw. Answered at once from
  // what is loaded, a new month is drawn once, with its events.
  const scheduleRevision = useStore((s) => s.scheduleRevision);
  const scheduleFor = useStore((s) => s.scheduleFor);
  const scheduleWindow = useStore((s) => s.scheduleWindow);
  const layers = useMemo<Layers>(
    () => ({ plan, engineers: engineerMap, zone, pickedEngineer }),
    [plan, engineerMap, zone, pickedEngineer],
  );
  // A request FullCalendar made before its range was loaded: answered when the load ends.
  const waitingFetch = useRef<{ range: { start: Date; end: Date }; success: (events: EventInput[]) => void } | null>(
    null,
  );
  const fetchEvents = (range: { start: Date; end: Date }, success: (events: EventInput[]) => void) => {
    const view = scheduleFor(fromWall(range.start, zone), fromWall(range.end, zone));
    waitingFetch.current = view ? null : { range, success };
    if (view) success(calendarEvents(view, layers));
  };
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

  const onDatesSet = useCallback(
    (arg: DatesSetArg) => {
      const key =
        (Object.keys(VIEW_TYPES) as CalendarViewKey[]).find((k) => VIEW_TYPES[k] === arg.view.type) ?? 'month';
      const current = arg.view.calendar.getDate();
      setViewInfo({ title: arg.view.title, key, date: wallDate(current) });
      void loadSchedule({
        from: fromWall(arg.start, zone),
        to: fromWall(arg.end, zone),
        firstDate: wallDate(arg.start),
        lastDate: wallDate(new Date(arg.end.getTime() - 1)),
        quarterDate: wallDate(current),
      });
    },
    [loadSchedule, zone],
  );

  const goView = useCallback((key: CalendarViewKey) => {
    const cal = calendar.current?.getApi();
    if (!cal) return;
    const date = wallDate(cal.getDate());
    // FullCalendar does not keep a date given to changeView as its own: go there after.
    cal.changeView(VIEW_TYPES[key]);
    cal.gotoDate(key === 'quarter' ? quarterOf(date).startDate : date);
  }, []);

  /** Today's month or week, or its quarter in the quarter view (which always shows whole quarters). */
  const goToday = useCallback(() => {
    const cal = calendar.current?.getApi();
    if (!cal) return;
    const today = wallDate(wallNow(zone));
    cal.gotoDate(cal.view.type === VIEW_TYPES.quarter ? quarterOf(today).startDate : today);
  }, [zone]);
  const goToDate = useCallback((date: IsoDate) => calendar.current?.getApi().gotoDate(date), []);
  const undo = useCallback(() => void undoEdit(), [undoEdit]);
  const redo = useCallback(() => void redoEdit(), [redoEdit]);

  // Keyboard: periods, today, views, undo and redo; not while typing or in a dialog.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [role="dialog"]')) return;
      const cal = calendar.current?.getApi();
      if (!cal) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      // In the desktop app the Edit menu owns Ctrl/Cmd+Z (see App.tsx); here it would undo twice.
      const menuOwnsUndo = window.watchbillCommands !== undefined;
      if (mod && key === 'z' && !menuOwnsUndo) {
        event.preventDefault();
        if (event.shiftKey) redo();
        else undo();
        return;
      }
      if (mod && key === 'y' && !menuOwnsUndo) {
        event.preventDefault();
        redo();
        return;
      }
      if (mod || event.altKey) return;
      if (event.key === 'ArrowLeft' || event.key === 'PageUp') cal.prev();
      else if (event.key === 'ArrowRight' || event.key === 'PageDown') cal.next();
      else if (key === 't') goToday();
      else if (VIEW_KEYS[key]) goView(VIEW_KEYS[key]);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [goView, goToday, undo, redo]);

  const refuse = (text: string, revert?: () => void) => {
    revert?.();
    setMessage({ tone: 'error', text });
  };

  const onEventDrop = (info: EventDropArg) => {
    const props = info.event.extendedProps as SegmentEventProps;
    if (props.type !== 'segment' || props.preview) return info.revert();
    const segment = props.segment;
    const deltaMs = info.delta.days * MS_PER_DAY + info.delta.milliseconds;
    const middle = (Date.parse(segment.startsAt) + Date.parse(segment.endsAt)) / 2;
    const landed = Date.parse(`${toWall(middle, zone)}Z`) + deltaMs;
    const target = shiftIndexAt(rotation, fromWall(new Date(landed), zone));
    if (target === segment.shiftIndex || target < 0) {
      refuse('Drop a shift onto another week to swap the two.', info.revert);
      return;
    }
    setSwap({
      title: 'Swap these shifts?',
      operation: { op: 'swap', shiftA: segment.shiftIndex, shiftB: target, reason: 'Swapped on the calendar' },
      revert: info.revert,
    });
  };

  const onEventResize = (info: EventResizeDoneArg) => {
    const props = info.event.extendedProps as SegmentEventProps;
    const segment = currentSegment(props.segment, schedule?.segments ?? []);
    const override = schedule ? resizableOverride(segment, schedule.overrides) : null;
    if (!override || !info.event.start || !info.event.end) {
      refuse('Only a cover can be resized: drag an engineer onto a day first.', info.revert);
      return;
    }
    const startMoved = info.startDelta.days !== 0 || info.startDelta.milliseconds !== 0;
    const endMoved = info.endDelta.days !== 0 || info.endDelta.milliseconds !== 0;
    const startsAt = startMoved ? fromWall(info.event.start, zone) : override.startsAt;
    const endsAt = endMoved ? fromWall(info.event.end, zone) : override.endsAt;
    void applyEdit({ op: 'reshape', overrideId: override.id, startsAt, endsAt }).then((saved) => {
      if (!saved) info.revert();
    });
  };

  const kindOn = (dates: IsoDate[]): CoverKind =>
    schedule?.holidays.some((h) => dates.includes(h.date)) ? 'holiday_cover' : 'cover';

  const onExternalDrop = (info: DropArg) => {
    const engineerId = Number((info.draggedEl as HTMLElement).dataset.engineerId);
    if (!engineerId || plan) return;
    const picked = selection.current;
    const at = info.date.getTime();
    let operation: ScheduleOperation;
    if (picked && at >= picked.start.getTime() && at < picked.end.getTime()) {
      if (picked.allDay) {
        const dates = eachDate(wallDate(picked.start), wallDate(new Date(picked.end.getTime() - 1)));
        operation = { op: 'cover-days', dates, role: coverRole, engineerId, kind: kindOn(dates), reason: '' };
      } else {
        operation = {
          op: 'cover',
          from: fromWall(picked.start, zone),
          to: fromWall(picked.end, zone),
          role: coverRole,
          engineerId,
          kind: 'cover',
          reason: '',
        };
      }
    } else {
      const dates = [wallDate(info.date)];
      operation = { op: 'cover-days', dates, role: coverRole, engineerId, kind: kindOn(dates), reason: '' };
    }
    api()?.unselect();
    selection.current = null;
    setCover(null);
    void applyEdit(operation);
  };

  const onSelect = (info: DateSelectArg) => {
    if (plan) return;
    selection.current = { start: info.start, end: info.end, allDay: info.allDay };
    setCover(
      info.allDay
        ? { mode: 'days', from: wallDate(info.start), to: wallDate(new Date(info.end.getTime() - 1)) }
        : { mode: 'time', from: toLocalInput(info.start), to: toLocalInput(info.end) },
    );
  };

  const onEventClick = (info: EventClickArg) => {
    info.jsEvent.preventDefault();
    const props = info.event.extendedProps as
      SegmentEventProps | { type: 'drill'; drillId: Id } | { type: 'drill-due' };
    if (props.type === 'segment') setDetail(props.segment);
    else if (props.type === 'drill') void openDrillFromCalendar(props.drillId);
    else if (props.type === 'drill-due') navigate('drills');
  };

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

  const eventDidMount = (arg: EventMountArg) => {
    const props = arg.event.extendedProps as SegmentEventProps;
    if (props.type !== 'segment') return;
    const why = props.reasons.length > 0 ? ` (${props.reasons.join('; ')})` : '';
    arg.el.setAttribute('aria-label', `${arg.event.title}${why}`);
    arg.el.title = `${arg.event.title}${why}`;
    arg.el.dataset.shift = String(props.segment.shiftIndex);
    arg.el.dataset.primary = String(props.segment.primaryId ?? '');
    // The list shows a shift once, on the day it starts (or the first day listed), with its
    // end: FullCalendar repeats it under every day it runs through.
    if (arg.view.type === VIEW_TYPES.list && !arg.isStart && listDayOf(arg.el) !== wallDate(arg.view.activeStart))
      arg.el.classList.add('is-continued');
  };

  // FullCalendar re-renders every day cell when an option changes identity; the handlers
  // below change with every render, so the calendar gets stable wrappers that call the
  // latest ones. Without this a month switch re-rendered the grid three times over.
  const latest = useRef({
    fetchEvents,
    onEventDrop,
    onEventResize,
    onExternalDrop,
    onSelect,
    onEventClick,
    eventDidMount,
  });
  useLayoutEffect(() => {
    latest.current = { fetchEvents, onEventDrop, onEventResize, onExternalDrop, onSelect, onEventClick, eventDidMount };
  });
  // What is layered on the schedule changed (the plan, the picked engineer, names and colours):
  // FullCalendar asks for every event again.
  const layersShown = useRef(layers);
  useLayoutEffect(() => {
    if (layersShown.current === layers) return;
    layersShown.current = layers;
    calendar.current?.getApi().refetchEvents();
  }, [layers]);
  const stable = useMemo(
    () => ({
      eventDrop: (info: EventDropArg) => latest.current.onEventDrop(info),
      eventResize: (info: EventResizeDoneArg) => latest.current.onEventResize(info),
      drop: (info: DropArg) => latest.current.onExternalDrop(info),
      select: (info: DateSelectArg) => latest.current.onSelect(info),
      eventClick: (info: EventClickArg) => latest.current.onEventClick(info),
      eventDidMount: (arg: EventMountArg) => latest.current.eventDidMount(arg),
      events: (range: { start: Date; end: Date }, success: (events: EventInput[]) => void) =>
        latest.current.fetchEvents(range, success),
      unselect: () => {
        selection.current = null;
      },
    }),
    [],
  );
  const now = useCallback(() => wallNow(zone), [zone]);

  const assignCover = () => {
    const date = viewInfo.date;
    setCover({ mode: 'days', from: date, to: date });
  };

  // The saved segment behind what was clicked: a drop is drawn before it is saved.
  const detailNow = detail && currentSegment(detail, schedule?.segments ?? []);
  const overridesOf = (segment: Segment) => schedule?.overrides.filter((o) => segment.overrideIds.includes(o.id)) ?? [];

  return (
    <>
      <ScreenHeader
        title="Calendar"
        subtitle={`${rotation.name} · times in ${zone} · drag a shift onto another week to swap, drag a name onto a day to cover it`}
      />
      <div className="cal-toolbar" role="toolbar" aria-label="Calendar">
        <div className="cal-toolbar__group">
          <button
            type="button"
            className="button"
            onClick={() => api()?.prev()}
            aria-label="Previous period"
            title="Previous (←, PageUp)"
          >
            ‹
          </button>
          <button type="button" className="button" onClick={goToday} title="Today (T)">
            Today
          </button>
          <button
            type="button"
            className="button"
            onClick={() => api()?.next()}
            aria-label="Next period"
            title="Next (→, PageDown)"
          >
            ›
          </button>
          <h2 className="cal-toolbar__title" aria-live="polite" data-testid="calendar-title">
            {viewInfo.title}
          </h2>
        </div>
        <div className="cal-toolbar__group segmented" role="group" aria-label="View">
          {(Object.keys(VIEW_TYPES) as CalendarViewKey[]).map((key) => (
            <button
              key={key}
              type="button"
              className="button"
              aria-pressed={viewInfo.key === key}
              onClick={() => goView(key)}
              title={`${VIEW_LABELS[key]} (${key[0]!.toUpperCase()})`}
            >
              {VIEW_LABELS[key]}
            </button>
          ))}
        </div>
        <div className="cal-toolbar__group">
          <button
            type="button"
            className="button"
            onClick={undo}
            disabled={!schedule?.canUndo || editing}
            title="Undo (Ctrl+Z)"
            data-testid="undo"
          >
            ↶ {schedule?.canUndo ? `Undo: ${schedule.canUndo}` : 'Undo'}
          </button>
          <button
            type="button"
            className="button"
            onClick={redo}
            disabled={!schedule?.canRedo || editing}
            title="Redo (Shift+Ctrl+Z)"
            data-testid="redo"
          >
            ↷ {schedule?.canRedo ? `Redo: ${schedule.canRedo}` : 'Redo'}
          </button>
        </div>
      </div>
      <div className="cal-toolbar cal-toolbar--secondary">
        <div className="cal-toolbar__group">
          <QuarterPicker
            value={quarter.startDate}
            firstYear={Number(rotation.startDate.slice(0, 4))}
            onChange={(start) => api()?.gotoDate(start)}
          />
          <button
            type="button"
            className="button"
            onClick={() => void proposePlan(quarter.startDate, quarter.endDate)}
            disabled={planState.status === 'loading'}
          >
            {planState.status === 'loading' ? 'Planning…' : `Plan ${quarter.label}`}
          </button>
          <button type="button" className="button" onClick={() => setPublishing(true)}>
            Publish {quarter.label}
          </button>
          <button type="button" className="button" onClick={() => void loadChanges()}>
            Changes since published
          </button>
        </div>
        <div className="cal-toolbar__group">
          <button type="button" className="button" onClick={assignCover} disabled={plan !== null}>
            Assign cover…
          </button>
        </div>
      </div>

      <div className="cal-status" aria-live="polite">
        {message && (
          <p
            className={message.tone === 'error' ? 'cal-message cal-message--error' : 'cal-message'}
            role={message.tone === 'error' ? 'alert' : 'status'}
          >
            {message.text}
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setMessage(null)}
              aria-label="Dismiss"
            >
              ×
            </button>
          </p>
        )}
        {planState.status === 'error' && <p className="cal-message cal-message--error">Planner: {planState.error}</p>}
        {scheduleState.status === 'error' && (
          <p className="cal-message cal-message--error">The schedule could not be loaded: {scheduleState.error}</p>
        )}
      </div>

      {planState.status === 'loading' && <PlanProgress progress={planProgress} />}
      {plan && <PlanPanel plan={plan} engineers={engineerMap} />}

      <div className="cal-layout">
        <div
          ref={calendarRoot}
          className={plan ? 'cal-main is-preview' : 'cal-main'}
          data-testid="calendar"
          aria-busy={scheduleState.status === 'loading'}
        >
          <MemoCalendar
            calendarRef={calendar}
            plugins={PLUGINS}
            views={VIEWS}
            initialView="dayGridMonth"
            initialDate={initialDate}
            headerToolbar={false}
            timeZone="UTC"
            now={now}
            firstDay={1}
            height={620}
            weekends
            nowIndicator
            scrollTime="08:00:00"
            eventInteractive
            editable={!plan}
            droppable={!plan}
            selectable={!plan}
            selectMirror
            unselectAuto={false}
            selectMinDistance={4}
            dayMaxEvents={false}
            displayEventEnd
            eventTimeFormat={TIME_FORMAT}
            slotLabelFormat={TIME_FORMAT}
            events={stable.events}
            datesSet={onDatesSet}
            eventDrop={stable.eventDrop}
            eventResize={stable.eventResize}
            drop={stable.drop}
            select={stable.select}
            unselect={stable.unselect}
            eventClick={stable.eventClick}
            eventContent={eventContent}
            eventDidMount={stable.eventDidMount}
            dayCellContent={dayCellContent}
            dayCellClassNames={dayCellClassNames}
          />
        </div>
        <aside className="cal-side">
          {cover && (
            <CoverPanel
              key={`${cover.from}-${cover.to}`}
              draft={cover}
              engineers={activeEngineers}
              timeZone={zone}
              onDone={() => {
                setCover(null);
                selection.current = null;
                api()?.unselect();
              }}
            />
          )}
          <Roster engineers={activeEngineers} fairness={rosterFairness} />
          <Legend />
          <CalendarWarnings warnings={schedule?.warnings ?? NO_WARNINGS} timeZone={zone} onGo={goToDate} />
        </aside>
      </div>

      {swap && (
        <PreviewDialog
          title={swap.title}
          operation={swap.operation}
          engineers={engineerMap}
          timeZone={zone}
          onClose={(saved) => {
            if (!saved) swap.revert();
            setSwap(null);
          }}
        />
      )}
      {detailNow && (
        <EventDialog
          segment={detailNow}
          overrides={overridesOf(detailNow)}
          engineers={engineerMap}
          timeZone={zone}
          onClose={() => setDetail(null)}
        />
      )}
      {publishing && (
        <PublishDialog
          from={quarter.startDate}
          to={quarter.endDate}
          label={quarter.label ?? ''}
          onClose={() => setPublishing(false)}
        />
      )}
      {changes && <ChangesDialog engineers={engineerMap} timeZone={zone} />}
    </>
  );
}

/**
 * FullCalendar's React wrapper redraws the calendar on each of its renders, changed options or
 * not. This one renders it only when an option changed, so the roster and the warnings beside it
 * update without redrawing the month.
 */
const MemoCalendar = memo(function MemoCalendar({
  calendarRef,
  ...options
}: CalendarOptions & { calendarRef: RefObject<FullCalendar | null> }) {
  return <FullCalendar ref={calendarRef} {...options} />;
});

const TIME_FORMAT = { hour: '2-digit', minute: '2-digit', hour12: false } as const;

// Day cells and events are built as plain DOM nodes, not React elements: FullCalendar mounts
// a React root per cell for JSX content, which made every month switch several times slower.
function element(tag: string, className: string, text?: string, children: Node[] = []): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  node.append(...children);
  return node;
}

function eventContent(arg: EventContentArg) {
  const props = arg.event.extendedProps as Partial<SegmentEventProps>;
  const type: string | undefined = props.type;
  if (type === 'drill' || type === 'drill-due') {
    const title = element('div', 'cal-drill__title', arg.event.title);
    title.title = arg.event.title;
    return { domNodes: [title] };
  }
  if (props.type !== 'segment') return undefined;
  const parts: Node[] = [];
  if (arg.timeText && arg.view.type === 'timeGridWeek') parts.push(element('span', 'shift__time', arg.timeText));
  parts.push(
    element('span', 'shift__title', undefined, [
      element('span', 'shift__primary', props.primaryName ?? ''),
      element('span', 'shift__backup', ` · backup ${props.secondaryName ?? ''}`),
    ]),
  );
  if (arg.view.type === VIEW_TYPES.list && props.segment && props.timeZone)
    parts.push(element('span', 'shift__until', `until ${formatMoment(props.segment.endsAt, props.timeZone)}`));
  for (const kind of props.kinds ?? []) parts.push(element('span', 'shift__kind', OVERRIDE_KIND_LABELS[kind]));
  return { domNodes: [element('div', 'shift__body', undefined, parts)] };
}

/** The date of the list view's day a row is listed under (its header row's data-date). */
function listDayOf(row: HTMLElement): string | undefined {
  let at = row.previousElementSibling;
  while (at && !at.classList.contains('fc-list-day')) at = at.previousElementSibling;
  return (at as HTMLElement | null)?.dataset.date;
}

const NO_WARNINGS: ModelWarning[] = [];

const Legend = memo(function Legend() {
  return (
    <div className="legend" aria-label="Legend">
      <span className="legend__item">
        <span className="legend__swatch legend__swatch--holiday" aria-hidden="true" /> Holiday
      </span>
      <span className="legend__item">
        <span className="legend__swatch legend__swatch--away" aria-hidden="true" /> Away (picked engineer)
      </span>
      <span className="legend__item">
        <span className="legend__swatch legend__swatch--override" aria-hidden="true" /> Override
      </span>
      <span className="legend__item">
        <span className="legend__swatch legend__swatch--drill" aria-hidden="true" /> Drill
      </span>
      <span className="legend__item">
        <span className="day-warning" aria-hidden="true">
          !
        </span>{' '}
        Warning
      </span>
    </div>
  );
});

/** What the calendar draws over the schedule besides its segments' people and colours. */
interface Layers {
  /** The planner's proposal, shown as a preview in place of the schedule. */
  plan: PlanProposal | null;
  engineers: Map<Id, Engineer>;
  zone: string;
  /** The engineer picked in the roster, whose time away is shown. */
  pickedEngineer: Id | null;
}

/** Every event of a loaded schedule: its segments (or the plan's), holidays, time away and drills. */
function calendarEvents(view: ScheduleView, { plan, engineers, zone, pickedEngineer }: Layers): EventInput[] {
  return [
    ...segmentEvents(
      plan ? previewSegments(view, plan.result.change) : view.segments,
      view.overrides,
      engineers,
      zone,
      {
        preview: plan !== null,
      },
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

function toLocalInput(date: Date): string {
  return `${wallDate(date)}T${date.toISOString().slice(11, 16)}`;
}
