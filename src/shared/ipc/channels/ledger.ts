// The fairness ledger's settings: the carry-over policy and the history from before Watchbill.
import type { CarryPolicy } from '../../domain/ledger';
import type { Id, IsoDate } from '../../model';
import { carryArgs, noArgs, openingBalancesArgs } from '../schemas';
import { returns } from './define';

export interface LedgerSettings {
  carry: CarryPolicy;
  /** Balances typed by hand, weighted weekdays per engineer (positive: did more than their share). */
  openingBalances: Record<Id, number>;
  /** Imported past shifts: how many, and the dates they span (null when none). */
  pastShifts: { count: number; from: IsoDate | null; to: IsoDate | null };
}

export const ledgerChannels = {
  'ledger:settings': { args: noArgs, result: returns<LedgerSettings>() },
  'ledger:set-carry': { args: carryArgs, result: returns<LedgerSettings>() },
  'ledger:set-opening-balances': { args: openingBalancesArgs, result: returns<LedgerSettings>() },
  'ledger:clear-history': { args: noArgs, result: returns<LedgerSettings>() },
} as const;
