// The team's own time zone: what "today" is for drills, deadlines and imported dates. Each
// rotation hands over at its own zone's clock.
import { useState } from 'react';
import { checkArgs } from '../../api/check';
import { useChannel } from '../../query/client';
import { save } from '../../query/save';

export function TeamZoneForm() {
  const saved = useChannel('team:time-zone', {}).data ?? null;
  const [zone, setZone] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const shown = zone ?? saved ?? '';
  const check = checkArgs('team:set-time-zone', { timeZone: shown.trim() });

  const submit = async () => {
    if (!check.ok) {
      setOutcome({ ok: false, message: 'Pick a time zone from the list, such as America/New_York.' });
      return;
    }
    const result = await save('team:set-time-zone', { timeZone: check.args.timeZone });
    setZone(null);
    setOutcome(
      result.ok
        ? { ok: true, message: `Saved: drills, deadlines and imported dates use ${result.value}.` }
        : { ok: false, message: result.error.message },
    );
  };

  return (
    <form
      className="team-zone"
      aria-label="The team's time zone"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="field__label" htmlFor="team-time-zone">
        Team time zone
      </label>
      <input
        id="team-time-zone"
        className="input team-zone__input"
        list="team-time-zones"
        autoComplete="off"
        value={shown}
        aria-describedby="team-time-zone-hint"
        aria-invalid={outcome?.ok === false ? true : undefined}
        onChange={(e) => {
          setZone(e.target.value);
          setOutcome(null);
        }}
      />
      <button type="submit" className="button" disabled={zone === null || zone.trim() === saved}>
        Save zone
      </button>
      {outcome ? (
        <p
          id="team-time-zone-hint"
          className={outcome.ok ? 'muted' : 'inline-error'}
          role={outcome.ok ? 'status' : 'alert'}
        >
          {outcome.message}
        </p>
      ) : (
        <p id="team-time-zone-hint" className="muted">
          Dates of drills, deadlines and imports. Each rotation hands over in its own zone.
        </p>
      )}
    </form>
  );
}
