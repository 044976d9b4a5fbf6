import { useState } from 'react';
import type { Engineer, Id } from '../../../shared/model';
import { checkArgs } from '../../api/check';
import { Dialog } from '../../components/Dialog';
import { SaveFooter } from '../../components/SaveFooter';
import { FormMessage, InputField, SelectField } from '../../components/Field';
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
  const addTimeAway = useStore((s) => s.addTimeAway);
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

  const save = async () => {
    setTried(true);
    const first = (['engineerId', 'startDate', 'endDate', 'reason'] as const).find((field) => problems[field]);
    if (first) document.getElementById(FIELD_IDS[first])?.focus();
    if (!check.ok || saving) return;
    setSaving(true);
    const result = await addTimeAway(check.args);
    setSaving(false);
    if (result.ok) onClose();
    else setRefusal(result.error.message);
  };

  const name = engineers.find((e) => e.id === who)?.name;
  return (
    <Dialog
      title={engineerId !== null && name ? `Time away for ${name}` : 'Add time away'}
      onClose={onClose}
      testId="time-away-dialog"
      footer={
        <SaveFooter saving={saving} onCancel={onClose} onSave={save} saveLabel="Add time away" cancelLabel="Cancel" />
      }
    >
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
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
