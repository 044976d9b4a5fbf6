import type { RiskCell } from '../../../shared/operations-views';
import { riskBand } from '../../../shared/domain/risk';
import { IMPACT_LABELS, LIKELIHOOD_LABELS } from '../../../shared/labels';

export interface CellFilter {
  likelihood: number;
  impact: number;
}

/** Likelihood (rows, 5 at the top) by impact (columns); a cell's button filters the list to its risks. */
export function RiskHeatMap({
  matrix,
  selected,
  onSelect,
}: {
  matrix: RiskCell[][];
  selected: CellFilter | null;
  onSelect: (cell: CellFilter | null) => void;
}) {
  return (
    <div className="heatmap" role="group" aria-label="Risk heat map: likelihood by impact (closed risks left out)">
      <span className="heatmap__y" aria-hidden="true">
        Likelihood →
      </span>
      <div className="heatmap__grid">
        {matrix.map((row) => (
          <div key={row[0]?.likelihood} className="heatmap__row">
            <span className="heatmap__axis" title={LIKELIHOOD_LABELS[(row[0]?.likelihood ?? 1) - 1]}>
              {row[0]?.likelihood}
            </span>
            {row.map((cell) => {
              const isSelected = selected?.likelihood === cell.likelihood && selected.impact === cell.impact;
              const n = cell.riskIds.length;
              return (
                <button
                  key={cell.impact}
                  type="button"
                  className={`heatmap__cell band--${riskBand(cell.likelihood, cell.impact)}${n ? ' has-risks' : ''}`}
                  aria-pressed={isSelected}
                  aria-label={`Likelihood ${cell.likelihood} (${LIKELIHOOD_LABELS[cell.likelihood - 1]}), impact ${cell.impact} (${IMPACT_LABELS[cell.impact - 1]}): ${n} ${n === 1 ? 'risk' : 'risks'}`}
                  onClick={() => onSelect(isSelected ? null : { likelihood: cell.likelihood, impact: cell.impact })}
                >
                  {n > 0 ? n : ''}
                </button>
              );
            })}
          </div>
        ))}
        <div className="heatmap__row heatmap__row--axis" aria-hidden="true">
          <span className="heatmap__axis" />
          {[1, 2, 3, 4, 5].map((i) => (
            <span key={i} className="heatmap__axis" title={IMPACT_LABELS[i - 1]}>
              {i}
            </span>
          ))}
        </div>
        <span className="heatmap__x" aria-hidden="true">
          Impact →
        </span>
      </div>
    </div>
  );
}
