import { useState } from 'react';
import { zonedInstant } from '../../../shared/domain/time';
import type { Sla } from '../../../shared/model';
import { formatMoment } from '../../components/format';
import { useChannel } from '../../query/client';
import { save } from '../../query/save';

/**
 * A within-hours SLA starts its clock at an event (an experiment's start): the lead records
 * it here, and its deadline then shows on this screen and on Today.
 */
export function SlaEvents({ sla, eventName }: { sla: Sla; eventName: string }) {
  const events = (useChannel('slas:events', {}).data ?? []).filter((e) => e.slaId === sla.id);
  const [when, setWhen] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);

  const record = async () => {
    const [date, time] = when.split('T');
    if (!date || !time) return setError(`Give the date and time of the ${eventName}.`);
    const result = await save('slas:add-event', {
      slaId: sla.id,
      at: zonedInstant(date, time.slice(0, 5), sla.timeZone),
      label,
    });
    setError(result.ok ? null : result.error.message);
    if (result.ok) {
      setWhen('');
      setLabel('');
    }
  };

  return (
    <div className="sla-events">
      {events.length > 0 && (
        <ul className="sla-events__list">
          {events.slice(0, 5).map((event) => (
            <li key={event.id}>
              {event.label || eventName}: {formatMoment(event.at, sla.timeZone)}
              <button
                type="button"
                className="button button--quiet"
                onClick={() => void save('slas:remove-event', { eventId: event.id })}
                aria-label={`Remove the ${eventName} of ${formatMoment(event.at, sla.timeZone)}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="sla-events__form">
        <label>
          <span>{`When did the ${eventName} happen? (${sla.timeZone})`}</span>
          <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
        </label>
        <label>
          <span>What (optional)</span>
          <input
            type="text"
            value={label}
            placeholder="e.g. Checkout test"
            onChange={(e) => setLabel(e.target.value)}
          />
        </label>
        <button type="button" className="button" onClick={() => void record()}>
          Record {eventName}
        </button>
      </div>
      {error && <p className="inline-error">{error}</p>}
    </div>
  );
}
