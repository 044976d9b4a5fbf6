// The Fairness screen's figures for the period and view chosen: one rotation's report, weights
// and suggested swaps, or everyone's total across the rotations; each read through the query
// layer, so a change elsewhere (a swap, a weight, time away) refreshes them.
import { useMemo } from 'react';
import type { Id, Rotation } from '../../../shared/model';
import { useChannel } from '../../query/client';
import { useStore } from '../../store';

const NO_ROTATIONS: Rotation[] = [];

export function useFairness() {
  const period = useStore((s) => s.fairnessPeriod);
  const chosen = useStore((s) => s.fairnessView);
  const listed = useChannel('rotations:list', {});
  const rotations = useMemo(() => (listed.data ?? NO_ROTATIONS).filter((r) => r.archivedAt === null), [listed.data]);
  const known = listed.data !== undefined;
  // With one rotation (or none) there is nothing to choose; with several, everyone's total first.
  const view: Id | 'total' | null =
    rotations.length <= 1
      ? (rotations[0]?.id ?? null)
      : chosen === 'total' || rotations.some((r) => r.id === chosen)
        ? chosen!
        : 'total';
  const total = view === 'total';
  const rotationId = typeof view === 'number' ? view : undefined;
  const one = { enabled: known && !total, keepPrevious: true };

  const team = useChannel('fairness:team', { period }, { enabled: known && total, keepPrevious: true });
  const report = useChannel('fairness:get', { period, rotationId }, one);
  const suggestions = useChannel('swaps:suggest', { period, limit: 5, rotationId }, one);
  const teamWeights = useChannel('fairness:weights', {}, { enabled: known && !total && rotationId === undefined });
  const ownWeights = useChannel(
    'fairness:rotation-weights',
    { rotationId: rotationId ?? 0 },
    { enabled: rotationId !== undefined },
  );
  const ledger = useChannel('ledger:settings', {});

  const figures = total ? team : report;
  return {
    period,
    rotations,
    view,
    rotation: rotations.find((r) => r.id === view) ?? rotations[0] ?? null,
    report: total ? undefined : report.data,
    team: total ? team.data : undefined,
    weights: rotationId === undefined ? teamWeights.data : ownWeights.data?.effective,
    ledgerSettings: ledger.data,
    suggestions: total ? [] : (suggestions.data ?? []),
    suggestionsState: total ? { status: 'ready' as const, error: null } : suggestions,
    /** Where the figures shown stand: reading, or refused in words. */
    state: { status: listed.status === 'error' ? listed.status : figures.status, error: listed.error ?? figures.error },
    reload: () => Promise.all([listed.reload(), figures.reload(), ledger.reload()]),
  };
}
