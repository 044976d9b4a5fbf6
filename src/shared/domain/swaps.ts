// Suggested swaps: the single exchanges of two shifts that even a period's load most.

import type { Id } from '../model';
import {
  buildDayTable,
  computeFairness,
  intervalBurden,
  periodBoundsMs,
  type DayTable,
  type FairnessInput,
} from './fairness';
import {
  computeSegmentsMs,
  shiftIndexAt,
  shiftOwner,
  shiftStartMs,
  swapShifts,
  unavailableSpans,
  type Change,
  type SegmentMs,
  type UnavailableSpan,
} from './rotation';
import type { ProgressReport } from './progress';
import { toMs } from './time';

const EPSILON = 1e-9;
const overlaps = (span: { start: number; end: number }, start: number, end: number) =>
  span.start < end && start < span.end;

export interface SwapSuggestion {
  shiftA: number;
  shiftB: number;
  engineerA: Id;
  engineerB: Id;
  change: Change;
  spreadBefore: number;
  spreadAfter: number;
  /** Burden − fair share before and after, for the people whose figures move. */
  deltas: { engineerId: Id; differenceBefore: number; differenceAfter: number }[];
}

/**
 * The single swaps of two shifts within the period that reduce the spread most, best first.
 * A swap that would put someone on call during their unavailability is never suggested;
 * shifts starting before `notBefore` (the past) are left alone. With `carriedIn` (the ledger's
 * balance carried into the period) the spread is of the balances, so a suggestion never undoes
 * a plan that evened them.
 */
export function suggestSwaps(
  input: FairnessInput & { notBefore?: string; carriedIn?: Readonly<Record<Id, number>> },
  limit = 3,
  onProgress: ProgressReport = () => {},
): SwapSuggestion[] {
  const { rotation } = input;
  const report = computeFairness(input);
  const difference = new Map(
    report.engineers.map((r) => [r.engineerId, r.difference + (input.carriedIn?.[r.engineerId] ?? 0)]),
  );
  const spreadBefore = input.carriedIn ? spreadOf([...difference.values()]) : report.team.spread;
  const table = buildDayTable(
    input.period.startDate,
    input.period.endDate,
    rotation.timeZone,
    input.holidays,
    input.weights,
  );
  const [from, to] = periodBoundsMs(rotation, input.period);
  const spans = unavailableSpans(input.unavailability, input.engineers, rotation.timeZone);
  const notBefore = input.notBefore ? toMs(input.notBefore) : -Infinity;
  const first = Math.max(0, shiftIndexAt(rotation, Math.max(from, notBefore)));
  const last = shiftIndexAt(rotation, to - 1);
  const shifts: number[] = [];
  for (let index = first; index <= last; index += 1) if (shiftStartMs(rotation, index) >= notBefore) shifts.push(index);
  const current = computeSegmentsMs(
    rotation,
    input.overrides,
    shiftStartMs(rotation, first),
    shiftStartMs(rotation, last + 1),
  );

  const suggestions: SwapSuggestion[] = [];
  for (let i = 0; i < shifts.length; i += 1) {
    // Row i holds the pairs (i, j > i): the rows shorten, so count pairs, not rows.
    onProgress(i * shifts.length - (i * (i + 1)) / 2, (shifts.length * (shifts.length - 1)) / 2);
    for (let j = i + 1; j < shifts.length; j += 1) {
      const change = swapShifts(
        rotation,
        input.overrides,
        shifts[i]!,
        shifts[j]!,
        'Suggested swap: evens out the load',
      );
      if (change.add.length === 0) continue;
      const moved = burdenMovedBy(change, current, table);
      if (moved.unavailable(spans)) continue;
      const after = new Map(difference);
      for (const [id, delta] of moved.delta) after.set(id, (after.get(id) ?? 0) + delta);
      const spreadAfter = spreadOf([...after.values()]);
      if (spreadAfter >= spreadBefore - EPSILON) continue;
      const engineers = [...moved.delta.keys()].filter((id) => Math.abs(moved.delta.get(id)!) > EPSILON);
      suggestions.push({
        shiftA: shifts[i]!,
        shiftB: shifts[j]!,
        engineerA: shiftOwner(rotation, input.overrides, shifts[i]!)!,
        engineerB: shiftOwner(rotation, input.overrides, shifts[j]!)!,
        change,
        spreadBefore,
        spreadAfter,
        deltas: engineers.map((engineerId) => ({
          engineerId,
          differenceBefore: difference.get(engineerId) ?? 0,
          differenceAfter: after.get(engineerId) ?? 0,
        })),
      });
    }
  }
  return suggestions
    .sort((a, b) => a.spreadAfter - b.spreadAfter || a.shiftA - b.shiftA || a.shiftB - b.shiftB)
    .slice(0, limit);
}

const spreadOf = (values: readonly number[]) => (values.length === 0 ? 0 : Math.max(...values) - Math.min(...values));

/** How a change of non-overlapping drafts moves burden: each draft's engineer gains what the current holder loses. */
function burdenMovedBy(change: Change, current: readonly SegmentMs[], table: DayTable) {
  const delta = new Map<Id, number>();
  const taken: { engineerId: Id; start: number; end: number }[] = [];
  for (const draft of change.add) {
    const start = toMs(draft.startsAt);
    const end = toMs(draft.endsAt);
    for (const segment of current) {
      const from = Math.max(start, segment.start);
      const to = Math.min(end, segment.end);
      if (from >= to) continue;
      const holder = draft.role === 'primary' ? segment.primaryId : segment.secondaryId;
      const burden = intervalBurden(table, from, to, draft.role);
      delta.set(draft.engineerId, (delta.get(draft.engineerId) ?? 0) + burden);
      if (holder !== null) delta.set(holder, (delta.get(holder) ?? 0) - burden);
    }
    taken.push({ engineerId: draft.engineerId, start, end });
  }
  return {
    delta,
    unavailable: (spans: readonly UnavailableSpan[]) =>
      taken.some((t) => spans.some((s) => s.engineerId === t.engineerId && overlaps(s, t.start, t.end))),
  };
}
