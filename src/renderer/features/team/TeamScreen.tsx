import { useMemo, useState } from 'react';
import { localDateOf } from '../../../shared/domain/time';
import { formatDay } from '../../../shared/format';
import { appNow } from '../../clock';
import { localTimeZone } from '../../components/format';
import type { Engineer, Id, Rotation, Unavailability } from '../../../shared/model';
import { EngineerName } from '../../components/EngineerName';
import { EmptyState, ErrorNotice } from '../../components/Notice';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useChannel } from '../../query/client';
import { save } from '../../query/save';
import { EngineerDialog } from './EngineerDialog';
import { RotationsPanel } from './RotationsPanel';
import { TimeAwayDialog } from './TimeAwayDialog';
import { knownTimeZones } from './timeZones';
import './team.css';

const NO_ENGINEERS: Engineer[] = [];
const NO_TIME_AWAY: Unavailability[] = [];
const NO_ROTATIONS: Rotation[] = [];

type Open = { dialog: 'engineer'; engineer: Engineer | null } | { dialog: 'away'; engineerId: Id | null } | null;

export function TeamScreen() {
  const { data: engineers = NO_ENGINEERS, reload: loadEngineers, ...engineersState } = useChannel('engineers:list', {});
  const away = useChannel('unavailability:list', {});
  const listed = useChannel('rotations:list', {});
  const zone = useChannel('team:time-zone', {});
  const timeAway = away.data ?? NO_TIME_AWAY;
  const rotations = listed.data ?? NO_ROTATIONS;
  const teamTimeZone = zone.data ?? null;
  const [open, setOpen] = useState<Open>(null);
  const timeZones = useMemo(() => knownTimeZones(), []);
  const today = localDateOf(appNow(), teamTimeZone ?? localTimeZone());
  const inRotation = (id: Id) => rotations.some((r) => r.archivedAt === null && r.memberIds.includes(id));

  const byId = useMemo(() => new Map(engineers.map((e) => [e.id, e])), [engineers]);
  const loaded = [engineersState, away, listed, zone].every((query) => query.status === 'ready');
  const error = engineersState.error ?? away.error ?? listed.error ?? zone.error;
  const activeCount = engineers.filter((e) => e.active).length;
  const left = engineers.length - activeCount;

  return (
    <section className="screen" aria-labelledby="screen-title">
      <ScreenHeader
        title="Team"
        subtitle={
          !loaded && engineers.length === 0
            ? ' '
            : engineers.length === 0
              ? 'Add the engineers who take on-call shifts, then set up the rotations.'
              : `${activeCount} ${activeCount === 1 ? 'engineer' : 'engineers'} on the team` +
                (left > 0 ? ` · ${left} ${left === 1 ? 'has' : 'have'} left` : '')
        }
        actions={
          <button
            type="button"
            className="button button--primary"
            onClick={() => setOpen({ dialog: 'engineer', engineer: null })}
          >
            Add engineer
          </button>
        }
      />
      {error && (
        <ErrorNotice
          message={error}
          onRetry={() => {
            void loadEngineers();
            void away.reload();
            void listed.reload();
            void zone.reload();
          }}
        />
      )}
      <datalist id="team-time-zones">
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>

      <div className="team">
        <section className="panel" aria-labelledby="team-engineers-title">
          <h2 className="panel__title" id="team-engineers-title">
            Engineers
          </h2>
          {engineers.length === 0 ? (
            <EmptyState title={loaded ? 'No engineers yet' : 'Loading…'}>
              {loaded && <p className="muted">Use “Add engineer” to add the first one.</p>}
            </EmptyState>
          ) : (
            <table className="table team-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Time zone</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {engineers.map((engineer) => (
                  <tr key={engineer.id} className={engineer.active ? undefined : 'team-table__left'}>
                    <td>
                      <span className="engineer">
                        <span className="swatch" style={{ backgroundColor: engineer.color }} aria-hidden="true" />
                        {engineer.name}
                      </span>
                    </td>
                    <td>{engineer.email ?? <span className="muted">—</span>}</td>
                    <td>{engineer.timeZone}</td>
                    <td>{engineer.active ? 'On the team' : <span className="muted">Left the team</span>}</td>
                    <td className="team-table__actions">
                      <button
                        type="button"
                        className="button button--quiet"
                        aria-label={`Edit ${engineer.name}`}
                        onClick={() => setOpen({ dialog: 'engineer', engineer })}
                      >
                        Edit
                      </button>
                      {engineer.active && (
                        <button
                          type="button"
                          className="button button--quiet"
                          aria-label={`Add time away for ${engineer.name}`}
                          onClick={() => setOpen({ dialog: 'away', engineerId: engineer.id })}
                        >
                          Add time away
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section className="panel" aria-labelledby="team-away-title">
          <div className="team-panel-head">
            <h2 className="panel__title" id="team-away-title">
              Time away
            </h2>
            <button
              type="button"
              className="button"
              disabled={activeCount === 0}
              onClick={() => setOpen({ dialog: 'away', engineerId: null })}
            >
              Add time away
            </button>
          </div>
          <TimeAwayList timeAway={timeAway} engineers={byId} today={today} />
        </section>

        <section className="panel" aria-labelledby="team-rotation-title">
          <h2 className="panel__title" id="team-rotation-title">
            {rotations.length > 0 ? 'Rotations' : 'Set up the rotation'}
          </h2>
          <RotationsPanel rotations={rotations} engineers={engineers} today={today} loaded={loaded} />
        </section>
      </div>

      {open?.dialog === 'engineer' && (
        <EngineerDialog
          engineer={open.engineer}
          engineers={engineers}
          inRotation={open.engineer !== null && inRotation(open.engineer.id)}
          defaultTimeZone={rotations.find((r) => r.archivedAt === null)?.timeZone ?? null}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.dialog === 'away' && (
        <TimeAwayDialog engineers={engineers} engineerId={open.engineerId} onClose={() => setOpen(null)} />
      )}
    </section>
  );
}

function TimeAwayList({
  timeAway,
  engineers,
  today,
}: {
  timeAway: Unavailability[];
  engineers: Map<Id, Engineer>;
  today: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const year = Number(today.slice(0, 4));
  // What is coming first; what is over stays below, for the record.
  const coming = timeAway.filter((u) => u.endDate >= today);
  const past = timeAway.filter((u) => u.endDate < today).reverse();
  if (timeAway.length === 0)
    return (
      <p className="muted">Nobody has time away recorded. Add holidays and leave so the plan works around them.</p>
    );

  const days = (u: Unavailability) =>
    u.startDate === u.endDate
      ? formatDay(u.startDate, year)
      : `${formatDay(u.startDate, year)} – ${formatDay(u.endDate, year)}`;
  const remove = async (u: Unavailability) => {
    const result = await save('unavailability:remove', { unavailabilityId: u.id });
    setError(result.ok ? null : result.error.message);
  };

  return (
    <>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <table className="table team-table">
        <thead>
          <tr>
            <th scope="col">Who</th>
            <th scope="col">Days away</th>
            <th scope="col">Reason</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {[...coming, ...past].map((u) => {
            const who = engineers.get(u.engineerId)?.name ?? `Engineer #${u.engineerId}`;
            const over = u.endDate < today;
            return (
              <tr key={u.id} className={over ? 'team-table__left' : undefined}>
                <td>
                  <EngineerName id={u.engineerId} engineers={engineers} />
                </td>
                <td>
                  {days(u)}
                  {over && <span className="muted"> (past)</span>}
                </td>
                <td>{u.reason || <span className="muted">—</span>}</td>
                <td className="team-table__actions">
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={`Remove ${who}'s time away, ${days(u)}`}
                    onClick={() => void remove(u)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
