// One person's load across every rotation: each rotation's ledger is computed on its own (its
// own weights, members, coverage and carried balance), and a person's total is the sum of
// their rows. Summing, not re-weighing, is the point: a weekday in the business-hours rotation
// costs what that rotation says it costs, whatever the weekly rotation's weights are.
import type { Id } from '../model';
import { emptyRow } from './fairness';
import {
  computeLedger,
  ledgerTeamFigures,
  periodWords,
  type LedgerInput,
  type LedgerReport,
  type LedgerRow,
  type LedgerTeam,
} from './ledger';

/** The figures of a ledger row that add up across rotations (every column the tables show). */
const SUMMED = [
  'primaryDays',
  'secondaryDays',
  'weekendDays',
  'holidayDays',
  'weightedHolidayLoad',
  'burden',
  'eligibleDays',
  'fairShare',
  'difference',
  'onCallHours',
  'carriedIn',
  'balance',
] as const satisfies readonly (keyof LedgerRow)[];

export interface RotationLedger {
  rotationId: Id;
  rotationName: string;
  report: LedgerReport;
}

export interface TeamLedger {
  /** Each rotation's own ledger, in the lead's order. */
  rotations: RotationLedger[];
  /** Per person, the sum of their rows over every rotation (someone in no rotation has no row). */
  totals: LedgerRow[];
  /** Spread, balance spread and so on over the totals. */
  team: LedgerTeam;
  /** What the totals cover, in words. */
  covers: string;
}

export interface RotationLedgerInput {
  rotationId: Id;
  rotationName: string;
  input: LedgerInput;
}

const emptyTotal = (engineerId: Id): LedgerRow => ({ ...emptyRow(engineerId), carriedIn: 0, balance: 0 });

/** Per person, their rows summed over the rotations' ledgers, in order of first appearance. */
export function sumByPerson(reports: readonly LedgerReport[]): LedgerRow[] {
  const totals = new Map<Id, LedgerRow>();
  for (const report of reports) {
    for (const row of report.engineers) {
      const total = totals.get(row.engineerId) ?? emptyTotal(row.engineerId);
      for (const key of SUMMED) total[key] += row[key];
      totals.set(row.engineerId, total);
    }
  }
  return [...totals.values()];
}

/** The ledgers of several rotations and each person's total across them. */
export function teamLedger(rotations: readonly RotationLedgerInput[]): TeamLedger {
  const ledgers = rotations.map(({ rotationId, rotationName, input }) => ({
    rotationId,
    rotationName,
    report: computeLedger(input),
  }));
  const totals = sumByPerson(ledgers.map((l) => l.report));
  const periods = [...new Set(ledgers.map((l) => periodWords(l.report.period)))];
  const names = ledgers.map((l) => l.rotationName).join(', ');
  return {
    rotations: ledgers,
    totals,
    team: ledgerTeamFigures(totals),
    covers:
      ledgers.length === 0
        ? 'No rotation has on-call time in this period.'
        : `In total across ${ledgers.length === 1 ? 'the rotation' : `${ledgers.length} rotations`} (${names}), ` +
          `each counted with its own weights: ${periods.join('; ')}.`,
  };
}
