import { useState } from 'react';
import type { Engineer, Id, ModelWarning } from '../../../shared/model';
import { checkArgs } from '../../api/check';
import { ClashFix, ClashFixApplied } from '../../components/ClashFix';
import { Dialog } from '../../components/Dialog';
import { SaveFooter } from '../../components/SaveFooter';
import { FormMessage, InputField, SelectField } from '../../components/Field';
import { save } from '../../query/save';
import { useStore } from '../../store';

const FRIENDLIER: Record<string, string> = {
  engineerId: 'Choose who is away.',
  startDate: 'Enter the first day away.',
  endDate: 'Enter the last day away.',
};

const FIELD_IDS = { engineerId: 'away-engineer', startDate: 'away-start', endDate: 'away-end', reason: 'away-reason' };

/** Records days someone is away (PTO): whole days, the last one included. */
export function TimeAwayDialog({
  engineers,
  engineerId,
  onClose,
}: {
  engineers: Engineer[];
  engineerId: Id | null;
  onClose: () => void;
}) {
  const clashesOfTimeAway = useStore((s) => s.clashesOfTimeAway);
  // Saved time away that puts someone on call while away: the dialog asks for a fix right here.
  const [clashes, setClashes] = useState<ModelWarning[] | null>(null);
  const [who, setWho] = useState<Id | null>(engineerId);
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const check = checkArgs('unavailability:add', { engineerId: who ?? 0, startDate, endDate, reason });
  const problems: Record<string, string> = check.ok ? {} : { ...check.problems };
  for (const key of Object.keys(problems)) {
    const friendlier = FRIENDLIER[key];
    // "Must not be before the first day." is already plain; the format messages are not.
    if (friendlier && !(key === 'endDate' && endDate !== '' && startDate !== '')) problems[key] = friendlier;
  }
  const shown = (field: string) => (tried ? (problems[field] ?? null) : null);

  const submit = async () => {
    setTried(true);
    const first = (['engineerId', 'startDate', 'endDate', 'reason'] as const).find((field) => problems[field]);
    if (first) document.getElementById(FIELD_IDS[first])?.focus();
    if (!check.ok || saving) return;
    setSaving(true);
    const result = await save('unavailability:add', check.args);
    if (!result.ok) {
      setSaving(false);
      setRefusal(result.error.message);
      return;
    }
    const made = await clashesOfTimeAway(result.value.engineerId, result.value.startDate, result.value.endDate);
    setSaving(false);
    if (made.length > 0) setClashes(made);
    else onClose();
  };

  const name = engineers.find((e) => e.id === who)?.name;
  if (clashes) return <TimeAwayClashes clashes={clashes} name={name ?? 'They'} onClose={onClose} />;
  return (
    <Dialog
      title={engineerId !== null && name ? `Time away for ${name}` : 'Add time away'}
      onClose={onClose}
      testId="time-away-dialog"
      footer={
        <SaveFooter saving={saving} onCancel={onClose} onSave={submit} saveLabel="Add time away" cancelLabel="Cancel" />
      }
    >
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {engineerId === null && (
          <SelectField
            id="away-engineer"
            label="Who"
            data-autofocus
            value={who ?? ''}
            error={shown('engineerId')}
            onChange={(e) => setWho(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">Choose an engineer</option>
            {engineers
              .filter((e) => e.active)
              .map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
          </SelectField>
        )}
        <div className="form__row">
          <InputField
            id="away-start"
            label="First day away"
            type="date"
            data-autofocus={engineerId !== null ? true : undefined}
            value={startDate}
            error={shown('startDate')}
            onChange={(e) => {
              setStartDate(e.target.value);
              if (endDate === '' || endDate < e.target.value) setEndDate(e.target.value);
              setRefusal(null);
            }}
          />
          <InputField
            id="away-end"
            label="Last day away"
            type="date"
            hint="This day is included."
            min={startDate || undefined}
            value={endDate}
            error={shown('endDate')}
            onChange={(e) => {
              setEndDate(e.target.value);
              setRefusal(null);
            }}
          />
        </div>
        <InputField
          id="away-reason"
          label="Reason"
          hint="Optional, for example Holiday or Conference. Shown in the warnings."
          value={reason}
          error={shown('reason')}
          onChange={(e) => setReason(e.target.value)}
        />
        <FormMessage message={refusal} />
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}

/** After saving: the on-call duties the time away clashes with, each with its fixes open. */
function TimeAwayClashes({ clashes, name, onClose }: { clashes: ModelWarning[]; name: string; onClose: () => void }) {
  return (
    <Dialog
      title={`Time away saved: ${name} is on call then`}
      onClose={onClose}
      testId="time-away-clashes"
      footer={
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      }
    >
      <p>Choose who takes the duty over, or leave it for now: the warning stays on Today and in the calendar.</p>
      <ClashFixApplied />
      <ul className="warnings">
        {clashes.map((warning) => (
          <li key={`${warning.from}-${warning.message}`}>
            <p className="warning__message">{warning.message}</p>
            <ClashFix warning={warning} open />
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
