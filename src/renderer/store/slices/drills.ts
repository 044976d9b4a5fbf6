// The Drills screen's open drill, in the runner or as a record, and every action on it (the
// list of drills is the query layer's 'drills:list'). Each action is one call that saves at once; the answer is
// the drill as the main process now has it, so what is shown is always what is stored.
import type { ArgsIn } from '../../../shared/ipc/contract';
import type { DrillMoment, FollowupStatus } from '../../../shared/domain/drills';
import type { DrillReport, DrillReportFormat, DrillView } from '../../../shared/drill-views';
import type { Id } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import { call } from '../../api/client';
import { save } from '../../query/save';
import { appNow } from '../../clock';
import { idle, type Loadable, type SliceCreator } from '../types';

/** The drill open in the runner survives a reload of the window (not a new window). */
const OPEN_DRILL_KEY = 'watchbill.openDrill';

function remember(drillId: Id | null): void {
  try {
    if (drillId === null) sessionStorage.removeItem(OPEN_DRILL_KEY);
    else sessionStorage.setItem(OPEN_DRILL_KEY, String(drillId));
  } catch {
    // Storage can be unavailable (a locked-down profile); resuming then starts from the list.
  }
}

function remembered(): Id | null {
  try {
    const value = Number(sessionStorage.getItem(OPEN_DRILL_KEY));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

export interface DrillsSlice {
  /** The drill in the runner or shown as a record; null: the list. */
  drill: DrillView | null;
  drillState: Loadable;
  /** The renderer's clock minus the main process's, from the last answer: the runner's clock corrects for it. */
  clockSkewMs: number;
  /** The last refused action on the open drill, in words. */
  drillError: string | null;
  /** An action in flight: a second Space press waits rather than ticking twice. */
  drillBusy: boolean;
  report: DrillReport | null;
  /** A runbook's "Start drill…" asked to plan a drill on this pipeline; the Drills screen opens its dialog. */
  drillRequestPipelineId: Id | null;

  /** Goes to the Drills screen with the dialog to plan a drill on this pipeline open. */
  requestDrill(pipelineId: Id): void;
  clearDrillRequest(): void;
  openDrill(drillId: Id): Promise<void>;
  closeDrill(): void;
  /** After a reload: opens the drill that was in the runner, if it is still running. */
  resumeDrill(): Promise<boolean>;
  scheduleDrill(args: ArgsIn<'drills:schedule'>): Promise<string | null>;
  startDrill(): Promise<void>;
  cancelDrill(): Promise<void>;
  tickStep(position: number, skipped?: boolean): Promise<void>;
  tickNext(): Promise<void>;
  untickStep(position: number): Promise<void>;
  markMoment(moment: DrillMoment, clear?: boolean): Promise<void>;
  addNote(text: string): Promise<boolean>;
  finishDrill(args: Omit<ArgsIn<'drills:finish'>, 'drillId'>): Promise<string | null>;
  setFollowupStatus(followupId: Id, status: FollowupStatus): Promise<void>;
  editStep(position: number, text: string): Promise<string | null>;
  loadReport(format: DrillReportFormat): Promise<void>;
  /** Null when saved; else the refusal. */
  setCadence(cadence: ArgsIn<'drills:set-cadence'>): Promise<string | null>;
  clearDrillError(): void;
}

export const createDrillsSlice: SliceCreator<DrillsSlice> = (set, get) => {
  /** Runs one action on the open drill and takes its answer as the new state. */
  async function act(work: (drillId: Id) => Promise<Result<DrillView>>): Promise<string | null> {
    const open = get().drill;
    if (!open || get().drillBusy) return null;
    set({ drillBusy: true, drillError: null });
    const result = await work(open.drill.id);
    if (result.ok) {
      show(result.value);
      set({ drillBusy: false });
      return null;
    }
    set({ drillBusy: false, drillError: result.error.message });
    return result.error.message;
  }

  function show(view: DrillView): void {
    set({ drill: view, clockSkewMs: appNow() - Date.parse(view.serverNow), report: null });
    remember(view.drill.status === 'running' ? view.drill.id : null);
  }

  return {
    drill: null,
    drillState: idle,
    clockSkewMs: 0,
    drillError: null,
    drillBusy: false,
    report: null,
    drillRequestPipelineId: null,

    requestDrill(pipelineId) {
      set({ drillRequestPipelineId: pipelineId, drill: null });
      get().navigate('drills');
    },
    clearDrillRequest() {
      set({ drillRequestPipelineId: null });
    },

    async openDrill(drillId) {
      set({ drillState: { status: 'loading', error: null }, drillError: null });
      const result = await call('drills:get', { drillId });
      if (result.ok) {
        show(result.value);
        set({ drillState: { status: 'ready', error: null } });
      } else set({ drillState: { status: 'error', error: result.error.message } });
    },

    closeDrill() {
      remember(null);
      set({ drill: null, drillError: null, report: null });
    },

    async resumeDrill() {
      // The drill open before a reload; after the app was closed (or crashed), the drill
      // still running, so a drill always resumes where it was.
      let drillId = remembered();
      if (drillId === null) {
        const list = await call('drills:list', {});
        drillId = list.ok ? (list.value.drills.find((d) => d.drill.status === 'running')?.drill.id ?? null) : null;
      }
      if (drillId === null) return false;
      const result = await call('drills:get', { drillId });
      if (!result.ok || result.value.drill.status !== 'running') {
        remember(null);
        return false;
      }
      show(result.value);
      get().navigate('drills');
      return true;
    },

    async scheduleDrill(args) {
      const result = await save('drills:schedule', args);
      if (!result.ok) return result.error.message;
      show(result.value);
      return null;
    },

    startDrill: () => act((drillId) => save('drills:start', { drillId })).then(() => undefined),
    cancelDrill: () => act((drillId) => save('drills:cancel', { drillId })).then(() => undefined),

    tickStep: (position, skipped = false) =>
      act((drillId) => save('drills:tick', { drillId, position, skipped })).then(() => undefined),

    async tickNext() {
      const next = get().drill?.nextStep;
      if (next === null || next === undefined) return;
      await get().tickStep(next);
    },

    untickStep: (position) => act((drillId) => save('drills:untick', { drillId, position })).then(() => undefined),

    markMoment: (moment, clear = false) =>
      act((drillId) => save('drills:mark', { drillId, moment, clear })).then(() => undefined),

    addNote: async (text) => (await act((drillId) => save('drills:note', { drillId, text }))) === null,

    finishDrill: (args) => act((drillId) => save('drills:finish', { ...args, drillId })),

    async setFollowupStatus(followupId, status) {
      const result = await save('drills:followup-status', { followupId, status });
      if (!result.ok) {
        set({ drillError: result.error.message });
        return;
      }
      const open = get().drill;
      if (open) await get().openDrill(open.drill.id);
    },

    editStep: (position, text) => act((drillId) => save('drills:edit-step', { drillId, position, text })),

    async loadReport(format) {
      const open = get().drill;
      if (!open) return;
      const result = await call('drills:report', { drillId: open.drill.id, format });
      if (result.ok) set({ report: result.value });
      else set({ drillError: result.error.message });
    },

    async setCadence(cadence) {
      const result = await save('drills:set-cadence', cadence);
      return result.ok ? null : result.error.message;
    },

    clearDrillError() {
      set({ drillError: null });
    },
  };
};
