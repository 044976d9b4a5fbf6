import type { DateSelectArg, EventClickArg, EventDropArg, EventMountArg } from '@fullcalendar/core';
import type { DropArg, EventResizeDoneArg } from '@fullcalendar/interaction';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { quarterOf } from '../../../shared/domain/fairness';
import type { ScheduleOperation } from '../../../shared/ipc/schemas';
import type { Engineer, Id, ModelWarning, Rotation, Segment } from '../../../shared/model';
import { ErrorNotice } from '../../components/Notice';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useEngineers } from '../../query/engineers';
import { useStore } from '../../store';
import type { VisibleRange } from '../../store/slices/calendar';
import { ChangesDialog, PublishDialog } from './PublishDialogs';
import { CoverPanel, type CoverDraft } from './CoverPanel';
import { EventDialog } from './EventDialog';
import {
  currentSegment,
  nameOf,
  resizableOverride,
  uncutSegment,
  type SegmentEventProps,
  type ShiftRotation,
} from './events';
import { eventContent, labelShift, shiftClassNames, type Layers } from './calendarContent';
import { useDayMarks } from './useFullCalendarBridge';
import { CALENDAR_HEIGHT, PLUGINS, TIME_FORMAT, VIEWS } from './calendarOptions';
import { CalendarStatus } from './CalendarStatus';
import { CalendarActions, CalendarToolbar } from './CalendarToolbar';
import { CalendarDeck, PERIOD_IN_VIEW, type SharedOptions } from './CalendarDeck';
import { useCalendarDeck } from './useCalendarDeck';
import { coverFromDrop, swapFromDrop, swapOf, type PickedRange } from './dropOperation';
import { HolidayStrip } from './HolidayStrip';
import { Legend } from './Legend';
import { PlanPanel, PlanProgress } from './PlanPanel';
import { Roster } from './Roster';
import { PreviewDialog } from './SwapDialog';
import { SwapChooser } from './SwapChooser';
import { CalendarWarnings } from './CalendarWarnings';
import { CalendarRotations } from './CalendarRotations';
import { NoRotation } from './NoRotation';
import { LayerShiftDialog } from './LayerShiftDialog';
import { useLayerDrop } from './layerDrop';
import { useRotationLayers } from './useRotationLayers';
import { useCalendarKeys } from './useCalendarKeys';
import { fromWall, toLocalInput, wallDate, wallNow } from './wallclock';

export { VIEW_TYPES } from './calendarOptions';
export type { CalendarViewKey } from './useCalendarKeys';

export function CalendarScreen() {
  const rotation = useStore((s) => s.calendarRotation);
  const rotationState = useStore((s) => s.calendarRotationState);
  const loadCalendarRotation = useStore((s) => s.loadCalendarRotation);
  const engineers = useEngineers();

  useEffect(() => {
    void loadCalendarRotation();
  }, [loadCalendarRotation]);

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
      {rotationState.status !== 'error' && !rotation && <NoRotation ready={rotationState.status === 'ready'} />}
      {rotation && <CalendarBody rotation={rotation} engineers={engineers} />}
    </section>
  );
}

/** An edit that asks for a look before it is saved: a swap, or a cover made by dragging a name. */
interface ConfirmRequest {
  operation: ScheduleOperation;
  title: string;
  revert: () => void;
}

