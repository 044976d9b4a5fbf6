import { RUNBOOK_SECTION_LABELS } from '../../../shared/domain/runbook';
import type { Id } from '../../../shared/model';
import type { MatrixRow } from '../../../shared/operations-views';

const AUDIENCE_ORDER = { investors: 0, experiments: 1, internal: 2 } as const;

/** Pipelines in service, investor-facing first (their runbooks are the ones the plan requires). */
export function pickerRows(rows: readonly MatrixRow[]): MatrixRow[] {
  return rows
    .filter((r) => !r.pipeline.retiredAt)
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) => AUDIENCE_ORDER[a.row.pipeline.audience] - AUDIENCE_ORDER[b.row.pipeline.audience] || a.index - b.index,
    )
    .map(({ row }) => row);
}

/** What is missing from a pipeline's runbook, in a few words. */
export function runbookStatus(row: MatrixRow): { tone: 'ok' | 'warn' | 'none'; text: string } {
  if (!row.runbook) return { tone: row.pipeline.audience === 'investors' ? 'warn' : 'none', text: 'No runbook yet' };
  if (!row.runbook.complete) {
    return {
      tone: 'warn',
      text: `Missing: ${row.runbook.emptySections.map((s) => RUNBOOK_SECTION_LABELS[s].toLowerCase()).join(', ')}`,
    };
  }
  return { tone: 'ok', text: 'Complete' };
}

export function RunbookPicker({
  rows,
  selected,
  onSelect,
}: {
  rows: MatrixRow[];
  selected: Id | null;
  onSelect: (pipelineId: Id) => void;
}) {
  return (
    <nav className="picker" aria-label="Pipelines">
      <ul className="picker__list">
        {rows.map((row) => {
          const status = runbookStatus(row);
          return (
            <li key={row.pipeline.id}>
              <button
                type="button"
                className="picker__item"
                aria-current={row.pipeline.id === selected ? 'true' : undefined}
                onClick={() => onSelect(row.pipeline.id)}
                data-testid="runbook-pick"
              >
                <span className="picker__name">{row.pipeline.name}</span>
                <span className="picker__meta">
                  <span className={`tag tag--${row.pipeline.audience}`}>{row.pipeline.audience}</span>
                  <span className={`picker__status picker__status--${status.tone}`}>
                    {status.tone === 'warn' && (
                      <span className="picker__icon" aria-hidden="true">
                        !
                      </span>
                    )}
                    {status.text}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
