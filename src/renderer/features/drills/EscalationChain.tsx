import type { ResolvedLevel } from '../../../shared/domain/escalation';

/** Who to call, level by level, at the drill's moment (resolved by the runbook service). */
export function EscalationChain({ levels }: { levels: ResolvedLevel[] | null }) {
  if (!levels) return <p className="muted">The pipeline has no runbook, so no escalation path.</p>;
  if (levels.length === 0) return <p className="muted">The runbook names no escalation levels.</p>;
  return (
    <ol className="drill-escalation" aria-label="Escalation chain">
      {levels.map((level) => (
        <li key={level.level} className={level.problem ? 'has-problem' : undefined}>
          <span className="drill-escalation__after">
            {level.afterMinutes === 0 ? 'at once' : `+${level.afterMinutes} min`}
          </span>
          <span className="drill-escalation__who">
            <strong>{level.name ?? 'Nobody'}</strong>
            <span className="muted"> · {level.roleLabel}</span>
            {level.detail && <span className="drill-escalation__detail">{level.detail}</span>}
            {level.problem && <span className="drill-escalation__problem">{level.problem}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
