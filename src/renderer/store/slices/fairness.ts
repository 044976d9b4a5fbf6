// The Fairness screen: the report over a chosen period, the weights in use, and swaps that
// would even the load out. With several rotations it shows one rotation, or everyone's load
// in total across them with each rotation's part.
import type { FairnessWeights } from '../../../shared/domain/fairness';
import type { CarryPolicy, LedgerReport } from '../../../shared/domain/ledger';
import type { LedgerSettings } from '../../../shared/ipc/channels/ledger';
import type { SwapSuggestion } from '../../../shared/domain/planner';
import type { PeriodSpec } from '../../../shared/ipc/schemas';
import type { TeamLedger } from '../../../shared/domain/ledger-team';
import type { Id, Rotation } from '../../../shared/model';
import { call } from '../../api/client';
import { onStale, save } from '../../query/save';
import { idle, type Loadable, type SliceCreator } from '../types';

export interface FairnessSlice {
  fairnessPeriod: PeriodSpec;
  fairnessReport: LedgerReport | null;
  /** The carry-over policy and the history from before Watchbill. */
  ledgerSettings: LedgerSettings | null;
  fairnessState: Loadable;
  fairnessWeights: FairnessWeights | null;
  suggestions: SwapSuggestion[];
  suggestionsState: Loadable;
  /** Set by schedule edits: the figures on screen may be out of date. */
  fairnessStale: boolean;
  fairnessMessage: { tone: 'error' | 'info'; text: string } | null;
  /** The rotations in use; the screen offers a choice only when there are several. */
  fairnessRotations: Rotation[];
  /** One rotation, or 'total': everyone's load across the rotations (the first view when there are several). */
  fairnessView: Id | 'total' | null;
  /** The load across rotations, in the 'total' view. */
  fairnessTeam: TeamLedger | null;
  setFairnessView(view: Id | 'total'): Promise<void>;
  setFairnessPeriod(period: PeriodSpec): Promise<void>;
  loadFairness(): Promise<void>;
  saveWeights(weights: FairnessWeights): Promise<boolean>;
  applySuggestion(suggestion: SwapSuggestion): Promise<boolean>;
  setCarryPolicy(carry: CarryPolicy): Promise<boolean>;
  saveOpeningBalances(balances: { engineerId: number; balance: number }[]): Promise<boolean>;
}

