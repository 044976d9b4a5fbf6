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
import { SaveFooter } from '../../components/SaveFooter';
import { FormMessage, InputField, optionsOf, SelectField, TextAreaField } from '../../components/Field';
import { save } from '../../query/save';
import {
  IMPACT_LABELS,
  LIKELIHOOD_LABELS,
  RISK_CATEGORY_LABELS as CATEGORY_LABELS,
  RISK_STATUS_LABELS as STATUS_LABELS,
} from '../../../shared/labels';

/** The options of a 1–5 scale: "3 — Possible". */
const scale = (labels: readonly string[]) => optionsOf([1, 2, 3, 4, 5], (n) => `${n} — ${labels[n - 1]}`);

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

  const submit = async () => {
    if (!title.trim() || busy) return;
    setBusy(true);
    setError(null);
    const draft = {
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
    };
    const result = risk ? await save('risks:update', { ...draft, id: risk.id }) : await save('risks:create', draft);
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
        <SaveFooter
          saving={busy}
          onCancel={onClose}
          onSave={submit}
          saveLabel={risk ? 'Save risk' : 'Add risk'}
          blocked={!title.trim()}
        />
      }
    >
      <div className="form">
        <div className="form__row risk-form__top">
          <InputField
            id="risk-title"
            label="Title"
            data-autofocus
            value={title}
            placeholder="e.g. Late or missing data from source systems"
            onChange={(e) => setTitle(e.target.value)}
          />
          <SelectField
            id="risk-category"
            label="Category"
            value={category}
            onChange={(e) => setCategory(e.target.value as RiskCategory)}
          >
            {optionsOf(RISK_CATEGORIES, (c) => CATEGORY_LABELS[c])}
          </SelectField>
        </div>
        <TextAreaField
          id="risk-description"
          label="Description"
          rows={2}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <div className="form__row">
          <SelectField
            id="risk-likelihood"
            label="Likelihood"
            value={likelihood}
            onChange={(e) => setLikelihood(Number(e.target.value))}
          >
            {scale(LIKELIHOOD_LABELS)}
          </SelectField>
          <SelectField
            id="risk-impact"
            label="Impact"
            value={impact}
            onChange={(e) => setImpact(Number(e.target.value))}
          >
            {scale(IMPACT_LABELS)}
          </SelectField>
        </div>
        <TextAreaField
          id="risk-mitigation"
          label="Mitigation"
          rows={2}
          value={mitigation}
          onChange={(e) => setMitigation(e.target.value)}
        />
        <div className="form__row form__row--3">
          <SelectField
            id="risk-owner"
            label="Owner"
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
          </SelectField>
          <SelectField
            id="risk-status"
            label="Status"
            value={status}
            onChange={(e) => setStatus(e.target.value as RiskStatus)}
          >
            {optionsOf(RISK_STATUSES, (s) => STATUS_LABELS[s])}
          </SelectField>
          <InputField
            id="risk-review"
            label="Review by"
            type="date"
            value={reviewDate}
            onChange={(e) => setReviewDate(e.target.value)}
          />
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
        <FormMessage message={error} />
      </div>
    </Dialog>
  );
}
