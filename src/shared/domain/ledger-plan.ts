// Planning against the ledger: the planner evens this period's burden plus the balance carried
// in (as the carry-over policy counts it), and the preview shows the ledger before and after.
import type { Id } from '../model';
import { overridesAfter } from './fairness';
import { carriedBalances, computeLedger, type LedgerInput, type LedgerReport } from './ledger';
import { planSchedule, type PlanInput, type PlanResult, type ProgressReport } from './planner';

export interface PlanProposal extends Omit<PlanResult, 'before' | 'after'> {
  /** The ledger of the planned range now and with the plan applied; the carried balance is the same in both. */
  before: LedgerReport;
  after: LedgerReport;
}

/**
 * Plans `plan.from`..`plan.to` with the balance carried into `ledger.period` (the same range).
 * The planner's own history starts at the range: the carried balance stands for everything before.
 */
export function planWithLedger(plan: PlanInput, ledger: LedgerInput, onProgress?: ProgressReport): PlanProposal {
  const carried = carriedBalances(ledger);
  const carriedIn: Record<Id, number> = Object.fromEntries(carried);
  const result = planSchedule({ ...plan, carriedIn }, onProgress);
  return {
    ...result,
    before: computeLedger(ledger, carried),
    after: computeLedger({ ...ledger, overrides: overridesAfter(ledger.overrides, result.change) }, carried),
  };
}