export const createFairnessSlice: SliceCreator<FairnessSlice> = (set, get) => {
  // Shown on the Fairness screen: read again there after a change; elsewhere it is read on arrival.
  onStale(['fairness:get', 'fairness:team', 'ledger:settings', 'swaps:suggest'], () => {
    if (get().screen === 'fairness' && get().fairnessState.status !== 'idle') return get().loadFairness();
  });
  return {
    fairnessPeriod: { kind: 'quarter' },
    fairnessReport: null,
    ledgerSettings: null,
    fairnessState: idle,
    fairnessWeights: null,
    suggestions: [],
    suggestionsState: idle,
    fairnessStale: false,
    fairnessMessage: null,
    fairnessRotations: [],
    fairnessView: null,
    fairnessTeam: null,

    async setFairnessView(view) {
      set({ fairnessView: view, fairnessReport: null, fairnessTeam: null });
      await get().loadFairness();
    },

    async setFairnessPeriod(period) {
      set({ fairnessPeriod: period });
      await get().loadFairness();
    },

    async loadFairness() {
      const period = get().fairnessPeriod;
      set((s) => ({
        fairnessState: { status: 'loading', error: s.fairnessState.error },
        suggestionsState: { status: 'loading', error: null },
        fairnessStale: false,
      }));
      const listed = await call('rotations:list', {});
      const rotations = listed.ok ? listed.value.filter((r) => r.archivedAt === null) : [];
      const chosen = get().fairnessView;
      const view =
        rotations.length <= 1
          ? (rotations[0]?.id ?? null)
          : chosen === 'total' || rotations.some((r) => r.id === chosen)
            ? chosen!
            : 'total';
      set({ fairnessRotations: rotations, fairnessView: view });
      if (view === 'total') {
        const [team, ledger] = await Promise.all([call('fairness:team', { period }), call('ledger:settings', {})]);
        if (get().fairnessPeriod !== period || get().fairnessView !== view) return;
        if (ledger.ok) set({ ledgerSettings: ledger.value });
        set({ suggestions: [], suggestionsState: { status: 'ready', error: null } });
        if (team.ok) set({ fairnessTeam: team.value, fairnessState: { status: 'ready', error: null } });
        else set({ fairnessState: { status: 'error', error: team.error.message } });
        return;
      }
      const rotationId = view ?? undefined;
      const [report, weights, suggestions, ledger] = await Promise.all([
        call('fairness:get', { period, rotationId }),
        rotationId === undefined
          ? call('fairness:weights', {})
          : call('fairness:rotation-weights', { rotationId }).then((r) =>
              r.ok ? { ...r, value: r.value.effective } : r,
            ),
        call('swaps:suggest', { period, limit: 5, rotationId }),
        call('ledger:settings', {}),
      ]);
      if (get().fairnessPeriod !== period || get().fairnessView !== view) return;
      if (ledger.ok) set({ ledgerSettings: ledger.value });
      if (weights.ok) set({ fairnessWeights: weights.value });
      if (report.ok) set({ fairnessReport: report.value, fairnessState: { status: 'ready', error: null } });
      else set({ fairnessState: { status: 'error', error: report.error.message } });
      if (suggestions.ok) set({ suggestions: suggestions.value, suggestionsState: { status: 'ready', error: null } });
      else set({ suggestions: [], suggestionsState: { status: 'error', error: suggestions.error.message } });
    },

    async saveWeights(weights) {
      // With several rotations the weights shown are the viewed rotation's own: its burden alone is counted with them.
      const { fairnessView: view, fairnessRotations: rotations } = get();
      const own = rotations.length > 1 && typeof view === 'number' ? rotations.find((r) => r.id === view) : undefined;
      const result = own
        ? await save('fairness:set-rotation-weights', { rotationId: own.id, weights }).then((r) =>
            r.ok ? { ...r, value: r.value.effective } : r,
          )
        : await save('fairness:set-weights', weights);
      if (!result.ok) {
        set({ fairnessMessage: { tone: 'error', text: `Weights not saved: ${result.error.message}` } });
        return false;
      }
      const text = own ? `Weights saved for ${own.name}.` : 'Weights saved.';
      set({ fairnessWeights: result.value, fairnessMessage: { tone: 'info', text } });
      return true;
    },

    async applySuggestion(suggestion) {
      const result = await save('schedule:apply', {
        operation: {
          op: 'swap',
          ...(typeof get().fairnessView === 'number' && { rotationId: get().fairnessView as Id }),
          shiftA: suggestion.shiftA,
          shiftB: suggestion.shiftB,
          reason: 'Suggested swap to even out fairness',
        },
      });
      if (!result.ok) {
        set({ fairnessMessage: { tone: 'error', text: `Swap not applied: ${result.error.message}` } });
        return false;
      }
      set({ fairnessMessage: { tone: 'info', text: 'Swap applied. Undo it from the Calendar (Ctrl+Z) if needed.' } });
      return true;
    },

    async setCarryPolicy(carry) {
      const result = await save('ledger:set-carry', { carry });
      if (!result.ok) {
        set({ fairnessMessage: { tone: 'error', text: `Carry-over not saved: ${result.error.message}` } });
        return false;
      }
      set({ ledgerSettings: result.value, fairnessMessage: { tone: 'info', text: 'Carry-over saved.' } });
      return true;
    },

    async saveOpeningBalances(balances) {
      const result = await save('ledger:set-opening-balances', { balances });
      if (!result.ok) {
        set({ fairnessMessage: { tone: 'error', text: `Opening balances not saved: ${result.error.message}` } });
        return false;
      }
      set({ ledgerSettings: result.value, fairnessMessage: { tone: 'info', text: 'Opening balances saved.' } });
      return true;
    },
  };
};
