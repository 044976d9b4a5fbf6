// The computations that may take long enough to freeze the app: pure functions over plain
// data, run in a worker thread (worker.ts) so the main process keeps answering. The main
// process reads the data (SQLite stays there) and posts it; the worker posts the answer.
import {
  carriedBalances,
  computeLedger,
  ledgerWhatIf,
  type LedgerInput,
  type LedgerReport,
  type LedgerWhatIf,
} from '../../shared/domain/ledger';
import { clashFixes, type ClashFixInput, type ClashFixes } from '../../shared/domain/clash-fixes';
import { planWithLedger, type PlanProposal } from '../../shared/domain/ledger-plan';
import { planRotations, type PlanRotationsInput, type RotationsPlan } from '../../shared/domain/plan-rotations';
import { teamLedger, type RotationLedgerInput, type TeamLedger } from '../../shared/domain/ledger-team';
import type { HolidaySource } from '../../shared/domain/holidays';
import { suggestSwaps, type PlanInput, type ProgressReport, type SwapSuggestion } from '../../shared/domain/planner';
import type { Change } from '../../shared/domain/rotation';
import type { Holiday, IsoDate } from '../../shared/model';

export const tasks = {
  plan: ({ plan, ledger }: { plan: PlanInput; ledger: LedgerInput }, progress: ProgressReport): PlanProposal =>
    planWithLedger(plan, ledger, progress),
  planRotations: (input: PlanRotationsInput, progress: ProgressReport): RotationsPlan => planRotations(input, progress),
  swaps: (
    { input, limit }: { input: LedgerInput & { notBefore?: string }; limit: number },
    progress: ProgressReport,
  ): SwapSuggestion[] =>
    suggestSwaps({ ...input, carriedIn: Object.fromEntries(carriedBalances(input)) }, limit, progress),
  fairness: (input: LedgerInput): LedgerReport => computeLedger(input),
  fairnessTeam: (rotations: RotationLedgerInput[]): TeamLedger => teamLedger(rotations),
  clashFixes: (input: ClashFixInput): ClashFixes => clashFixes(input),
  whatIf: ({ input, change }: { input: LedgerInput; change: Change }): LedgerWhatIf => ledgerWhatIf(input, change),
  // The holiday package takes milliseconds a year, so a long range is work for a worker too;
  // it also takes most of a second to load, which only this task should pay.
  holidays: async ({ source, from, to }: { source: HolidaySource; from: IsoDate; to: IsoDate }): Promise<Holiday[]> =>
    (await import('../../shared/domain/holidays')).holidaysBetween(source, from, to),
};

export type TaskName = keyof typeof tasks;
export type TaskInput<T extends TaskName> = Parameters<(typeof tasks)[T]>[0];
export type TaskOutput<T extends TaskName> = Awaited<ReturnType<(typeof tasks)[T]>>;

export const isTaskName = (name: unknown): name is TaskName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(tasks, name);

/** Main → worker: one job at a time per worker. */
export interface JobRequest {
  task: TaskName;
  input: unknown;
}

/** Worker → main. A DomainError keeps its code so the caller's refusal reads the same as in-thread. */
export type JobMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; code: string | null; message: string; stack?: string };
