import { useState } from 'react';
import type { Engineer } from '../../../shared/model';
import { checkArgs } from '../../api/check';
import { Dialog } from '../../components/Dialog';
import { SaveFooter } from '../../components/SaveFooter';
import { Field, FormMessage, InputField } from '../../components/Field';
import { save } from '../../query/save';
import { colorProblem, readableTextOn, unusedColor } from './colors';
import { localTimeZone } from './timeZones';

// The schema's words are written for developers in places; these read better in a form.
const FRIENDLIER: Record<string, string> = {
  name: 'Enter a name.',
  email: 'Enter an email address such as ada@example.com, or leave it empty.',
  timeZone: 'Pick a time zone from the list, such as Europe/Berlin.',
};

/** Adds an engineer (`engineer` null) or changes one, leaving the team included. */
export function EngineerDialog({
  engineer,
  engineers,
  inRotation,
  defaultTimeZone,
  onClose,
}: {
  engineer: Engineer | null;
  engineers: Engineer[];
  /** Whether this engineer is a member of the rotation (to warn before they leave). */
  inRotation: boolean;
  defaultTimeZone: string | null;
  onClose: () => void;
}) {
  const [name, setName] = useState(engineer?.name ?? '');
  const [email, setEmail] = useState(engineer?.email ?? '');
  const [color, setColor] = useState(engineer?.color ?? unusedColor(engineers.map((e) => e.color)));
  const [timeZone, setTimeZone] = useState(engineer?.timeZone ?? defaultTimeZone ?? localTimeZone());
  const [active, setActive] = useState(engineer?.active ?? true);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<{ field: 'name' | null; message: string } | null>(null);

  const args = {
    ...(engineer ? { id: engineer.id } : {}),
    name,
    email: email.trim() === '' ? null : email.trim(),
    color,
    timeZone: timeZone.trim(),
    active,
  };
  const check = checkArgs('engineers:save', args);
  const problems: Record<string, string> = check.ok ? {} : { ...check.problems };
  for (const key of Object.keys(problems)) if (FRIENDLIER[key]) problems[key] = FRIENDLIER[key];
  const colourProblem = colorProblem(color);
  if (colourProblem) problems.color = colourProblem;
  const shown = (field: string) => (tried ? (problems[field] ?? null) : null);

  const submit = async () => {
    setTried(true);
    const first = ['name', 'email', 'color', 'timeZone'].find((field) => problems[field]);
    if (first) document.getElementById(`engineer-${first === 'timeZone' ? 'time-zone' : first}`)?.focus();
    if (first || saving || !check.ok) return;
    setSaving(true);
    const result = await save('engineers:save', check.args);
    setSaving(false);
    if (result.ok) onClose();
    else
      setRefusal({
        field: result.error.code === 'conflict' ? 'name' : null,
        message: result.error.message,
      });
  };

  const leaving = engineer?.active === true && !active;
  return (
    <Dialog
      title={engineer ? `Edit ${engineer.name}` : 'Add an engineer'}
      onClose={onClose}
      testId="engineer-dialog"
      footer={
        <SaveFooter
          saving={saving}
          onCancel={onClose}
          onSave={submit}
          saveLabel={engineer ? 'Save changes' : 'Add engineer'}
          cancelLabel="Cancel"
        />
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
        <InputField
          id="engineer-name"
          label="Name"
          data-autofocus
          autoComplete="off"
          value={name}
          error={shown('name') ?? (refusal?.field === 'name' ? refusal.message : null)}
          onChange={(e) => {
            setName(e.target.value);
            setRefusal(null);
          }}
        />
        <InputField
          id="engineer-email"
          label="Email"
          type="email"
          hint="Optional. Used in the calendar files you export."
          value={email}
          error={shown('email')}
          onChange={(e) => setEmail(e.target.value)}
        />
        <div className="form__row">
          <Field id="engineer-color" label="Colour" error={shown('color')}>
            {(control) => (
              <span className="team-color">
                <input
                  {...control}
                  type="color"
                  className="team-color__picker"
                  value={color}
                  onChange={(e) => setColor(e.target.value)}
                />
                <span className="team-color__sample" style={{ backgroundColor: color, color: readableTextOn(color) }}>
                  {name.trim() || 'Name'}
                </span>
              </span>
            )}
          </Field>
          <InputField
            id="engineer-time-zone"
            label="Time zone"
            list="team-time-zones"
            autoComplete="off"
            value={timeZone}
            error={shown('timeZone')}
            onChange={(e) => setTimeZone(e.target.value)}
          />
        </div>
        {engineer && (
          <div>
            <label className="team-check">
              <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
              Still on the team
            </label>
            <p className="form__hint muted">
              {leaving && inRotation
                ? `${engineer.name} is still in the rotation: remove them there too, or the warnings will remind you.`
                : 'Someone who leaves keeps their history, and is no longer offered for cover or ownership.'}
            </p>
          </div>
        )}
        <FormMessage message={refusal && refusal.field === null ? refusal.message : null} />
        {/* Enter in a field saves. */}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
