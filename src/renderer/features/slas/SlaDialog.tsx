import { useMemo, useState } from 'react';
import { describeSlaRule, weekdayName } from '../../../shared/domain/sla';
import { SLA_KINDS, type Id, type Pipeline, type Sla, type SlaKind, type SlaRule } from '../../../shared/model';
import { SLA_KIND_LABELS } from '../../../shared/labels';
import { Dialog } from '../../components/Dialog';
import { SaveFooter } from '../../components/SaveFooter';
import { Field, FormMessage, InputField, optionsOf, SelectField, TextAreaField } from '../../components/Field';
import { save } from '../../query/save';

/** Time zones the browser knows, for the picker's suggestions. */
function knownZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
}

export function SlaDialog({
  sla,
  pipelines,
  pipelineId,
  defaultZone,
  onClose,
}: {
  sla: Sla | null;
  pipelines: Pipeline[];
  pipelineId: Id | null;
  defaultZone: string;
  onClose: () => void;
}) {
  const zones = useMemo(() => knownZones(), []);
  const start = sla?.rule;
  const [pipeline, setPipeline] = useState<Id | null>(sla?.pipelineId ?? pipelineId ?? pipelines[0]?.id ?? null);
  const [kind, setKind] = useState<SlaKind>(start?.kind ?? 'daily');
  const [time, setTime] = useState(start && 'time' in start ? start.time : '09:00');
  const [weekday, setWeekday] = useState(start?.kind === 'weekly' ? start.weekday : 1);
  const [hours, setHours] = useState(start?.kind === 'within_hours' ? String(start.hours) : '6');
  const [event, setEvent] = useState(start?.kind === 'within_hours' ? start.event : 'experiment start');
  const [timeZone, setTimeZone] = useState(sla?.timeZone ?? defaultZone);
  const [description, setDescription] = useState(sla?.description ?? '');
  const [whyItMatters, setWhyItMatters] = useState(sla?.whyItMatters ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const rule: SlaRule | null = (() => {
    switch (kind) {
      case 'daily':
      case 'next_business_day':
        return /^\d\d:\d\d$/.test(time) ? { kind, time } : null;
      case 'weekly':
        return /^\d\d:\d\d$/.test(time) ? { kind, weekday, time } : null;
      case 'within_hours': {
        const n = Number(hours);
        return n > 0 && event.trim() ? { kind, hours: n, event: event.trim() } : null;
      }
    }
  })();
  const problem =
    pipeline === null
      ? 'Choose a pipeline.'
      : !rule
        ? kind === 'within_hours'
          ? 'Give a number of hours above 0 and name the event.'
          : 'Give a time as HH:MM.'
        : zones.length > 0 && !zones.includes(timeZone) && timeZone !== 'UTC'
          ? `“${timeZone}” is not a time zone this computer knows (e.g. America/New_York).`
          : null;

  const submit = async () => {
    if (problem || !rule || pipeline === null || busy) return;
    setBusy(true);
    setError(null);
    const result = await save('slas:save', {
      ...(sla ? { id: sla.id } : {}),
      pipelineId: pipeline,
      rule,
      timeZone,
      description,
      whyItMatters,
    });
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error.message);
  };

  const pipelineName = pipelines.find((p) => p.id === pipeline)?.name ?? 'the pipeline';

  return (
    <Dialog
      title={sla ? `SLA of ${pipelineName}` : 'New SLA'}
      onClose={onClose}
      wide
      testId="sla-dialog"
      footer={
        <SaveFooter saving={busy} onCancel={onClose} onSave={submit} saveLabel="Save SLA" blocked={problem !== null} />
      }
    >
      <div className="form">
        {!sla && (
          <SelectField
            id="sla-pipeline"
            label="Pipeline"
            value={pipeline ?? ''}
            onChange={(e) => setPipeline(Number(e.target.value))}
            data-autofocus
          >
            {pipelines.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
        )}
        <fieldset className="sla-kinds">
          <legend className="field__label">When is it due?</legend>
          {SLA_KINDS.map((k) => (
            <label key={k} className="check">
              <input type="radio" name="sla-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {SLA_KIND_LABELS[k]}
            </label>
          ))}
        </fieldset>
        <div className="form__row">
          {kind === 'within_hours' ? (
            <>
              <InputField
                id="sla-hours"
                label="Within hours"
                type="number"
                min={0.5}
                step={0.5}
                value={hours}
                onChange={(e) => setHours(e.target.value)}
              />
              <InputField
                id="sla-event"
                label="Of the event"
                value={event}
                onChange={(e) => setEvent(e.target.value)}
              />
            </>
          ) : (
            <>
              {kind === 'weekly' && (
                <SelectField
                  id="sla-weekday"
                  label="Weekday"
                  value={weekday}
                  onChange={(e) => setWeekday(Number(e.target.value))}
                >
                  {optionsOf([1, 2, 3, 4, 5, 6, 0], weekdayName)}
                </SelectField>
              )}
              <InputField
                id="sla-time"
                label="Due by (local time)"
                type="time"
                value={time}
                onChange={(e) => setTime(e.target.value)}
              />
            </>
          )}
          <Field id="sla-zone" label="Time zone">
            {(control) => (
              <>
                <input
                  {...control}
                  className="input"
                  list="sla-zones"
                  value={timeZone}
                  onChange={(e) => setTimeZone(e.target.value.trim())}
                />
                <datalist id="sla-zones">
                  {zones.map((z) => (
                    <option key={z} value={z} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
        </div>
        <p className="muted sla-preview" aria-live="polite">
          {rule ? `Due ${describeSlaRule(rule)} (${timeZone}).` : ' '}
          {kind === 'next_business_day' && ' Business days skip weekends and the team’s holidays.'}
          {kind === 'weekly' && ' When that day is a holiday, the deadline moves to the next business day.'}
        </p>
        <TextAreaField
          id="sla-description"
          label="Description"
          rows={2}
          value={description}
          placeholder="e.g. Reports must be available to investors by 9 AM next business day."
          onChange={(e) => setDescription(e.target.value)}
        />
        <TextAreaField
          id="sla-why"
          label="Why it matters"
          rows={2}
          value={whyItMatters}
          onChange={(e) => setWhyItMatters(e.target.value)}
        />
        <FormMessage message={error ?? problem} alert={error !== null} />
      </div>
    </Dialog>
  );
}