function CalendarBody({ rotation, engineers }: { rotation: Rotation; engineers: Engineer[] }) {
  const zone = rotation.timeZone;
  const schedule = useStore((s) => s.schedule);
  // The quarter the shown schedule was loaded for: it changes with the schedule, in the same update.
  const scheduleQuarter = useStore((s) => s.visibleRange?.quarterDate);
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
  const setMessage = useStore((s) => s.setCalendarMessage);
  const coverRole = useStore((s) => s.coverRole);
  const pickedEngineer = useStore((s) => s.rosterEngineerId);
  const focusDate = useStore((s) => s.calendarFocusDate);
  const plan = useStore((s) => s.plan);
  const planState = useStore((s) => s.planState);
  const planProgress = useStore((s) => s.planProgress);
  const changes = useStore((s) => s.changesSincePublished);

  // The period in view's element: what the lead sees, and drops onto.
  const calendarRoot = useRef<HTMLElement | null>(null);
  const [initialDate] = useState<string>(() => focusDate ?? wallDate(wallNow(zone)));
  const hasSchedule = useStore((s) => s.hasSchedule);
  // Both counters only grow: their sum changes whenever what is loaded does.
  const loads = useStore((s) => s.scheduleRevision + s.scheduleWindowLoads);
  const deckStore = useMemo(
    () => ({ load: (range: VisibleRange) => void loadSchedule(range), loaded: hasSchedule }),
    [loadSchedule, hasSchedule],
  );
  const deck = useCalendarDeck(zone, initialDate, deckStore, loads);
  const { goView, goToday, goToDate, step, currentApi } = deck;
  useLayoutEffect(() => {
    calendarRoot.current = document.querySelector<HTMLElement>(`.cal-main ${PERIOD_IN_VIEW}`);
  });
  const [confirming, setConfirming] = useState<ConfirmRequest | null>(null);
  const [detail, setDetail] = useState<Segment | null>(null);
  const [layerDetail, setLayerDetail] = useState<{ segment: Segment; rotation: ShiftRotation } | null>(null);
  const rotationLayers = useRotationLayers(rotation);
  const layerDrop = useLayerDrop(calendarRoot, rotation);
  const [cover, setCover] = useState<CoverDraft | null>(null);
  const [publishing, setPublishing] = useState(false);
  const selection = useRef<PickedRange | null>(null);

  const engineerMap = useMemo(() => new Map<Id, Engineer>(engineers.map((e) => [e.id, e])), [engineers]);
  const activeEngineers = useMemo(() => {
    const members = new Set(rotation.memberIds);
    return engineers.filter((e) => e.active).sort((a, b) => Number(members.has(b.id)) - Number(members.has(a.id)));
  }, [engineers, rotation.memberIds]);
  const quarter = quarterOf(deck.date);

  const api = currentApi;

  // A warning on Today may ask for a date: go there when it changes while the screen is open.
  useEffect(() => {
    if (focusDate) {
      goToDate(focusDate);
      useStore.setState({ calendarFocusDate: null });
    }
  }, [focusDate, goToDate]);

  const layers = useMemo<Layers>(
    () => ({ plan, engineers: engineerMap, zone, pickedEngineer, ...rotationLayers }),
    [plan, engineerMap, zone, pickedEngineer, rotationLayers],
  );
  const scheduleWindow = useStore((s) => s.scheduleWindow);
  const marks = useDayMarks(zone);

  const undo = useCallback(() => void undoEdit(), [undoEdit]);
  const redo = useCallback(() => void redoEdit(), [redoEdit]);
  useCalendarKeys(currentApi, { goView, goToday, step, undo, redo });

  const refuse = (text: string, revert?: () => void) => {
    revert?.();
    setMessage({ tone: 'error', text });
  };

  const onEventDrop = (info: EventDropArg) => {
    const props = info.event.extendedProps as SegmentEventProps;
    if (props.type !== 'segment' || props.preview) return info.revert();
    const refusal = layerDrop.refusalAt(info.jsEvent);
    if (refusal) return refuse(refusal, info.revert);
    const outcome = swapFromDrop(rotation, props.segment, info.delta);
    if ('refusal' in outcome) return refuse(outcome.refusal, info.revert);
    // Once: the drawing of the swap ahead takes the move back first, and a cancel after it must not again.
    let moved = true;
    const revert = () => {
      if (moved) info.revert();
      moved = false;
    };
    setConfirming({ title: 'Swap these shifts?', operation: outcome.operation, revert });
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

  const onExternalDrop = (info: DropArg) => {
    const dragged = info.draggedEl as HTMLElement;
    const engineerId = Number(dragged.dataset.engineerId);
    if (!engineerId || plan) return;
    const operation = coverFromDrop({
      engineerId,
      at: info.date,
      picked: selection.current,
      role: coverRole,
      zone,
      holidayDates: new Set(schedule?.holidays.map((h) => h.date)),
    });
    api()?.unselect();
    selection.current = null;
    setCover(null);
    // As a swap does: the lead sees what changes, and fairness before and after, then confirms.
    const days = operation.op === 'cover-days' ? operation.dates.length : 0;
    const what = days === 1 ? 'this day' : days > 1 ? `these ${days} days` : 'this time';
    const role = coverRole === 'primary' ? '' : ' as backup';
    setConfirming({
      title: `${nameOf(engineerMap, engineerId)} covers ${what}${role}?`,
      operation,
      revert: () => undefined,
    });
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
    if (props.type === 'segment' && props.rotation?.layer)
      setLayerDetail({ segment: props.segment, rotation: props.rotation });
    else if (props.type === 'segment') setDetail(props.segment);
    else if (props.type === 'drill') void openDrillFromCalendar(props.drillId);
    else if (props.type === 'drill-due') navigate('drills');
  };

  const eventDidMount = (arg: EventMountArg) => labelShift(arg);

  // FullCalendar re-renders every day cell when an option changes identity; the handlers
  // below change with every render, so the calendar gets stable wrappers that call the
  // latest ones. Without this a month switch re-rendered the grid three times over.
  const latest = useRef({
    onEventDrop,
    onEventResize,
    onExternalDrop,
    onSelect,
    onEventClick,
    eventDidMount,
  });
  useLayoutEffect(() => {
    latest.current = {
      onEventDrop,
      onEventResize,
      onExternalDrop,
      onSelect,
      onEventClick,
      eventDidMount,
    };
  });
  const stable = useMemo(
    () => ({
      eventDrop: (info: EventDropArg) => latest.current.onEventDrop(info),
      eventResize: (info: EventResizeDoneArg) => latest.current.onEventResize(info),
      drop: (info: DropArg) => latest.current.onExternalDrop(info),
      select: (info: DateSelectArg) => latest.current.onSelect(info),
      eventClick: (info: EventClickArg) => latest.current.onEventClick(info),
      eventDidMount: (arg: EventMountArg) => latest.current.eventDidMount(arg),
      unselect: () => {
        selection.current = null;
      },
    }),
    [],
  );
  const now = useCallback(() => wallNow(zone), [zone]);
  const editable = !plan;
  const options = useMemo<SharedOptions>(
    () => ({
      plugins: PLUGINS,
      views: VIEWS,
      headerToolbar: false,
      timeZone: 'UTC',
      now,
      firstDay: 1,
      height: CALENDAR_HEIGHT,
      weekends: true,
      nowIndicator: true,
      scrollTime: '08:00:00',
      eventInteractive: true,
      editable,
      droppable: editable,
      selectable: editable,
      selectMirror: true,
      unselectAuto: false,
      selectMinDistance: 4,
      dayMaxEvents: false,
      displayEventEnd: true,
      eventOrder: EVENT_ORDER,
      eventTimeFormat: TIME_FORMAT,
      slotLabelFormat: TIME_FORMAT,
      eventDragStart: layerDrop.onDragStart,
      eventDrop: stable.eventDrop,
      eventResize: stable.eventResize,
      drop: stable.drop,
      select: stable.select,
      unselect: stable.unselect,
      eventClick: stable.eventClick,
      eventContent,
      eventClassNames: shiftClassNames,
      eventDidMount: stable.eventDidMount,
      ...marks,
    }),
    [now, editable, layerDrop.onDragStart, stable, marks],
  );

  const assignCover = () => {
    const date = deck.date;
    setCover({ mode: 'days', from: date, to: date });
  };

  // The saved segment behind what was clicked (a drop is drawn before it is saved), whole.
  const detailNow =
    detail && uncutSegment(currentSegment(detail, schedule?.segments ?? []), scheduleWindow()?.segments ?? []);
  const overridesOf = (segment: Segment) => schedule?.overrides.filter((o) => segment.overrideIds.includes(o.id)) ?? [];

  return (
    <>
      <ScreenHeader
        title="Calendar"
        subtitle={`${rotation.name} · times in ${zone} · drag a shift onto another week to swap, drag a name onto a day to cover it`}
      />
      <CalendarToolbar
        title={deck.title}
        viewKey={deck.current.view}
        onStep={step}
        onToday={goToday}
        onView={goView}
        undoLabel={schedule?.canUndo ?? null}
        redoLabel={schedule?.canRedo ?? null}
        editing={editing}
        onUndo={undo}
        onRedo={redo}
      />
      <CalendarActions
        quarter={quarter}
        firstYear={Number(rotation.startDate.slice(0, 4))}
        onQuarter={goToDate}
        onPublish={() => setPublishing(true)}
        onAssignCover={assignCover}
      />

      <CalendarRotations worked={rotation} />
      <CalendarStatus />

      {planState.status === 'loading' && <PlanProgress progress={planProgress} />}
      {plan && <PlanPanel plan={plan} engineers={engineerMap} />}

      <div className="cal-layout">
        <div
          className={plan ? 'cal-main is-preview' : 'cal-main'}
          data-testid="calendar"
          aria-busy={scheduleState.status === 'loading'}
        >
          <CalendarDeck
            drawn={deck.drawn}
            current={deck.current}
            options={options}
            layers={layers}
            zone={zone}
            calendarRef={deck.calendarRef}
            onDatesSet={deck.onDatesSet}
          />
          {deck.current.view === 'quarter' && scheduleQuarter && (
            <HolidayStrip holidays={schedule?.holidays ?? NO_HOLIDAYS} quarter={quarterOf(scheduleQuarter)} />
          )}
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

      {confirming && (
        <PreviewDialog
          title={confirming.title}
          operation={confirming.operation}
          engineers={engineerMap}
          timeZone={zone}
          takeBackDrag={confirming.revert}
          onClose={(saved) => {
            if (!saved) confirming.revert();
            setConfirming(null);
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
        >
          {!plan && (
            <SwapChooser
              segment={detailNow}
              rotation={rotation}
              segments={scheduleWindow()?.segments ?? NO_SEGMENTS}
              engineers={engineerMap}
              onSwap={(target) => {
                setDetail(null);
                const { operation } = swapOf(detailNow.shiftIndex, target);
                setConfirming({ title: 'Swap these shifts?', operation, revert: () => undefined });
              }}
            />
          )}
        </EventDialog>
      )}
      {layerDetail && (
        <LayerShiftDialog
          segment={layerDetail.segment}
          rotation={layerDetail.rotation}
          engineers={engineerMap}
          timeZone={zone}
          onClose={() => setLayerDetail(null)}
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

const NO_WARNINGS: ModelWarning[] = [];
/** Shifts of the rotations in the lead's order within a day, then FullCalendar's own order. */
const EVENT_ORDER = 'rotationOrder,start,-duration,allDay,title';
const NO_SEGMENTS: Segment[] = [];
const NO_HOLIDAYS: [] = [];
