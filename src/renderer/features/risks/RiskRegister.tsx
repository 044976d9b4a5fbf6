import { useMemo, useState } from 'react';
import { RISK_CATEGORIES, type Engineer, type Id, type Risk, type RiskCategory } from '../../../shared/model';
import type { PipelineRow } from '../../../shared/views';
import { Dialog } from '../../components/Dialog';
import { EngineerName } from '../../components/EngineerName';
import { formatDay } from '../../components/format';
import { ErrorNotice } from '../../components/Notice';
import { useChannel } from '../../query/client';
import { useEngineers } from '../../query/engineers';
import { save } from '../../query/save';
import { RiskDialog } from './RiskDialog';
import { RiskHeatMap, type CellFilter } from './RiskHeatMap';
import { byRiskScore, RISK_BANDS, riskBand } from '../../../shared/domain/risk';
import {
  IMPACT_LABELS,
  LIKELIHOOD_LABELS,
  RISK_BAND_LABELS,
  RISK_CATEGORY_LABELS as CATEGORY_LABELS,
  RISK_STATUS_LABELS as STATUS_LABELS,
} from '../../../shared/labels';

const NO_PIPELINES: PipelineRow[] = [];

/** The register: heat map and filters on top, the risks (highest score first) below. */
export function RiskRegister() {
  const { data: register, reload: loadRisks, ...state } = useChannel('risks:list', {});
  const engineers = useEngineers();
  const { data: pipelineRows = NO_PIPELINES } = useChannel('pipelines:list', {});
  const [cell, setCell] = useState<CellFilter | null>(null);
  const [category, setCategory] = useState<RiskCategory | ''>('');
  const [showClosed, setShowClosed] = useState(false);
  const [editing, setEditing] = useState<Risk | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Risk | null>(null);
  const [error, setError] = useState<string | null>(null);

  const engineersById = useMemo(() => new Map<Id, Engineer>(engineers.map((e) => [e.id, e])), [engineers]);
  const pipelines = useMemo(() => pipelineRows.map((r) => r.pipeline), [pipelineRows]);
  const pipelineName = (id: Id) => pipelines.find((p) => p.id === id)?.name ?? `pipeline #${id}`;

  const risks = useMemo(() => {
    const all = register?.risks ?? [];
    return all
      .filter((r) => showClosed || r.status !== 'closed')
      .filter((r) => !category || r.category === category)
      .filter((r) => !cell || (r.likelihood === cell.likelihood && r.impact === cell.impact))
      .sort((a, b) => byRiskScore(a, b) || a.title.localeCompare(b.title));
  }, [register, showClosed, category, cell]);

  if (!register) {
    return state.status === 'error' ? (
      <ErrorNotice message={`The risks could not be loaded: ${state.error}`} onRetry={() => void loadRisks()} />
    ) : (
      <p className="muted">Loading…</p>
    );
  }
  const total = register.risks.length;
  const open = register.risks.filter((r) => r.status !== 'closed').length;
  const filtered = cell !== null || category !== '';

  return (
    <div className="risks">
      <div className="risks__top">
        <section className="panel risks__map" aria-labelledby="heatmap-title">
          <h2 id="heatmap-title" className="panel__title">
            Heat map <span className="count">{open}</span>
          </h2>
          <RiskHeatMap matrix={register.matrix} selected={cell} onSelect={setCell} />
        </section>
        <section className="panel risks__filters" aria-labelledby="filters-title">
          <h2 id="filters-title" className="panel__title">
            Register
          </h2>
          <p className="risks__summary">
            <strong>{total}</strong> {total === 1 ? 'risk' : 'risks'}, <strong>{open}</strong> not closed ·{' '}
            {RISK_CATEGORIES.map((c, i) => (
              <span key={c}>
                {i > 0 && ', '}
                {register.risks.filter((r) => r.category === c && r.status !== 'closed').length}{' '}
                {CATEGORY_LABELS[c].toLowerCase()}
              </span>
            ))}
          </p>
          <div className="risks__controls">
            <div>
              <label className="field__label" htmlFor="risk-filter-category">
                Category
              </label>
              <select
                id="risk-filter-category"
                className="input"
                value={category}
                onChange={(e) => setCategory(e.target.value as RiskCategory | '')}
              >
                <option value="">All categories</option>
                {RISK_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {CATEGORY_LABELS[c]}
                  </option>
                ))}
              </select>
            </div>
            <label className="check risks__closed">
              <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} />
              Show closed risks
            </label>
            <button type="button" className="button button--primary risks__add" onClick={() => setEditing('new')}>
              Add risk
            </button>
          </div>
          <ul className="bands" aria-label="Score bands (likelihood × impact)">
            {RISK_BANDS.map(({ band, min, max }) => (
              <li key={band}>
                <span className={`bands__swatch band--${band}`} aria-hidden="true" />
                {`${RISK_BAND_LABELS[band]} (${min}–${max})`}
              </li>
            ))}
          </ul>
          <p className="risks__filter-state" aria-live="polite">
            {cell ? (
              <>
                Showing likelihood {cell.likelihood} ({LIKELIHOOD_LABELS[cell.likelihood - 1]}) × impact {cell.impact} (
                {IMPACT_LABELS[cell.impact - 1]}).{' '}
              </>
            ) : (
              <span className="muted">Choose a cell of the heat map to see only its risks. </span>
            )}
            {filtered && (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  setCell(null);
                  setCategory('');
                }}
              >
                Show all
              </button>
            )}
          </p>
        </section>
      </div>
      {error && <p className="inline-error">{error}</p>}

      {risks.length === 0 ? (
        <div className="empty">
          <p className="empty__title">{total === 0 ? 'No risks recorded yet' : 'No risks match'}</p>
          <div className="empty__body">
            {total === 0
              ? 'Add what could go wrong — late data, schema changes, compute limits, wrong metrics — with how likely and how bad it is, and what mitigates it.'
              : 'Choose another cell or category, or Show all.'}
          </div>
        </div>
      ) : (
        <table className="table risk-table" data-testid="risk-table">
          <colgroup>
            <col />
            <col className="risk-table__score" />
            <col />
            <col className="risk-table__owner" />
            <col className="risk-table__actions" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Risk</th>
              <th scope="col" className="num" title="Likelihood × impact">
                L × I
              </th>
              <th scope="col">Mitigation</th>
              <th scope="col">Owner · status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {risks.map((risk) => (
              <tr key={risk.id} data-testid="risk-row">
                <th scope="row" className="risk-table__risk">
                  <span className="risk-table__title">{risk.title}</span>
                  <span className="risk-table__meta">
                    <span className={`tag risk-tag risk-tag--${risk.category}`}>{CATEGORY_LABELS[risk.category]}</span>
                    {risk.pipelineIds.length > 0 && (
                      <span className="muted">{risk.pipelineIds.map(pipelineName).join(', ')}</span>
                    )}
                  </span>
                  {risk.description && <span className="risk-table__description">{risk.description}</span>}
                </th>
                <td className="num">
                  <span
                    className={`score band--${riskBand(risk.likelihood, risk.impact)}`}
                    title={`Likelihood ${risk.likelihood} (${LIKELIHOOD_LABELS[risk.likelihood - 1]}), impact ${risk.impact} (${IMPACT_LABELS[risk.impact - 1]})`}
                  >
                    {risk.likelihood} × {risk.impact}
                  </span>
                </td>
                <td className="risk-table__mitigation">
                  {risk.mitigation || <span className="muted">No mitigation yet</span>}
                </td>
                <td>
                  <EngineerName id={risk.ownerId} engineers={engineersById} nobody="No owner" />
                  <span className={`risk-status risk-status--${risk.status}`}>{STATUS_LABELS[risk.status]}</span>
                  {risk.reviewDate && (
                    <span className="muted risk-table__review">review {formatDay(risk.reviewDate)}</span>
                  )}
                </td>
                <td className="risk-table__actions">
                  <div className="actions__buttons">
                    <button
                      type="button"
                      className="button"
                      onClick={() => setEditing(risk)}
                      aria-label={`Edit risk ${risk.title}`}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => setDeleting(risk)}
                      aria-label={`Delete risk ${risk.title}`}
                    >
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {editing && (
        <RiskDialog
          risk={editing === 'new' ? null : editing}
          engineers={engineers}
          pipelines={pipelines.filter((p) => !p.retiredAt || (editing !== 'new' && editing.pipelineIds.includes(p.id)))}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <Dialog
          title={`Delete the risk “${deleting.title}”?`}
          onClose={() => setDeleting(null)}
          footer={
            <>
              <button type="button" className="button" onClick={() => setDeleting(null)} data-autofocus>
                Keep it
              </button>
              <button
                type="button"
                className="button button--danger"
                onClick={async () => {
                  const result = await save('risks:delete', { riskId: deleting.id });
                  setError(result.ok ? null : result.error.message);
                  setDeleting(null);
                }}
              >
                Delete risk
              </button>
            </>
          }
        >
          <p>
            It leaves the register for good. To keep its history, set its status to Closed instead: closed risks are
            hidden from the heat map but stay on record.
          </p>
        </Dialog>
      )}
    </div>
  );
}
