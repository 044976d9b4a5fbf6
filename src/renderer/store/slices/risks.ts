// The risk register and its likelihood × impact heat map.
import type { ArgsIn } from '../../../shared/ipc/contract';
import type { Id, Risk } from '../../../shared/model';
import type { RiskRegister } from '../../../shared/operations-views';
import type { Result } from '../../../shared/result';
import { call } from '../../api/client';
import { idle, type Loadable, type SliceCreator } from '../types';

export type RiskDraft = ArgsIn<'risks:create'>;

export interface RisksSlice {
  riskRegister: RiskRegister | null;
  risksState: Loadable;
  loadRisks(): Promise<void>;
  /** Creates the risk when `id` is undefined, else updates it. */
  saveRisk(draft: RiskDraft, id?: Id): Promise<Result<Risk>>;
  deleteRisk(riskId: Id): Promise<Result<null>>;
}

export const createRisksSlice: SliceCreator<RisksSlice> = (set, get) => ({
  riskRegister: null,
  risksState: idle,

  async loadRisks() {
    set((s) => ({ risksState: { status: 'loading', error: s.risksState.error } }));
    const result = await call('risks:list', {});
    if (result.ok) set({ riskRegister: result.value, risksState: { status: 'ready', error: null } });
    else set({ risksState: { status: 'error', error: result.error.message } });
  },

  async saveRisk(draft, id) {
    const result = id === undefined ? await call('risks:create', draft) : await call('risks:update', { ...draft, id });
    if (result.ok) await get().loadRisks();
    return result;
  },

  async deleteRisk(riskId) {
    const result = await call('risks:delete', { riskId });
    if (result.ok) await get().loadRisks();
    return result;
  },
});
