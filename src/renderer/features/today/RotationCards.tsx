import type { Engineer, Id } from '../../../shared/model';
import type { RotationToday } from '../../../shared/views';
import { EngineerName } from '../../components/EngineerName';
import { formatMoment, relativeTo } from '../../components/format';
import { OnCallCard } from './OnCallCard';
import './today-rotations.css';

/** One rotation on Today: who is on call now, who next, and the next hand-off, in its own zone. */
export function RotationCards({
  entry,
  engineers,
  at,
  several,
}: {
  entry: RotationToday;
  engineers: Map<Id, Engineer>;
  at: string;
  /** With several rotations each is titled with its name and hours. */
  several: boolean;
}) {
  const { rotation } = entry;
  const key = `rotation-${rotation.id}`;
  const cards = (
    <div className="cards">
      <OnCallCard
        title="On call now"
        slot={entry.now}
        nobody={entry.nobody}
        engineers={engineers}
        timeZone={rotation.timeZone}
        at={at}
        kind="now"
        labelId={`${key}-now`}
      />
      <OnCallCard
        title="Next on call"
        slot={entry.next}
        engineers={engineers}
        timeZone={rotation.timeZone}
        at={at}
        kind="next"
        labelId={`${key}-next`}
      />
      <div className="card" aria-labelledby={`${key}-handoff`} role="group">
        <h3 id={`${key}-handoff`} className="card__title">
          Next hand-off
        </h3>
        {entry.nextHandoff ? (
          <>
            <p className="card__big">{formatMoment(entry.nextHandoff.at, rotation.timeZone)}</p>
            <p className="muted">{relativeTo(entry.nextHandoff.at, at)}</p>
            <p className="card__detail handoff">
              <EngineerName id={entry.nextHandoff.fromId} engineers={engineers} />
              <span aria-label="hands over to">→</span>
              <EngineerName id={entry.nextHandoff.toId} engineers={engineers} />
            </p>
          </>
        ) : (
          <p className="muted">No hand-off in the next 60 days.</p>
        )}
      </div>
    </div>
  );
  return (
    <section className="today-rotation" aria-labelledby={`${key}-title`} data-testid="today-rotation">
      <h2 id={`${key}-title`} className={several ? 'today-rotation__title' : 'sr-only'}>
        {rotation.name}
      </h2>
      {several && (
        <p className="today-rotation__covers muted">
          {entry.covers ? `On call ${entry.covers}` : 'On call around the clock'} · times in {rotation.timeZone}
        </p>
      )}
      {rotation.memberIds.length > 0 ? (
        cards
      ) : (
        <p className="muted">{rotation.name} has no members yet: add engineers to it on the Team screen.</p>
      )}
    </section>
  );
}
