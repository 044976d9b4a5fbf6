import type { Engineer, Id } from '../../../shared/model';
import { zoneWords } from '../../../shared/domain/coverage-words';
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
  /** Labels the card for assistive technology; unique on the page. */
  labelId: string;
  /** Why nobody is on call, when nobody is (a layer outside its hours, a rotation not started). */
  nobody?: string | null;
}

/**
 * The primary's own clock, when it is not the rotation's: a follow-the-sun member in Berlin
 * reads a 20:00 New York hand-off as 02:00 (01:00 in the week the clocks change apart).
 */
function PrimaryClock({
  slot,
  engineers,
  timeZone,
  kind,
}: Pick<Props, 'engineers' | 'timeZone' | 'kind'> & { slot: OnCallNow }) {
  const primary = slot.primaryId === null ? undefined : engineers.get(slot.primaryId);
  if (!primary || primary.timeZone === timeZone) return null;
  const instant = kind === 'now' ? slot.until : slot.since;
  return (
    <span className="card__when muted" data-testid="primary-clock">
      {formatMoment(instant, primary.timeZone)} for {primary.name} ({zoneWords(primary.timeZone)})
    </span>
  );
}

export function OnCallCard({ title, slot, engineers, timeZone, at, kind, labelId, nobody }: Props) {
  return (
    <div className="card" role="group" aria-labelledby={labelId} data-testid={`oncall-${kind}`}>
      <h3 id={labelId} className="card__title">
        {title}
      </h3>
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
            <PrimaryClock slot={slot} engineers={engineers} timeZone={timeZone} kind={kind} />
          </p>
        </>
      ) : (
        <p className="muted" data-testid={kind === 'now' ? 'nobody-now' : undefined}>
          {kind === 'now'
            ? `${nobody ?? 'Nobody: the rotation has not started yet'}.`
            : 'Nothing planned in the next 60 days.'}
        </p>
      )}
    </div>
  );
}
