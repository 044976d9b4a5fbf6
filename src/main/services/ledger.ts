// The fairness ledger as a service: the carry-over policy (a setting of the file) and the
// history from before Watchbill (imported past shifts, typed opening balances). The input
// every fairness figure is computed from is a query (queries/schedule.ts#ledgerInput).
import type { Handlers } from '../../shared/ipc/contract';
import type { LedgerSettings } from '../../shared/ipc/channels/ledger';
import { DomainError } from '../../shared/result';
import type { Repositories } from '../db/repositories';
import { CARRY_KEY, carryPolicyOf } from '../queries/schedule';
import type { ServiceContext } from './context';

export function ledgerSettings(repos: Repositories): LedgerSettings {
  const span = repos.ledger.pastShiftSpan();
  return {
    carry: carryPolicyOf(repos),
    openingBalances: repos.ledger.openingBalances(),
    pastShifts: {
      count: span.count,
      from: span.first?.slice(0, 10) ?? null,
      to: span.last?.slice(0, 10) ?? null,
    },
  };
}

type LedgerChannels = 'ledger:settings' | 'ledger:set-carry' | 'ledger:set-opening-balances' | 'ledger:clear-history';

export function ledgerHandlers({ repos }: ServiceContext): Pick<Handlers, LedgerChannels> {
  return {
    'ledger:settings': () => ledgerSettings(repos),
    'ledger:set-carry': ({ carry }) => {
      repos.settings.set(CARRY_KEY, carry);
      return ledgerSettings(repos);
    },
    'ledger:set-opening-balances': ({ balances }) =>
      repos.transaction(() => {
        for (const { engineerId } of balances) {
          if (!repos.engineers.get(engineerId))
            throw new DomainError('not_found', `There is no engineer #${engineerId} to give an opening balance.`);
        }
        for (const { engineerId, balance } of balances) repos.ledger.setOpeningBalance(engineerId, balance);
        return ledgerSettings(repos);
      }),
    'ledger:clear-history': () =>
      repos.transaction(() => {
        repos.ledger.clearPastShifts();
        return ledgerSettings(repos);
      }),
  };
}
