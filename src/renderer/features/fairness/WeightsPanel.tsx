import { useState } from 'react';
import type { FairnessWeights } from '../../../shared/domain/fairness';
import type { Rotation } from '../../../shared/model';
import { useStore } from '../../store';

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const FIELDS: {
  key: 'weekday' | 'weekendDay' | 'secondaryFactor';
  label: string;
  why: string;
  max: number;
  step: number;
}[] = [
  {
    key: 'weekday',
    label: 'Weekday',
    why: 'Burden of one day on call as primary, Monday to Friday: the unit every other weight is measured in.',
    max: 20,
    step: 0.25,
  },
  {
    key: 'weekendDay',
    label: 'Weekend day',
    why: 'Burden of one weekend day as primary: a weekend on call gives up more free time than a working day.',
    max: 20,
    step: 0.25,
  },
  {
    key: 'secondaryFactor',
    label: 'Backup share',
    why: 'Share of a day’s burden carried by the backup, who is only paged when the primary does not answer.',
    max: 1,
    step: 0.05,
  },
];

/** The weights in use, each with what it means; editable. Holidays weigh their own weight (set per holiday). */
/** `own`: with several rotations, the one viewed, whose own weights these are. */
export function WeightsPanel({ weights, own }: { weights: FairnessWeights; own: Rotation | null }) {
  const rotationName = own?.name;
  const saveWeights = useStore((s) => s.saveWeights);
  const [draft, setDraft] = useState<FairnessWeights>(weights);
  const [busy, setBusy] = useState(false);
  const changed = JSON.stringify(draft) !== JSON.stringify(weights);
  const invalid = FIELDS.some((f) => !(draft[f.key] >= 0 && draft[f.key] <= f.max));

  return (
    <section className="panel weights" aria-labelledby="weights-title">
      <h2 id="weights-title" className="panel__title">
        {rotationName ? `Weights for ${rotationName}` : 'Weights in use'}
      </h2>
      {rotationName && (
        <p className="muted weights__why">
          Saved here, they count this rotation’s burden only; every other rotation keeps its own.
        </p>
      )}
      <form
        className="weights__form"
        onSubmit={(e) => {
          e.preventDefault();
          if (invalid) return;
          setBusy(true);
          void saveWeights(draft, own).finally(() => setBusy(false));
        }}
      >
        {FIELDS.map((field) => (
          <div key={field.key} className="weights__row">
            <label className="weights__label" htmlFor={`weight-${field.key}`}>
              {field.label}
            </label>
            <input
              id={`weight-${field.key}`}
              className="input weights__input"
              type="number"
              min={0}
              max={field.max}
              step={field.step}
              value={Number.isNaN(draft[field.key]) ? '' : draft[field.key]}
              aria-describedby={`weight-${field.key}-why`}
              aria-invalid={!(draft[field.key] >= 0 && draft[field.key] <= field.max)}
              onChange={(e) => setDraft({ ...draft, [field.key]: e.target.valueAsNumber })}
            />
            <p id={`weight-${field.key}-why`} className="muted weights__why">
              {field.why}
            </p>
          </div>
        ))}
        <fieldset className="weights__row weights__days">
          <legend className="weights__label">Weekend days</legend>
          <div className="weights__daylist">
            {DAY_NAMES.map((name, day) => (
              <label key={name} className="weights__day">
                <input
                  type="checkbox"
                  checked={draft.weekendDays.includes(day)}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      weekendDays: e.target.checked
                        ? [...draft.weekendDays, day].sort()
                        : draft.weekendDays.filter((d) => d !== day),
                    })
                  }
                />
                {name}
              </label>
            ))}
          </div>
          <p className="muted weights__why">
            Holidays count their own weight (major holidays such as Thanksgiving or Christmas weigh 3, others 2), never
            less than the day they fall on.
          </p>
        </fieldset>
        <div className="form__actions">
          <button type="button" className="button" disabled={!changed || busy} onClick={() => setDraft(weights)}>
            Reset
          </button>
          <button type="submit" className="button button--primary" disabled={!changed || invalid || busy}>
            Save weights
          </button>
        </div>
      </form>
    </section>
  );
}
