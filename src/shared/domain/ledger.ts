// The fairness ledger: for a period and a carry-over policy, per engineer this period's
// weighted burden, fair share and difference, and the balance carried in from before the
// period. Every fairness figure the app shows comes from computeLedger, so the roster, the
// dialogs, the plan panel, the Fairness screen, the CLI and the exports agree.

import type { Coverage, Id, IsoDate, IsoInstant, Role, Rotation } from '../model';
import {
  buildDayTable,
  computeFairness,
  DEFAULT_FAIRNESS_WEIGHTS,
  fairnessDeltas,
  fairnessFromSegments,
  overridesAfter,
  teamFigures,
  type FairnessDelta,
  type EngineerFairness,
  type FairnessInput,
  type FairnessReport,
  type FairnessWeights,
  type Period,
  type TeamFairness,
} from './fairness';
import { CARRIED_IN_MEANING, FAIR_SHARE_MEANING, formatFigure, weightedBurdenMeaning } from './figures';
import type { Change, SegmentMs } from './rotation';
import { addDays, localDateOf, toMs } from './time';

export const CARRY_POLICIES = ['none', 'full', 'capped'] as const;
export type CarryPolicy = (typeof CARRY_POLICIES)[number];

/**
 * Capped, because it is the one that neither forgets nor punishes: "none" forgets who covered
 * Christmas last quarter, and "full" lets a big balance take someone off call for a whole
 * quarter or more. Capped pays back at most one ordinary shift's worth per period, so everyone
 * still takes their turn while an imbalance is repaid over the following quarters.
 */
export const DEFAULT_CARRY_POLICY: CarryPolicy = 'capped';

export const CARRY_POLICY_WORDING: Record<CarryPolicy, { label: string; meaning: string }> = {
  none: {
    label: 'None',
    meaning: 'Each period starts even: what happened before it does not count.',
  },
  full: {
    label: 'Full',
    meaning:
      'The whole balance from before the period counts, however large: someone far ahead may get no shifts for a while.',
  },
  capped: {
    label: 'Capped at one shift',
    meaning:
      'The balance from before the period counts, but never more than one ordinary shift’s worth either way, so an ' +
      'imbalance is paid back at most one shift per period and nobody is left without shifts for a quarter.',
  },
};

/** One shift of on-call time from an imported record (another tool's or another Watchbill file's schedule). */
export interface PastShift {
  engineerId: Id;
  startsAt: IsoInstant;
  endsAt: IsoInstant;
  role: Role;
}

export interface LedgerInput extends FairnessInput {
  carry: CarryPolicy;
  /**
   * Where the rotation's own history starts (historyStart). The overrides must then cover it,
   * and the holidays reach back to the earliest past shift.
   */
  historyFrom: IsoDate;
  /** Imported history, before the rotation started. */
  pastShifts: readonly PastShift[];
  /** Balances typed by hand, added to what the history gives. */
  openingBalances: Readonly<Record<Id, number>>;
}

export interface LedgerRow extends EngineerFairness {
  /** The balance from before the period, as the policy counts it. */
  carriedIn: number;
  /** carriedIn + difference: what the next period starts from. */
  balance: number;
}

export interface LedgerTeam extends TeamFairness {
  /** Most minus least of the balances (carried in plus this period's difference). */
  balanceSpread: number;
}

export interface LedgerReport extends FairnessReport {
  engineers: LedgerRow[];
  team: LedgerTeam;
  carry: CarryPolicy;
  /** The most a capped carry counts either way (one ordinary shift as primary). */
  carryCap: number;
  /** What the figures cover, in words: the period and where the carried balance comes from. */
  covers: string;
  /** "Weighted burden", "fair share" and "carried in" in plain words, with the team's own weights. */
  meanings: { weightedBurden: string; fairShare: string; carriedIn: string };
}

/** Of a day of the week (0 = Sunday), the share a layer answers for (overnight hours count for the day they start). */
function coveredShare(coverage: Coverage, day: number): number {
  if (coverage.weekdays !== null && !coverage.weekdays.includes(day)) return 0;
  if (coverage.hours === null) return 1;
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const length = (minutes(coverage.hours.until) - minutes(coverage.hours.from) + 1440) % 1440;
  return (length === 0 ? 1440 : length) / 1440;
}

/**
 * One ordinary shift as primary, weekends included, in the hours the rotation covers (a
 * business-hours week is worth far less than a round-the-clock one): the cap of the capped policy.
 */
export function oneShiftWorth(rotation: Rotation, weights: FairnessWeights = DEFAULT_FAIRNESS_WEIGHTS): number {
  let week = 0;
  for (let day = 0; day < 7; day += 1)
    week +=
      coveredShare(rotation.coverage, day) * (weights.weekendDays.includes(day) ? weights.weekendDay : weights.weekday);
  return (rotation.shiftDays * week) / 7;
}

/** The carried balance as the policy counts it, from the full balance. */
export function applyCarryPolicy(full: number, policy: CarryPolicy, cap: number): number {
  if (policy === 'none') return 0;
  if (policy === 'full') return full;
  return Math.max(-cap, Math.min(cap, full));
}

