// The Fairness screen's choices (the period, one rotation or everyone's total) and its changes
// with the message each leaves; the figures themselves are the query layer's (useFairness).
import type { FairnessWeights } from '../../../shared/domain/fairness';
import type { CarryPolicy } from '../../../shared/domain/ledger';
import type { SwapSuggestion } from '../../../shared/domain/planner';
import type { PeriodSpec } from '../../../shared/ipc/schemas';
import type { Id, Rotation } from '../../../shared/model';
import { save } from '../../query/save';
import type { SliceCreator } from '../types';

export interface FairnessSlice {
  fairnessPeriod: PeriodSpec;
  /** One rotation, or 'total': everyone's load across the rotations; null: the default for the rotations in use. */
  fairnessView: Id | 'total' | null;
  fairnessMessage: { tone: 'error' | 'info'; text: string } | null;
  setFairnessView(view: Id | 'total'): void;
  setFairnessPeriod(period: PeriodSpec): void;
  /** With several rotations, `own` is the rotation viewed: its burden alone is counted with the weights. */
  saveWeights(weights: FairnessWeights, own: Rotation | null): Promise<boolean>;
  /** `rotationId`: the rotation viewed, whose shifts the suggestion swaps. */
  applySuggestion(suggestion: SwapSuggestion, rotationId: Id | null): Promise<boolean>;
  setCarryPolicy(carry: CarryPolicy): Promise<boolean>;
  saveOpeningBalances(balances: { engineerId: number; balance: number }[]): Promise<boolean>;
  /** Removes the imported past shifts (every rotation's): the ledger then starts where the schedule does. */
  clearImportedHistory(): Promise<boolean>;
}

export const createFairnessSlice: SliceCreator<FairnessSlice> = (set) => ({
  fairnessPeriod: { kind: 'quarter' },
  fairnessMessage: null,
  fairnessView: null,

  setFairnessView(view) {
    set({ fairnessView: view });
  },

  setFairnessPeriod(period) {
    set({ fairnessPeriod: period });
  },

  async saveWeights(weights, own) {
    const result = own
      ? await save('fairness:set-rotation-weights', { rotationId: own.id, weights })
      : await save('fairness:set-weights', weights);
    if (!result.ok) {
      set({ fairnessMessage: { tone: 'error', text: `Weights not saved: ${result.error.message}` } });
      return false;
    }
    set({ fairnessMessage: { tone: 'info', text: own ? `Weights saved for ${own.name}.` : 'Weights saved.' } });
    return true;
  },

  async applySuggestion(suggestion, rotationId) {
    const result = await save('schedule:apply', {
      operation: {
        op: 'swap',
        ...(rotationId !== null && { rotationId }),
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
    set({ fairnessMessage: { tone: 'info', text: 'Carry-over saved.' } });
    return true;
  },

  async saveOpeningBalances(balances) {
    const result = await save('ledger:set-opening-balances', { balances });
    if (!result.ok) {
      set({ fairnessMessage: { tone: 'error', text: `Opening balances not saved: ${result.error.message}` } });
      return false;
    }
    set({ fairnessMessage: { tone: 'info', text: 'Opening balances saved.' } });
    return true;
  },

  async clearImportedHistory() {
    const result = await save('ledger:clear-history', {});
    if (!result.ok) {
      set({ fairnessMessage: { tone: 'error', text: `Imported history not removed: ${result.error.message}` } });
      return false;
    }
    set({ fairnessMessage: { tone: 'info', text: 'Imported history removed.' } });
    return true;
  },
});
