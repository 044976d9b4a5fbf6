import { useState } from 'react';
import { DRILL_OUTCOME_LABELS } from '../../../shared/domain/drills';
import type { DrillView } from '../../../shared/drill-views';
import { DRILL_OUTCOMES, type DrillOutcome, type Id } from '../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { useStore } from '../../store';

interface FollowupDraft {
  key: number;
  text: string;
  ownerId: Id | null;
  dueDate: string;
}

/** Finishing a drill: its outcome, what was found, and who follows up on what by when. */
export function FinishDialog({ view, onClose }: { view: DrillView; onClose: () => void }) {
  const finishDrill = useStore((s) => s.finishDrill);
  const [outcome, setOutcome] = useState<DrillOutcome>(view.timings.stepsSkipped ? 'passed_with_findings' : 'passed');
  const [findings, setFindings] = useState('');
  const [followups, setFollowups] = useState<FollowupDraft[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const active = view.engineers.filter((e) => e.active);

  const update = (key: number, change: Partial<FollowupDraft>) =>
    setFollowups((list) => list.map((f) => (f.key === key ? { ...f, ...change } : f)));

  const submit = async () => {
    setSaving(true);
    const refusal = await finishDrill({
      outcome,
      findings,
      followups: followups
        .filter((f) => f.text.trim())
        .map((f) => ({ text: f.text.trim(), ownerId: f.ownerId, dueDate: f.dueDate || null })),
    });
    setSaving(false);
    if (refusal) setError(refusal);
    else onClose();
  };

  return (
    <Dialog
      title="Finish the drill"
      onClose={onClose}
      wide
      testId="finish-drill"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Back to the drill
          </button>
          <button type="button" className="button button--primary" disabled={saving} onClick={() => void submit()}>
            Finish and keep the record
          </button>
        </>
      }
    >
      <div className="form">
        <fieldset className="drill-outcomes">
          <legend className="field__label">Outcome</legend>
          {DRILL_OUTCOMES.map((o) => (
            <label key={o} className="drill-outcomes__option">
              <input
                type="radio"
                name="outcome"
                value={o}
                checked={outcome === o}
                onChange={() => setOutcome(o)}
                data-autofocus={outcome === o ? true : undefined}
              />
              {DRILL_OUTCOME_LABELS[o]}
            </label>
          ))}
        </fieldset>
        <label>
          <span className="field__label">Findings</span>
          <textarea
            className="input"
            rows={4}
            value={findings}
            onChange={(e) => setFindings(e.target.value)}
            placeholder="What went well, what was slow or wrong"
          />
        </label>
        <fieldset className="drill-followup-edit">
          <legend className="field__label">Follow-ups</legend>
          {followups.map((f, index) => (
            <div key={f.key} className="drill-followup-edit__row">
              <input
                className="input"
                aria-label={`What to do (follow-up ${index + 1})`}
                value={f.text}
                onChange={(e) => update(f.key, { text: e.target.value })}
                placeholder="What to do"
              />
              <select
                className="input"
                aria-label={`Owner (follow-up ${index + 1})`}
                value={f.ownerId ?? ''}
                onChange={(e) => update(f.key, { ownerId: e.target.value ? Number(e.target.value) : null })}
              >
                <option value="">No owner</option>
                {active.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
              </select>
              <input
                className="input"
                type="date"
                aria-label={`Due date (follow-up ${index + 1})`}
                value={f.dueDate}
                onChange={(e) => update(f.key, { dueDate: e.target.value })}
              />
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setFollowups((list) => list.filter((x) => x.key !== f.key))}
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button"
            onClick={() =>
              setFollowups((list) => [
                ...list,
                { key: (list.at(-1)?.key ?? 0) + 1, text: '', ownerId: view.drill.facilitatorId, dueDate: '' },
              ])
            }
          >
            Add a follow-up
          </button>
        </fieldset>
        {error && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </Dialog>
  );
}
