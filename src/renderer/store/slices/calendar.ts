// The calendar: the computed schedule of the visible range, the edits made by dragging
// (saved at once, journalled for undo and redo by the main process) and published snapshots.
// The auto-planner's proposal is calendarPlan.ts.
import type { LedgerReport } from '../../../shared/domain/ledger';
import type { ScheduleDifference } from '../../../shared/domain/planner';
import type { PeriodSpec, ScheduleOperation } from '../../../shared/ipc/schemas';
import type { Id, IsoDate, IsoInstant, Role } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import type { EditPreview, EditResult, ScheduleView, SnapshotSummary } from '../../../shared/views';
import { expectedAfterEdit, sameContent, scheduleWithin, withSavedEdit } from '../loadedSchedule';
import { unpackScheduleWindow } from '../../../shared/schedule-window';
import { engineersRead } from '../../query/engineers';
import { invalidateAfter, onStale } from '../../query/save';
import { call } from '../../api/client';
import { afterNextPaint } from '../../afterNextPaint';
import { idle, type AppStore, type Loadable, type SliceCreator } from '../types';
import { rotationRefOf, withRotation } from './calendarLayers';

export interface VisibleRange {
  from: IsoInstant;
  to: IsoInstant;
  /** First and last local dates shown. */
  firstDate: IsoDate;
  lastDate: IsoDate;
  /** The date the calendar is on: the roster's fairness figures cover its quarter, as Plan and Publish do. */
  quarterDate: IsoDate;
  /** The span the calendar keeps drawn besides the range in view (its neighbour periods): loaded ahead too. */
  keep?: { from: IsoInstant; to: IsoInstant };
}

export interface CalendarMessage {
  tone: 'error' | 'info';
  text: string;
}

export interface CalendarSlice {
  schedule: ScheduleView | null;
  scheduleState: Loadable;
  /**
   * Bumped whenever the schedule the calendar draws from has new content (loaded, edited,
   * reloaded); not when the visible range moves within what is already loaded. The calendar
   * redraws its events and day marks on a new revision, and only then.
   */
  scheduleRevision: number;
  /**
   * Bumped when the window is fetched again with nothing new in view (no new revision): a
   * neighbour period drawn out of sight that waited for its range draws it then.
   */
  scheduleWindowLoads: number;
  visibleRange: VisibleRange | null;
  /** The ledger of the selected quarter, for the roster. */
  rosterFairness: LedgerReport | null;
  /** The role a drag from the roster covers. */
  coverRole: Role;
  /** The engineer picked in the roster: their unavailability is shown. */
  rosterEngineerId: Id | null;
  /** A date to bring into view when the calendar opens (from a Today warning). */
  calendarFocusDate: IsoDate | null;
  calendarMessage: CalendarMessage | null;
  /** An edit in flight: the calendar refuses a second one meanwhile. */
  editing: boolean;
  snapshots: SnapshotSummary[];
  changesSincePublished: { snapshot: SnapshotSummary; changes: ScheduleDifference[] } | null;

