import { useState } from 'react';
import {
  RISK_CATEGORIES,
  RISK_STATUSES,
  type Engineer,
  type Id,
  type Pipeline,
  type Risk,
  type RiskCategory,
  type RiskStatus,
} from '../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { useStore } from '../../store';
import { CATEGORY_LABELS, IMPACT_LABELS, LIKELIHOOD_LABELS, STATUS_LABELS } from './riskWords';

export function RiskDialog({
  risk,
  engineers,
  pipelines,
  onClose,
}: {
  risk: Risk | null;
  engineers: Engineer[];
  pipelines: Pipeline[];
  onClose: () => void;
}) {
  const saveRisk = useStore((s) => s.saveRisk);
  const [category, setCategory] = useState<RiskCategory>(risk?.category ?? 'data');
  const [title, setTitle] = useState(risk?.title ?? '');
  const [description, setDescription] = useState(risk?.description ?? '');
  const [likelihood, setLikelihood] = useState(risk?.likelihood ?? 3);
  const [impact, setImpact] = useState(risk?.impact ?? 3);
  const [mitigation, setMitigation] = useState(risk?.mitigation ?? '');
  const [ownerId, setOwnerId] = useState<Id | null>(risk?.ownerId ?? null);
  const [pipelineIds, setPipelineIds] = useState<Id[]>(risk?.pipelineIds ?? []);
  const [status, setStatus] = useState<RiskStatus>(risk?.status ?? 'open');
  const [reviewDate, setReviewDate] = useState(risk?.reviewDate ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (!title.trim() || busy) return;
    setBusy(true);
    setError(null);
    const result = await saveRisk(
      {
        category,
        title: title.trim(),
        description,
        likelihood,
        impact,
        mitigation,
        ownerId,
        pipelineIds,
        status,
        reviewDate: reviewDate || null,
      },
      risk?.id,
    );
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error.message);
  };

  const toggle = (id: Id, on: boolean) =>
    setPipelineIds((ids) => (on ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id)));

  return (
    <Dialog
      title={risk ? `Risk: ${risk.title}` : 'New risk'}
      onClose={onClose}
      wide
      testId="risk-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Close without saving
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void save()}
            disabled={busy || !title.trim()}
          >
            {busy ? 'Saving…' : risk ? 'Save risk' : 'Add risk'}
          </button>
        </>
      }
    >
      <div className="form">
        <div className="form__row risk-form__top">
          <div>
            <label className="field__label" htmlFor="risk-title">
              Title
            </label>
            <input
              id="risk-title"
              className="input"
              data-autofocus
              value={title}
              placeholder="e.g. Late or missing data from source systems"
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <div>
            <label className="field__label" htmlFor="risk-category">
              Category
            </label>
            <select
              id="risk-category"
              className="input"
              value={category}
              onChange={(e) => setCategory(e.target.value as RiskCategory)}
            >
              {RISK_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {CATEGORY_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div>
          <label className="field__label" htmlFor="risk-description">
            Description
          </label>
          <textarea
            id="risk-description"
            className="input"
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <div className="form__row">
          <div>
            <label className="field__label" htmlFor="risk-likelihood">
              Likelihood
            </label>
            <select
              id="risk-likelihood"
              className="input"
              value={likelihood}
              onChange={(e) => setLikelihood(Number(e.target.value))}
            >
              {LIKELIHOOD_LABELS.map((label, i) => (
                <option key={label} value={i + 1}>
                  {i + 1} — {label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label className="field__label" htmlFor="risk-impact">
              Impact
            </label>
            <select
              id="risk-impact"
              className="input"
              value={impact}
              onChange={(e) => setImpact(Number(e.target.value))}
            >
              {IMPACT_LABELS.map((label, i) => (
                <option key={label} value={i + 1}>
                  {i + 1} — {label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div>
          <label className="field__label" htmlFor="risk-mitigation">
            Mitigation
          </label>
          <textarea
            id="risk-mitigation"
            className="input"
            rows={2}
            value={mitigation}
            onChange={(e) => setMitigation(e.target.value)}
          />
        </div>
        <div className="form__row form__row--3">
          <div>
            <label className="field__label" htmlFor="risk-owner">
              Owner
            </label>
            <select
              id="risk-owner"
              className="input"
              value={ownerId ?? ''}
              onChange={(e) => setOwnerId(e.target.value === '' ? null : Number(e.target.value))}
            >
              <option value="">— Nobody —</option>
              {engineers
                .filter((e) => e.active || e.id === ownerId)
                .map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
            </select>
          </div>
          <div>
            <label className="field__label" htmlFor="risk-status">
              Status
            </label>
            <select
              id="risk-status"
              className="input"
              value={status}
              onChange={(e) => setStatus(e.target.value as RiskStatus)}
            >
              {RISK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label className="field__label" htmlFor="risk-review">
              Review by
            </label>
            <input
              id="risk-review"
              className="input"
              type="date"
              value={reviewDate}
              onChange={(e) => setReviewDate(e.target.value)}
            />
          </div>
        </div>
        <fieldset className="risk-pipelines">
          <legend className="field__label">Linked pipelines</legend>
          {pipelines.length === 0 && <span className="muted">No pipelines yet.</span>}
          {pipelines.map((p) => (
            <label key={p.id} className="check">
              <input
                type="checkbox"
                checked={pipelineIds.includes(p.id)}
                onChange={(e) => toggle(p.id, e.target.checked)}
              />
              {p.name}
            </label>
          ))}
        </fieldset>
        <p className="inline-error dialog__message" role={error ? 'alert' : undefined}>
          {error ?? ''}
        </p>
      </div>
    </Dialog>
  );
}
