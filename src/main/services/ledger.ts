// The fairness ledger as a service: the carry-over policy (a setting of the file), the
// history from before Watchbill (imported past shifts, typed opening balances), and the
// input every fairness figure is computed from.
import type { Handlers } from '../../shared/ipc/contract';
import type { LedgerSettings } from '../../shared/ipc/channels/ledger';
import { historyStart, type FairnessInput } from '../../shared/domain/fairness';
import { CARRY_POLICIES, DEFAULT_CARRY_POLICY, type CarryPolicy, type LedgerInput } from '../../shared/domain/ledger';
import { addDays, localDateOf } from '../../shared/domain/time';
import type { Holiday, IsoDate, Override } from '../../shared/model';
import { DomainError } from '../../shared/result';
import type { Repositories } from '../db/repositories';
import type { ServiceContext } from './context';

const CARRY_KEY = 'carryPolicy';

/** The file's carry-over policy; the default when never set (or set by a newer version to something unknown). */
export function carryPolicyOf(repos: Repositories): CarryPolicy {
  const stored = repos.settings.get<string>(CARRY_KEY);
  return CARRY_POLICIES.find((p) => p === stored) ?? DEFAULT_CARRY_POLICY;
}

export interface LedgerSources {
  /** Holidays between two local dates (both included). */
  holidays: (from: IsoDate, to: IsoDate) => Holiday[];
  /** Every override of the rotation: the carried balance looks back over its whole history. */
  allOverrides: () => Override[];
}

/**
 * The ledger's input for a period: the fairness input of the period, widened to the history
 * the carried balance needs (unless the policy carries nothing, which needs none of it).
 */
export function ledgerInput(
  repos: Repositories,
  sources: LedgerSources,
  input: FairnessInput,
  carry: CarryPolicy = carryPolicyOf(repos),
): LedgerInput {
  const { rotation, period } = input;
  const historyFrom = historyStart(rotation, period.startDate);
  if (carry === 'none') return { ...input, carry, historyFrom, pastShifts: [], openingBalances: {} };
  const pastShifts = repos.ledger.pastShifts().map(({ engineerId, startsAt, endsAt, role }) => ({
    engineerId,
    startsAt,
    endsAt,
    role,
  }));
  const earliest = pastShifts[0] ? localDateOf(pastShifts[0].startsAt, rotation.timeZone) : historyFrom;
  const from = earliest < historyFrom ? earliest : historyFrom;
  return {
    ...input,
    overrides: sources.allOverrides(),
    // The carried balance weighs the history before the period: all of its time away counts.
    unavailability: repos.engineers.listUnavailability(),
    holidays: sources.holidays(from < period.startDate ? from : period.startDate, addDays(period.endDate, 1)),
    carry,
    historyFrom,
    pastShifts,
    openingBalances: repos.ledger.openingBalances(),
  };
}

export function ledgerSettings(repos: Repositories): LedgerSettings {
  const shifts = repos.ledger.pastShifts();
  const lastEnd = shifts.map((s) => s.endsAt).sort()[shifts.length - 1];
  return {
    carry: carryPolicyOf(repos),
    openingBalances: repos.ledger.openingBalances(),
    pastShifts: {
      count: shifts.length,
      from: shifts[0]?.startsAt.slice(0, 10) ?? null,
      to: lastEnd?.slice(0, 10) ?? null,
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