  loadSchedule(range: VisibleRange): Promise<void>;
  /** The loaded schedule of [from, to) if what is loaded covers it, else null (loadSchedule fetches it). */
  scheduleFor(from: IsoInstant, to: IsoInstant): ScheduleView | null;
  /** Whether what is loaded covers [from, to): scheduleFor answers it, and loadSchedule shows it without a load. */
  hasSchedule(from: IsoInstant, to: IsoInstant): boolean;
  /** Everything loaded around the visible range, for marks drawn day by day. */
  scheduleWindow(): ScheduleView | null;
  reloadSchedule(): Promise<void>;
  /**
   * The calendar closed: what it keeps may go stale while other screens change things. It is
   * shown as it was when the calendar opens again, and checked against the main process then.
   */
  forgetSchedule(): void;
  previewEdit(operation: ScheduleOperation, period?: PeriodSpec): Promise<Result<EditPreview>>;
  /**
   * Draws what an edit being previewed will make of the calendar, before it is confirmed: while
   * the lead reads the preview, the calendar behind it already shows the result, so Confirm has
   * only the saving left to wait for. Nothing is saved; `withdrawProposal` takes it back.
   * (Only a cover or a swap in what is loaded can be drawn ahead; anything else draws nothing.)
   * `takeBackDrag` runs just before it is drawn: the event FullCalendar moved itself on the
   * drop goes back to where it was saved, and the drawing then replaces it.
   */
  proposeEdit(operation: ScheduleOperation, takeBackDrag?: () => void): void;
  /** The previewed edit was not confirmed: the calendar shows what is saved again. */
  withdrawProposal(): void;
  /** Saves an edit and shows its result; false (with the reason in calendarMessage) when refused. */
  applyEdit(operation: ScheduleOperation): Promise<boolean>;
  undoEdit(): Promise<boolean>;
  redoEdit(): Promise<boolean>;
  setOverrideReason(overrideId: Id, reason: string): Promise<boolean>;
  setCoverRole(role: Role): void;
  pickRosterEngineer(id: Id | null): void;
  showCalendarAt(date: IsoDate | null): void;
  setCalendarMessage(message: CalendarMessage | null): void;
  publish(from: IsoDate, to: IsoDate, note: string): Promise<boolean>;
  loadChangesSincePublished(): Promise<void>;
  closeChanges(): void;
}

/** How far beyond the visible range the calendar loads, so the next and previous months are at hand. */
const WINDOW_MARGIN_MS = 91 * 86_400_000;
/** How far beyond the neighbour periods it keeps drawn: they are at hand already, this loads the next ones. */
const KEEP_MARGIN_MS = 45 * 86_400_000;

type EditChannel = 'schedule:apply' | 'schedule:undo' | 'schedule:redo';

