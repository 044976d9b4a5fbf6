// The auto-planner on the calendar: a proposal for a range, computed in the main process's
// worker (its progress asked for while it runs, and cancellable), shown as a preview until the
// lead applies it (an ordinary, undoable edit of the calendar) or discards it.
import type { PlanProposal as PlanResult } from '../../../shared/domain/ledger-plan';
import type { JobProgress } from '../../../shared/ipc/channels/jobs';
import type { IsoDate } from '../../../shared/model';
import { call } from '../../api/client';
import { save } from '../../query/save';
import { idle, type Loadable, type SliceCreator } from '../types';
import { rotationRefOf } from './calendarLayers';

export interface PlanProposal {
  from: IsoDate;
  to: IsoDate;
  /** Whether it replaces the overrides of a plan applied earlier in the range. */
  replace: boolean;
  result: PlanResult;
}

export interface CalendarPlanSlice {
  plan: PlanProposal | null;
  planState: Loadable;
  /** How far the planner has come while planState is loading (null until it has started). */
  planProgress: JobProgress | null;
  /** Asks the planner for a plan of the range; `replace` plans over an earlier plan's overrides. */
  proposePlan(from: IsoDate, to: IsoDate, replace?: boolean): Promise<void>;
  /** Stops the plan being computed; proposePlan then ends without a proposal. */
  cancelPlan(): Promise<void>;
  applyPlan(): Promise<boolean>;
  discardPlan(): void;
}

/** How often the planner's progress is asked for while it runs. */
const PROGRESS_POLL_MS = 250;

export const createCalendarPlanSlice: SliceCreator<CalendarPlanSlice> = (set, get) => ({
  plan: null,
  planState: idle,
  planProgress: null,

  async proposePlan(from, to, replace = false) {
    set({ planState: { status: 'loading', error: null }, plan: null, planProgress: null });
    // The planner runs in the main process's worker: ask how far it is until it answers.
    let answered = false;
    const watch = async () => {
      while (!answered) {
        const jobs = await call('jobs:progress', {});
        if (answered) return;
        if (jobs.ok) set({ planProgress: jobs.value.find((job) => job.channel === 'plan:propose') ?? null });
        await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS));
      }
    };
    void watch();
    const result = await call('plan:propose', {
      ...rotationRefOf(get().calendarRotation),
      from,
      to,
      ...(replace && { replace }),
    });
    answered = true;
    set({ planProgress: null });
    if (!result.ok) {
      set(
        result.error.code === 'cancelled'
          ? { planState: idle, calendarMessage: { tone: 'info', text: 'Planning stopped: nothing was changed.' } }
          : { planState: { status: 'error', error: result.error.message } },
      );
      return;
    }
    set({ plan: { from, to, replace, result: result.value }, planState: { status: 'ready', error: null } });
  },

  async cancelPlan() {
    const job = get().planProgress;
    if (job) await save('jobs:cancel', { jobId: job.id });
  },

  async applyPlan() {
    const plan = get().plan;
    if (!plan) return false;
    const saved = await get().applyEdit({
      op: 'plan',
      from: plan.from,
      to: plan.to,
      ...(plan.replace && { replace: true }),
    });
    if (saved) set({ plan: null });
    return saved;
  },

  discardPlan() {
    set({ plan: null, planState: idle });
  },
});
