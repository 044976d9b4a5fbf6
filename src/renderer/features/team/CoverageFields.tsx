// When a rotation answers (every hour of every day, or only some weekdays and hours: a layer),
// and whether its members may be on call in another rotation at the same time.
import type { Coverage } from '../../../shared/model';
import { shortDayName, WEEK_ORDER } from '../../../shared/domain/coverage-words';
import { InputField } from '../../components/Field';

const BUSINESS_HOURS = { from: '09:00', until: '18:00' };
const WEEKDAYS = [1, 2, 3, 4, 5];

export function CoverageFields({
  coverage,
  onChange,
  allowsDoubleDuty,
  onDoubleDuty,
  problems,
  timeZone,
}: {
  coverage: Coverage;
  onChange: (coverage: Coverage) => void;
  allowsDoubleDuty: boolean;
  onDoubleDuty: (allowed: boolean) => void;
  /** The form's problems, keyed by path ('coverage.weekdays'), shown once the lead tried to save. */
  problems: (field: string) => string | null;
  timeZone: string;
}) {
  const always = coverage.weekdays === null && coverage.hours === null;
  const days = coverage.weekdays ?? [0, 1, 2, 3, 4, 5, 6];
  const toggleDay = (day: number, on: boolean) => {
    const next = on ? [...days, day] : days.filter((d) => d !== day);
    onChange({ ...coverage, weekdays: next.length === 7 ? null : WEEK_ORDER.filter((d) => next.includes(d)) });
  };
  const daysProblem = problems('coverage.weekdays');
  const hoursProblem = problems('coverage.hours.until') ?? problems('coverage.hours.from');

  return (
    <fieldset className="team-coverage">
      <legend className="field__label">When it answers</legend>
      <div className="team-coverage__choice" role="radiogroup" aria-label="When it answers">
        <label className="team-check">
          <input
            type="radio"
            name="rotation-coverage"
            checked={always}
            onChange={() => onChange({ weekdays: null, hours: null })}
          />
          All day, every day
        </label>
        <label className="team-check">
          <input
            type="radio"
            name="rotation-coverage"
            checked={!always}
            onChange={() => onChange({ weekdays: WEEKDAYS, hours: BUSINESS_HOURS })}
          />
          Only some days or hours (a layer)
        </label>
      </div>
      {!always && (
        <div className="team-coverage__layer">
          <fieldset className="team-coverage__days" aria-describedby={daysProblem ? 'rotation-days-error' : undefined}>
            <legend className="sr-only">Days it answers</legend>
            {WEEK_ORDER.map((day) => (
              <label key={day} className="team-coverage__day">
                <input
                  type="checkbox"
                  checked={days.includes(day)}
                  onChange={(e) => toggleDay(day, e.target.checked)}
                />
                {shortDayName(day)}
              </label>
            ))}
          </fieldset>
          {daysProblem && (
            <p id="rotation-days-error" className="inline-error field__error">
              Pick at least one day.
            </p>
          )}
          <div className="team-coverage__hours">
            <label className="team-check">
              <input
                type="checkbox"
                checked={coverage.hours === null}
                onChange={(e) => onChange({ ...coverage, hours: e.target.checked ? null : BUSINESS_HOURS })}
              />
              All day on those days
            </label>
            {coverage.hours && (
              <>
                <InputField
                  id="rotation-hours-from"
                  label="From"
                  type="time"
                  value={coverage.hours.from}
                  onChange={(e) =>
                    coverage.hours && onChange({ ...coverage, hours: { ...coverage.hours, from: e.target.value } })
                  }
                />
                <InputField
                  id="rotation-hours-until"
                  label="Until"
                  type="time"
                  value={coverage.hours.until}
                  error={hoursProblem}
                  onChange={(e) =>
                    coverage.hours && onChange({ ...coverage, hours: { ...coverage.hours, until: e.target.value } })
                  }
                />
              </>
            )}
          </div>
          <p className="form__hint muted">
            In {timeZone} time. Hours that end at or before they start run past midnight and belong to the day they
            start. Outside these hours nobody from this rotation is on call.
          </p>
        </div>
      )}
      <label className="team-check team-coverage__double">
        <input type="checkbox" checked={allowsDoubleDuty} onChange={(e) => onDoubleDuty(e.target.checked)} />
        Members may be on call elsewhere at the same time
      </label>
      <p className="form__hint muted">
        Otherwise someone on call here and in another rotation at once is a clash, and the planner avoids it.
      </p>
    </fieldset>
  );
}
