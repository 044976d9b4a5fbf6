// SLAs per pipeline and their coming deadlines: the SLA screen's list and fortnight, and
// the week Today shows.
import type { ArgsIn } from '../../../shared/ipc/contract';
import type { Id, IsoInstant, Sla, SlaEvent } from '../../../shared/model';
import type { DeadlinesView, SlaRow } from '../../../shared/operations-views';
import type { Result } from '../../../shared/result';
import { call } from '../../api/client';
import { idle, type Loadable, type SliceCreator } from '../types';

export type SlaDraft = ArgsIn<'slas:save'>;

/** How far ahead each place looks. */
export const SLA_SCREEN_DAYS = 14;
export const TODAY_DEADLINE_DAYS = 7;

export interface SlasSlice {
  slas: SlaRow[];
  slasState: Loadable;
  deadlines: DeadlinesView | null;
  /** Today's panel: the next week's deadlines. */
  upcomingDeadlines: DeadlinesView | null;
  upcomingDeadlinesState: Loadable;
  loadSlas(): Promise<void>;
  saveSla(draft: SlaDraft): Promise<Result<Sla>>;
  deleteSla(slaId: Id): Promise<Result<null>>;
  loadUpcomingDeadlines(): Promise<void>;
  /** Recorded events that start within-hours SLAs' clocks, newest first. */
  slaEvents: SlaEvent[];
  addSlaEvent(slaId: Id, at: IsoInstant, label: string): Promise<Result<SlaEvent>>;
  removeSlaEvent(eventId: Id): Promise<Result<null>>;
}

export const createSlasSlice: SliceCreator<SlasSlice> = (set, get) => ({
  slas: [],
  slasState: idle,
  deadlines: null,
  upcomingDeadlines: null,
  upcomingDeadlinesState: idle,
  slaEvents: [],

  async addSlaEvent(slaId, at, label) {
    const result = await call('slas:add-event', { slaId, at, label });
    if (result.ok) await get().loadSlas();
    return result;
  },

  async removeSlaEvent(eventId) {
    const result = await call('slas:remove-event', { eventId });
    if (result.ok) await get().loadSlas();
    return result;
  },

  async loadSlas() {
    set((s) => ({ slasState: { status: 'loading', error: s.slasState.error } }));
    const [rows, deadlines, events] = await Promise.all([
      call('slas:list', {}),
      call('slas:deadlines', { days: SLA_SCREEN_DAYS }),
      call('slas:events', {}),
    ]);
    if (deadlines.ok) set({ deadlines: deadlines.value });
    if (events.ok) set({ slaEvents: events.value });
    if (rows.ok) set({ slas: rows.value, slasState: { status: 'ready', error: null } });
    else set({ slasState: { status: 'error', error: rows.error.message } });
  },

  async saveSla(draft) {
    const result = await call('slas:save', draft);
    if (result.ok) await get().loadSlas();
    return result;
  },

  async deleteSla(slaId) {
    const result = await call('slas:delete', { slaId });
    if (result.ok) await get().loadSlas();
    return result;
  },

  async loadUpcomingDeadlines() {
    set((s) => ({ upcomingDeadlinesState: { status: 'loading', error: s.upcomingDeadlinesState.error } }));
    const result = await call('slas:deadlines', { days: TODAY_DEADLINE_DAYS });
    if (result.ok) set({ upcomingDeadlines: result.value, upcomingDeadlinesState: { status: 'ready', error: null } });
    else set({ upcomingDeadlinesState: { status: 'error', error: result.error.message } });
  },
});