export const createCalendarSlice: SliceCreator<CalendarSlice> = (set, get) => {
  // A change elsewhere that the schedule depends on (time away, holidays) drops the kept window
  // and reads the range in view again; a changed rotation list is read first, as the calendar's
  // choice of rotation is made from it.
  onStale(['schedule:window', 'rotations:list'], async (stale) => {
    if (stale.has('rotations:list')) {
      get().dropLayers();
      await get().loadCalendarRotation();
    }
    await get().reloadSchedule();
  });
  // Answers for an older range than the one now in view are dropped.
  let requestNumber = 0;

  // Every request names the rotation worked on: with several, the main process asks which.
  const rotationRef = () => rotationRefOf(get().calendarRotation);
  const ofRotation = (operation: ScheduleOperation) => withRotation(operation, get().calendarRotation);

  const loadRosterFairness = async (range: VisibleRange) => {
    const result = await call('fairness:get', {
      ...rotationRef(),
      period: { kind: 'quarter', date: range.quarterDate },
    });
    if (result.ok && get().visibleRange === range) set({ rosterFairness: result.value });
  };

  // The schedule of a window around the visible range (thirteen weeks either side): moving to the
  // next or previous month is then drawn at once, without a round trip. It is dropped when the
  // schedule changed elsewhere (reloadSchedule) and checked when the calendar opens again.
  let window: ScheduleView | null = null;
  // Counts authoritative replacements of the window (a load, an edit), so a background refresh
  // that was asked for before one of them does not overwrite it with older content.
  let windowGeneration = 0;
  /** Replaces the window; `alongside` is set in the same update, so the calendar redraws once. */
  const replaceWindow = (view: ScheduleView | null, alongside: Partial<AppStore> = {}) => {
    window = view;
    windowGeneration += 1;
    if (view) set((s) => ({ ...alongside, scheduleRevision: s.scheduleRevision + 1 }));
    else if (Object.keys(alongside).length > 0) set(alongside);
  };
  // Only the schedule of the rotation worked on: another one's is never drawn as it.
  const covers = (view: ScheduleView | null, from: IsoInstant, to: IsoInstant): view is ScheduleView =>
    view !== null && view.rotation.id === get().calendarRotation?.id && view.from <= from && to <= view.to;
  const kept = (range: VisibleRange) => range.keep ?? range;
  const marginOf = (range: VisibleRange) => (range.keep ? KEEP_MARGIN_MS : WINDOW_MARGIN_MS);
  const windowAround = (range: VisibleRange) => ({
    ...rotationRef(),
    from: new Date(Date.parse(kept(range).from) - marginOf(range)).toISOString(),
    to: new Date(Date.parse(kept(range).to) + marginOf(range)).toISOString(),
  });
  /** The window around `range`, as it crosses the bridge packed (src/shared/schedule-window.ts). */
  const loadWindow = async (range: VisibleRange): Promise<Result<ScheduleView>> => {
    const result = await call('schedule:window', windowAround(range));
    return result.ok ? { ok: true, value: unpackScheduleWindow(result.value) } : result;
  };
  const showFromWindow = (range: VisibleRange): boolean => {
    if (!covers(window, range.from, range.to)) return false;
    requestNumber += 1; // an older load still in flight must not overwrite this
    set({ schedule: scheduleWithin(window, range.from, range.to), scheduleState: { status: 'ready', error: null } });
    void loadRosterFairness(range);
    // Close to an edge of what is loaded: load further ahead (or back) before it is needed.
    const ahead = Date.parse(window.to) - Date.parse(kept(range).to);
    const behind = Date.parse(kept(range).from) - Date.parse(window.from);
    if (Math.min(ahead, behind) < marginOf(range) / 2) void refreshWindow(range);
    return true;
  };
  /**
   * The window an edit's answer was worked out into here (withSavedEdit), until the main
   * process's own is read: the warnings it weighs may have changed with the edit.
   */
  let workedOut: ScheduleView | null = null;
  /**
   * Takes a window read again in place of the one kept, if it covers the range in view (moved
   * far meanwhile, loadSchedule shows that). The same in view as what is shown, it replaces
   * the window without a redraw; different (changed elsewhere, or the warnings of an edit worked
   * out here), it is new content.
   */
  const adopt = (fetched: ScheduleView) => {
    const inView = get().visibleRange;
    if (!inView || !covers(fetched, inView.from, inView.to)) return;
    workedOut = null;
    const after = scheduleWithin(fetched, inView.from, inView.to);
    if (covers(window, inView.from, inView.to) && sameContent(scheduleWithin(window, inView.from, inView.to), after)) {
      window = fetched;
      set((s) => ({ scheduleWindowLoads: s.scheduleWindowLoads + 1 }));
      return;
    }
    requestNumber += 1; // an older load still in flight must not overwrite this
    replaceWindow(fetched, { schedule: after, scheduleState: { status: 'ready', error: null } });
  };

  /** Set when the calendar closes: the window is checked once it is shown again. */
  let unchecked = false;
  /** Fetches the window again once the calendar is shown again: changed elsewhere meanwhile, it is redrawn. */
  const checkWindow = async (range: VisibleRange) => {
    const generation = windowGeneration;
    const result = await loadWindow(range);
    if (result.ok && generation === windowGeneration) adopt(result.value);
  };

  /**
   * The edit being previewed, drawn ahead (proposeEdit), the window it was drawn on and the
   * message it took off the calendar (put back if it is not confirmed).
   */
  let proposal: {
    operation: ScheduleOperation;
    before: ScheduleView;
    expected: ScheduleView;
    message: CalendarMessage | null;
  } | null = null;
  /**
   * The window `before` as it will be once `operation` is saved, worked out with the engine's own
   * rules; null when it cannot be here (another kind of edit, or the range in view not loaded).
   * Worked out on the whole window: a swap of the week that runs into the month shown has its
   * overrides there.
   */
  const workedOutAhead = (before: ScheduleView | null, operation: ScheduleOperation) => {
    const range = get().visibleRange;
    return before && range && covers(before, range.from, range.to)
      ? expectedAfterEdit(before, operation, engineersRead())
      : null;
  };

  /**
   * Reads the window again once a saved edit (or an undo, a redo) is shown, for what only the
   * main process weighs (warnings, double duties); redrawn only if that changed. Not while
   * another edit is being previewed or saved: it is read once that is over (its answer, or
   * withdrawProposal).
   */
  const confirmWorkedOut = async () => {
    const range = get().visibleRange;
    if (!workedOut || window !== workedOut || proposal || get().editing || !range) return;
    const generation = windowGeneration;
    const result = await loadWindow(range);
    if (result.ok && generation === windowGeneration && window === workedOut) adopt(result.value);
  };

  /**
   * Fetches the window around `range` again in the background. Its content for the range in
   * view is what is shown already, so it replaces the window without a new revision: nothing is
   * redrawn. One at a time; dropped if a load or an edit replaced the window meanwhile.
   */
  let refreshing = false;
  const refreshWindow = async (range: VisibleRange) => {
    if (refreshing) return;
    refreshing = true;
    const generation = windowGeneration;
    const result = await loadWindow(range);
    refreshing = false;
    if (!result.ok || generation !== windowGeneration) return;
    // An edit worked out here, its warnings not read yet: this read has them, and may differ.
    if (window === workedOut) return adopt(result.value);
    const inView = get().visibleRange;
    if (inView && covers(result.value, inView.from, inView.to)) {
      window = result.value;
      set((s) => ({ scheduleWindowLoads: s.scheduleWindowLoads + 1 }));
    }
  };

  /**
   * Shows an edit's answer, and `done` (the edit over, its message) in the same update: the
   * calendar redraws once, and a drop is drawn, saved and said so in one frame. The answer is
   * only what the edit wrote; the window it was made on (`saved`, as saved before it) takes it
   * here, so the main process answers without working out the window again. Its warnings and
   * the roster's figures are read after that frame, so the main process computing them does
   * not compete with drawing it.
   */
  const afterEdit = async (
    edit: EditChannel,
    saved: ScheduleView | null,
    result: EditResult,
    done: Partial<AppStore>,
  ) => {
    const range = get().visibleRange;
    // An edit of another rotation (or made on a window read again meanwhile) is read anew.
    if (range && covers(saved, range.from, range.to) && result.rotationId === saved.rotation.id) {
      requestNumber += 1; // an older load still in flight must not overwrite this
      const now = withSavedEdit(saved, result.applied, result);
      replaceWindow(now, {
        schedule: scheduleWithin(now, range.from, range.to),
        scheduleState: { status: 'ready', error: null },
        ...done,
      });
      workedOut = now;
      afterNextPaint(() => {
        void loadRosterFairness(range);
        void confirmWorkedOut();
      });
    } else {
      const shown = get().schedule;
      replaceWindow(null, {
        schedule: shown && { ...shown, canUndo: result.canUndo, canRedo: result.canRedo },
      });
      await get().reloadSchedule();
      set(done);
    }
    // What else shows the schedule (Today's warnings, fairness, who is on call) is marked stale
    // now and reads it again in the background: the edit is saved and shown, so its dialog closes
    // without waiting for other screens' answers. The window is this slice's own, worked out
    // above. (A failed refresh shows on the screen that reads it, as any failed read does.)
    void invalidateAfter(edit, { keep: ['schedule:window'] }).catch(() => undefined);
  };

  /** One step back or forward through the journal, shown from what it wrote as an edit is. */
  const walkJournal = async (channel: 'schedule:undo' | 'schedule:redo', done: 'Undone' | 'Redone') => {
    // Not while an edit is previewed or saved (the desktop's Edit menu stays at hand meanwhile).
    if (get().editing) return false;
    set({ editing: true, calendarMessage: null });
    const [saved, generation] = [window, windowGeneration];
    const result = await call(channel, rotationRef());
    if (!result.ok) {
      set({ editing: false, calendarMessage: { tone: 'error', text: result.error.message } });
      void confirmWorkedOut();
      return false;
    }
    await afterEdit(channel, generation === windowGeneration ? saved : null, result.value, {
      editing: false,
      calendarMessage: { tone: 'info', text: `${done}: ${result.value.label}.` },
    });
    return true;
  };

  return {
    schedule: null,
    scheduleState: idle,
    scheduleRevision: 0,
    scheduleWindowLoads: 0,
    visibleRange: null,
    rosterFairness: null,
    coverRole: 'primary',
    rosterEngineerId: null,
    calendarFocusDate: null,
    calendarMessage: null,
    editing: false,
    snapshots: [],
    changesSincePublished: null,

    async loadSchedule(range) {
      set({ visibleRange: range });
      if (showFromWindow(range)) {
        if (unchecked) {
          unchecked = false;
          void checkWindow(range);
        }
        return;
      }
      unchecked = false;
      const mine = (requestNumber += 1);
      set((s) => ({ scheduleState: { status: 'loading', error: s.scheduleState.error } }));
      const result = await loadWindow(range);
      if (mine !== requestNumber) return;
      if (result.ok && result.value.rotation.id !== get().calendarRotation?.id) return;
      if (result.ok) {
        replaceWindow(result.value);
        showFromWindow(range);
      } else set({ scheduleState: { status: 'error', error: result.error.message } });
    },

    scheduleFor(from, to) {
      return covers(window, from, to) ? scheduleWithin(window, from, to) : null;
    },

    hasSchedule(from, to) {
      return covers(window, from, to);
    },

    scheduleWindow() {
      return window;
    },

    async reloadSchedule() {
      replaceWindow(null);
      const range = get().visibleRange;
      if (range) await get().loadSchedule(range);
    },

    forgetSchedule() {
      unchecked = true;
    },

    proposeEdit(operation, takeBackDrag) {
      const range = get().visibleRange;
      const before = window;
      if (proposal || get().editing || !before || !range) return;
      const expected = workedOutAhead(before, operation);
      if (!expected) return;
      proposal = { operation, before, expected, message: get().calendarMessage };
      takeBackDrag?.();
      // `editing`: the periods kept out of sight do not draw a proposal, only what is saved. The
      // last edit's message goes now, not at Confirm: then nothing changes on screen between
      // Confirm and the frame that shows the edit saved.
      replaceWindow(expected, {
        schedule: scheduleWithin(expected, range.from, range.to),
        editing: true,
        calendarMessage: null,
      });
    },

    withdrawProposal() {
      const withdrawn = proposal;
      proposal = null;
      if (!withdrawn) return;
      // The last edit's message again, unless another came meanwhile.
      if (get().calendarMessage === null) set({ calendarMessage: withdrawn.message });
      const range = get().visibleRange;
      // Replaced meanwhile (read again after a change elsewhere): what is loaded now is what is saved.
      const saved = window === withdrawn.expected ? withdrawn.before : window;
      if (!range || !covers(saved, range.from, range.to)) {
        set({ editing: false });
        void get().reloadSchedule();
        return;
      }
      replaceWindow(saved, { schedule: scheduleWithin(saved, range.from, range.to), editing: false });
      void confirmWorkedOut();
    },

    previewEdit(operation, period) {
      return call(
        'schedule:preview',
        period ? { operation: ofRotation(operation), period } : { operation: ofRotation(operation) },
      );
    },

    async applyEdit(operation) {
      // A proposal still drawn is this edit's own, or another's, drawn over from what it was drawn on.
      const drawnAhead = proposal && window === proposal.expected ? proposal : null;
      proposal = null;
      set({ editing: true, calendarMessage: null });
      const request = call('schedule:apply', { operation: ofRotation(operation) });
      // A cover or a swap is drawn at once (unless its proposal is drawn already), as the engine
      // will save it; the answer confirms it (and replaces it, were it different) or takes it back.
      const range = get().visibleRange;
      const within = (view: ScheduleView) => (range ? scheduleWithin(view, range.from, range.to) : view);
      const before = drawnAhead ? drawnAhead.before : window;
      const expected = drawnAhead?.operation === operation ? drawnAhead.expected : workedOutAhead(before, operation);
      const drawn = expected ?? before;
      if (drawn && drawn !== window) replaceWindow(drawn, { schedule: within(drawn) });
      const generation = windowGeneration;
      const result = await request;
      if (!result.ok) {
        if (expected && before && window === expected) replaceWindow(before, { schedule: within(before) });
        set({ editing: false, calendarMessage: { tone: 'error', text: `Not saved: ${result.error.message}` } });
        void confirmWorkedOut();
        return false;
      }
      // Read again meanwhile (a change elsewhere): what it was made on is gone, so it is read anew.
      await afterEdit('schedule:apply', generation === windowGeneration ? before : null, result.value, {
        editing: false,
        calendarMessage: { tone: 'info', text: `Saved: ${result.value.label}.` },
      });
      return true;
    },

    undoEdit() {
      return walkJournal('schedule:undo', 'Undone');
    },

    redoEdit() {
      return walkJournal('schedule:redo', 'Redone');
    },

    async setOverrideReason(overrideId, reason) {
      const result = await call('override:set-reason', { overrideId, reason });
      if (!result.ok) {
        set({ calendarMessage: { tone: 'error', text: `Reason not saved: ${result.error.message}` } });
        return false;
      }
      const withReason = (view: ScheduleView) => ({
        ...view,
        overrides: view.overrides.map((o) => (o.id === overrideId ? result.value : o)),
      });
      void invalidateAfter('override:set-reason', { keep: ['schedule:window'] });
      // A reason draws nothing on the calendar: the window takes it without a new revision.
      if (window) window = withReason(window);
      set((s) => ({
        schedule: s.schedule ? withReason(s.schedule) : null,
        calendarMessage: { tone: 'info', text: 'Reason saved.' },
      }));
      return true;
    },

    setCoverRole(role) {
      set({ coverRole: role });
    },
    pickRosterEngineer(id) {
      set({ rosterEngineerId: id });
    },
    showCalendarAt(date) {
      set({ calendarFocusDate: date });
      get().navigate('calendar');
    },
    setCalendarMessage(message) {
      set({ calendarMessage: message });
    },

    async publish(from, to, note) {
      const result = await call('snapshots:publish', { ...rotationRef(), from, to, note });
      if (!result.ok) {
        set({ calendarMessage: { tone: 'error', text: `Not published: ${result.error.message}` } });
        return false;
      }
      void invalidateAfter('snapshots:publish');
      set((s) => ({
        snapshots: [result.value, ...s.snapshots],
        calendarMessage: { tone: 'info', text: `Published ${from} to ${to}.` },
      }));
      return true;
    },

    async loadChangesSincePublished() {
      const list = await call('snapshots:list', rotationRef());
      if (!list.ok) {
        set({ calendarMessage: { tone: 'error', text: list.error.message } });
        return;
      }
      const latest = [...list.value].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.id - a.id)[0];
      set({ snapshots: list.value });
      if (!latest) {
        set({ calendarMessage: { tone: 'info', text: 'Nothing has been published yet: use Publish first.' } });
        return;
      }
      const changes = await call('snapshots:changes', { snapshotId: latest.id });
      if (!changes.ok) set({ calendarMessage: { tone: 'error', text: changes.error.message } });
      else set({ changesSincePublished: { snapshot: latest, changes: changes.value } });
    },

    closeChanges() {
      set({ changesSincePublished: null });
    },
  };
};
