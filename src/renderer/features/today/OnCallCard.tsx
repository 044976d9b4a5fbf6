import type { Engineer, Id } from '../../../shared/model';
import type { OnCallNow } from '../../../shared/views';
import { EngineerName } from '../../components/EngineerName';
import { formatMoment, relativeTo } from '../../components/format';

interface Props {
  title: string;
  slot: OnCallNow | null;
  engineers: Map<Id, Engineer>;
  timeZone: string;
  at: string;
  kind: 'now' | 'next';
}

export function OnCallCard({ title, slot, engineers, timeZone, at, kind }: Props) {
  const id = `oncall-${kind}`;
  return (
    <div className="card" role="group" aria-labelledby={id} data-testid={id}>
      <h2 id={id} className="card__title">
        {title}
      </h2>
      {slot ? (
        <>
          <dl className="roles">
            <dt>Primary</dt>
            <dd>
              <EngineerName id={slot.primaryId} engineers={engineers} nobody="Nobody (gap)" />
            </dd>
            <dt>Secondary</dt>
            <dd>
              <EngineerName id={slot.secondaryId} engineers={engineers} nobody="Nobody" />
            </dd>
          </dl>
          <p className="card__detail">
            {kind === 'now' ? (
              <>
                <span className="card__when">
                  until <strong>{formatMoment(slot.until, timeZone)}</strong>
                </span>
                <span className="card__when">{relativeTo(slot.until, at)}</span>
              </>
            ) : (
              <>
                <span className="card__when">
                  from <strong>{formatMoment(slot.since, timeZone)}</strong>
                </span>
                <span className="card__when">until {formatMoment(slot.until, timeZone)}</span>
              </>
            )}
          </p>
        </>
      ) : (
        <p className="muted">
          {kind === 'now' ? 'Nobody: the rotation has not started yet.' : 'Nothing planned in the next 60 days.'}
        </p>
      )}
    </div>
  );
}