/** Burden minus fair share per engineer over imported history, the fair share among those the record names. */
export function pastDifferences(input: LedgerInput, before: IsoDate): Map<Id, number> {
  const zone = input.rotation.timeZone;
  const shifts = input.pastShifts.filter((s) => localDateOf(s.startsAt, zone) < before);
  const differences = new Map<Id, number>();
  if (shifts.length === 0) return differences;
  const first = shifts.map((s) => localDateOf(s.startsAt, zone)).sort()[0]!;
  const last = addDays(before, -1);
  const table = buildDayTable(first, last, zone, input.holidays, input.weights);
  const segments: SegmentMs[] = shifts.map((s, i) => ({
    start: toMs(s.startsAt),
    end: toMs(s.endsAt),
    primaryId: s.role === 'primary' ? s.engineerId : null,
    secondaryId: s.role === 'secondary' ? s.engineerId : null,
    shiftIndex: i,
    overrideIds: [],
  }));
  const named = [...new Set(shifts.map((s) => s.engineerId))];
  const memberships = named.map((engineerId) => ({ engineerId, startDate: first, endDate: last }));
  const period: Period = { startDate: first, endDate: last };
  const report = fairnessFromSegments(table, segments, memberships, [], input.engineers, period);
  for (const row of report.engineers) differences.set(row.engineerId, row.difference);
  return differences;
}

/** The full balance before the period: the rotation's own history, imported history and typed opening balances. */
export function fullBalances(input: LedgerInput): Map<Id, number> {
  const { period } = input;
  const balances = new Map<Id, number>();
  const add = (id: Id, value: number) => balances.set(id, (balances.get(id) ?? 0) + value);
  if (input.historyFrom < period.startDate) {
    const history = computeFairness({
      ...input,
      period: { startDate: input.historyFrom, endDate: addDays(period.startDate, -1) },
    });
    for (const row of history.engineers) add(row.engineerId, row.difference);
  }
  for (const [id, value] of pastDifferences(input, period.startDate)) add(id, value);
  for (const [id, value] of Object.entries(input.openingBalances)) add(Number(id), value);
  return balances;
}

export function periodWords(period: Period): string {
  const range = `${period.startDate} to ${period.endDate}`;
  return period.label ? `${period.label} (${range})` : range;
}

/** The team's figures over ledger rows: the spreads count only those available some of the period or on call. */
export function ledgerTeamFigures(rows: readonly LedgerRow[]): LedgerTeam {
  const counted = rows.filter((r) => r.eligibleDays > 0 || r.burden > 0).map((r) => r.balance);
  return {
    ...teamFigures(rows),
    balanceSpread: counted.length > 0 ? Math.max(...counted) - Math.min(...counted) : 0,
  };
}

/** The ledger for the period with its carried balance; `carriedIn` may be given when already known (what-ifs). */
export function computeLedger(input: LedgerInput, carriedIn?: ReadonlyMap<Id, number>): LedgerReport {
  const weights = input.weights ?? DEFAULT_FAIRNESS_WEIGHTS;
  const report = computeFairness(input);
  const cap = oneShiftWorth(input.rotation, weights);
  const carried = carriedIn ?? carriedBalances(input);
  const engineers = report.engineers.map((row): LedgerRow => {
    const carriedInRow = carried.get(row.engineerId) ?? 0;
    return { ...row, carriedIn: carriedInRow, balance: carriedInRow + row.difference };
  });
  const carryWords =
    input.carry === 'none'
      ? 'nothing carried in (carry-over: none)'
      : input.carry === 'full'
        ? `carried in: the whole balance from before ${input.period.startDate} (carry-over: full)`
        : `carried in: the balance from before ${input.period.startDate}, at most ${formatFigure(cap)} either way (carry-over: capped at one shift)`;
  return {
    ...report,
    engineers,
    team: ledgerTeamFigures(engineers),
    carry: input.carry,
    carryCap: cap,
    covers: `This period: ${periodWords(input.period)}; ${carryWords}.`,
    meanings: {
      weightedBurden: weightedBurdenMeaning(weights),
      fairShare: FAIR_SHARE_MEANING,
      carriedIn: CARRIED_IN_MEANING,
    },
  };
}

/** The balance carried into the period per engineer, as the policy counts it. */
export function carriedBalances(input: LedgerInput): Map<Id, number> {
  if (input.carry === 'none') return new Map();
  const cap = oneShiftWorth(input.rotation, input.weights ?? DEFAULT_FAIRNESS_WEIGHTS);
  const carried = new Map<Id, number>();
  for (const [id, full] of fullBalances(input)) carried.set(id, applyCarryPolicy(full, input.carry, cap));
  return carried;
}

export interface LedgerWhatIf {
  before: LedgerReport;
  after: LedgerReport;
  deltas: FairnessDelta[];
}

/** The ledger before and after a proposed change inside the period; the balance carried in stays as it is. */
export function ledgerWhatIf(input: LedgerInput, change: Change): LedgerWhatIf {
  const carried = carriedBalances(input);
  const before = computeLedger(input, carried);
  const after = computeLedger({ ...input, overrides: overridesAfter(input.overrides, change) }, carried);
  return { before, after, deltas: fairnessDeltas(before, after) };
}
