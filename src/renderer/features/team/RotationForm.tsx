import { useState } from 'react';
import type { Coverage, Engineer, Id, Rotation } from '../../../shared/model';
import { checkArgs } from '../../api/check';
import { EngineerName } from '../../components/EngineerName';
import { FormMessage, InputField, SelectField } from '../../components/Field';
import { saveRotation } from './rotation-saves';
import { CoverageFields } from './CoverageFields';
import { localTimeZone } from './timeZones';

const FRIENDLIER: Record<string, string> = {
  name: 'Enter a name for the rotation.',
  timeZone: 'Pick a time zone from the list, such as America/New_York.',
  handoffTime: 'Enter the hand-off time, such as 09:00.',
  startDate: 'Enter the day the first shift starts.',
};

const FIELD_IDS = {
  name: 'rotation-name',
  timeZone: 'rotation-time-zone',
  startDate: 'rotation-start',
  shiftDays: 'rotation-shift-days',
  handoffTime: 'rotation-handoff',
  memberIds: 'rotation-add-member',
  'coverage.hours.until': 'rotation-hours-until',
};

/** Creates a rotation (`rotation` null) or changes one; the schedule re-plans around the swaps and covers. */
export function RotationForm({
  rotation,
  engineers,
  today,
  outcome,
  onOutcome,
  onSaved,
  first = true,
}: {
  rotation: Rotation | null;
  /** Whether it is the team's first rotation: a new one then offers everyone and the usual name. */
  first?: boolean;
  /** Told which rotation was saved, so the screen keeps it open. */
  onSaved?: (rotation: Rotation) => void;
  engineers: Engineer[];
  /** The first day offered for a new rotation. */
  today: string;
  /** What the last save said; kept by the screen, as a save draws the form anew from what was saved. */
  outcome: { ok: boolean; message: string } | null;
  onOutcome: (outcome: { ok: boolean; message: string } | null) => void;
}) {
  const active = engineers.filter((e) => e.active);
  const [name, setName] = useState(rotation?.name ?? (first ? 'On call' : ''));
  const [timeZone, setTimeZone] = useState(rotation?.timeZone ?? active[0]?.timeZone ?? localTimeZone());
  const [startDate, setStartDate] = useState(rotation?.startDate ?? today);
  const [shiftDays, setShiftDays] = useState(String(rotation?.shiftDays ?? 7));
  const [handoffTime, setHandoffTime] = useState(rotation?.handoffTime ?? '09:00');
  const [memberIds, setMemberIds] = useState<Id[]>(rotation?.memberIds ?? (first ? active.map((e) => e.id) : []));
  const [coverage, setCoverage] = useState<Coverage>(rotation?.coverage ?? { weekdays: null, hours: null });
  const [allowsDoubleDuty, setAllowsDoubleDuty] = useState(rotation?.allowsDoubleDuty ?? false);
  const [adding, setAdding] = useState<Id | ''>('');
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);

  const byId = new Map(engineers.map((e) => [e.id, e]));
  const draft = {
    name,
    timeZone: timeZone.trim(),
    startDate,
    shiftDays: shiftDays.trim() === '' ? Number.NaN : Number(shiftDays),
    handoffTime,
    memberIds,
    coverage,
    allowsDoubleDuty,
  };
  const check = checkArgs('rotations:create', draft);
  const problems: Record<string, string> = check.ok ? {} : { ...check.problems };
  for (const key of Object.keys(problems)) if (FRIENDLIER[key]) problems[key] = FRIENDLIER[key];
  const shown = (field: string) => (tried ? (problems[field] ?? null) : null);
  const addable = active.filter((e) => !memberIds.includes(e.id));

  const edit =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      onOutcome(null);
    };
  const move = (index: number, by: -1 | 1) =>
    edit(setMemberIds)(
      memberIds.map((id, i) => (i === index ? memberIds[index + by]! : i === index + by ? memberIds[index]! : id)),
    );

  const save = async () => {
    setTried(true);
    const first = (Object.keys(FIELD_IDS) as (keyof typeof FIELD_IDS)[]).find((field) => problems[field]);
    if (first) document.getElementById(FIELD_IDS[first])?.focus();
    if (!check.ok || saving) return;
    setSaving(true);
    const result = await saveRotation(rotation ? { ...check.args, id: rotation.id } : check.args);
    setSaving(false);
    if (result.ok) onSaved?.(result.value);
    onOutcome(
      result.ok
        ? {
            ok: true,
            message: rotation
              ? 'Saved. The schedule is planned again; swaps and covers are kept.'
              : 'Rotation created. The Calendar now shows its shifts.',
          }
        : { ok: false, message: result.error.message },
    );
  };

  return (
    <form
      className="form team-rotation"
      noValidate
      aria-label={rotation ? `The rotation: ${rotation.name}` : first ? 'Create the rotation' : 'Create a rotation'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="team-rotation__fields">
        <InputField
          id="rotation-name"
          label="Name"
          value={name}
          error={shown('name')}
          onChange={(e) => edit(setName)(e.target.value)}
        />
        <InputField
          id="rotation-time-zone"
          label="Time zone"
          list="team-time-zones"
          autoComplete="off"
          hint="Shifts hand over at this zone's clock."
          value={timeZone}
          error={shown('timeZone')}
          onChange={(e) => edit(setTimeZone)(e.target.value)}
        />
        <InputField
          id="rotation-start"
          label="First shift starts"
          type="date"
          value={startDate}
          error={shown('startDate')}
          onChange={(e) => edit(setStartDate)(e.target.value)}
        />
        <InputField
          id="rotation-shift-days"
          label="Days per shift"
          type="number"
          min={1}
          max={366}
          step={1}
          inputMode="numeric"
          value={shiftDays}
          error={shown('shiftDays')}
          onChange={(e) => edit(setShiftDays)(e.target.value)}
        />
        <InputField
          id="rotation-handoff"
          label="Hand-off time"
          type="time"
          value={handoffTime}
          error={shown('handoffTime')}
          onChange={(e) => edit(setHandoffTime)(e.target.value)}
        />
      </div>

      <CoverageFields
        coverage={coverage}
        onChange={edit(setCoverage)}
        allowsDoubleDuty={allowsDoubleDuty}
        onDoubleDuty={edit(setAllowsDoubleDuty)}
        problems={shown}
        timeZone={timeZone.trim() || 'the rotation’s'}
      />

      <fieldset className="team-members" aria-describedby="rotation-members-hint">
        <legend className="field__label">Who is on call, in order</legend>
        <p id="rotation-members-hint" className="form__hint muted">
          Each person is primary for one shift in turn; the secondary is the next person in the list.
        </p>
        {memberIds.length === 0 ? (
          <p className="muted team-members__empty">Nobody yet: add the engineers who take shifts.</p>
        ) : (
          <ol className="team-members__list">
            {memberIds.map((id, index) => {
              const who = byId.get(id)?.name ?? `Engineer #${id}`;
              return (
                <li key={id} className="team-members__item">
                  <span className="team-members__position">{index + 1}</span>
                  <span className="team-members__name">
                    <EngineerName id={id} engineers={byId} />
                  </span>
                  <span className="team-members__buttons">
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={`Move ${who} up`}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      Move up
                    </button>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={`Move ${who} down`}
                      disabled={index === memberIds.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      Move down
                    </button>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={`Remove ${who} from the rotation`}
                      onClick={() => edit(setMemberIds)(memberIds.filter((m) => m !== id))}
                    >
                      Remove
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
        {shown('memberIds') && (
          <p id="rotation-members-error" className="inline-error field__error">
            {problems.memberIds}
          </p>
        )}
        {addable.length > 0 && (
          <div className="team-members__add">
            <SelectField
              id="rotation-add-member"
              label="Add an engineer"
              value={adding}
              onChange={(e) => setAdding(e.target.value === '' ? '' : Number(e.target.value))}
            >
              <option value="">Choose an engineer</option>
              {addable.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </SelectField>
            <button
              type="button"
              className="button"
              disabled={adding === ''}
              onClick={() => {
                if (adding === '') return;
                edit(setMemberIds)([...memberIds, adding]);
                setAdding('');
              }}
            >
              Add to rotation
            </button>
          </div>
        )}
      </fieldset>

      <div className="form__actions team-rotation__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : rotation ? 'Save rotation' : 'Create rotation'}
        </button>
        {outcome?.ok ? (
          <p className="muted" role="status">
            {outcome.message}
          </p>
        ) : (
          <FormMessage message={outcome?.message ?? null} />
        )}
      </div>
    </form>
  );
}
