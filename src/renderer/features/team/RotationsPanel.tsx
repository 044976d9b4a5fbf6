// The team's rotations in the lead's order: each one's name, when it answers and who takes it,
// with edit, reorder, archive and bring back; the open one's form below; the team's time zone.
import { useState } from 'react';
import { coverageLabel } from '../../../shared/domain/coverage-words';
import type { Engineer, Id, Rotation } from '../../../shared/model';
import { formatDay } from '../../../shared/format';
import { EmptyState } from '../../components/Notice';
import { RotationMark } from '../../components/RotationMark';
import { archiveRotation, moveRotation } from './rotation-saves';
import { RotationForm } from './RotationForm';
import { TeamZoneForm } from './TeamZoneForm';

type Outcome = { ok: boolean; message: string } | null;

export function RotationsPanel({
  rotations,
  engineers,
  today,
  loaded,
}: {
  rotations: Rotation[];
  engineers: Engineer[];
  today: string;
  loaded: boolean;
}) {
  const [chosen, setChosen] = useState<Id | 'new' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [listOutcome, setListOutcome] = useState<Outcome>(null);
  const inUse = rotations.filter((r) => r.archivedAt === null);
  const archived = rotations.filter((r) => r.archivedAt !== null);
  const ordered = [...inUse, ...archived];
  // The open form: the one chosen, else the first in use; a new one when there is none.
  const open =
    chosen === 'new' || rotations.length === 0
      ? null
      : (rotations.find((r) => r.id === chosen) ?? inUse[0] ?? rotations[0] ?? null);
  const names = new Map(engineers.map((e) => [e.id, e.name]));
  const year = Number(today.slice(0, 4));

  const act = async (done: Promise<{ ok: true } | { ok: false; error: { message: string } }>, success: string) => {
    const result = await done;
    setListOutcome(result.ok ? { ok: true, message: success } : { ok: false, message: result.error.message });
  };

  if (!loaded && rotations.length === 0) return <p className="muted">Loading…</p>;
  if (engineers.length === 0 && rotations.length === 0)
    return (
      <EmptyState title="No rotation yet">
        <p className="muted">Add the engineers first; then choose who is on call, in which order.</p>
      </EmptyState>
    );

  return (
    <>
      <TeamZoneForm />
      {rotations.length > 0 && (
        <>
          <ul className="team-rotations" aria-label="Rotations">
            {ordered.map((rotation) => {
              const index = inUse.indexOf(rotation);
              const isArchived = rotation.archivedAt !== null;
              const isOpen = open?.id === rotation.id;
              return (
                <li
                  key={rotation.id}
                  className={['team-rotations__item', isArchived ? 'is-archived' : '', isOpen ? 'is-open' : ''].join(
                    ' ',
                  )}
                  aria-current={isOpen ? 'true' : undefined}
                >
                  <RotationMark
                    index={isArchived ? archived.indexOf(rotation) + inUse.length : index}
                    muted={isArchived}
                  />
                  <div className="team-rotations__text">
                    <span className="team-rotations__name">
                      {rotation.name}
                      {isArchived && (
                        <span className="team-rotations__archived">
                          archived {formatDay(rotation.archivedAt!.slice(0, 10), year)}
                        </span>
                      )}
                    </span>
                    <span className="team-rotations__facts">
                      {coverageLabel(rotation.coverage)} · {rotation.timeZone} · {rotation.shiftDays}-day{' '}
                      {rotation.shiftDays === 1 ? 'shift' : 'shifts'} from {rotation.handoffTime}
                      {rotation.allowsDoubleDuty && ' · members may double up'}
                    </span>
                    <span className="team-rotations__facts">
                      {rotation.memberIds.map((id) => names.get(id) ?? `#${id}`).join(' → ')}
                    </span>
                  </div>
                  <div className="team-rotations__buttons">
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={`Edit ${rotation.name}`}
                      aria-pressed={isOpen}
                      onClick={() => {
                        setChosen(rotation.id);
                        setOutcome(null);
                      }}
                    >
                      Edit
                    </button>
                    {!isArchived && (
                      <>
                        <button
                          type="button"
                          className="button button--quiet"
                          aria-label={`Move ${rotation.name} up`}
                          title="Move up"
                          disabled={index === 0}
                          onClick={() =>
                            void act(moveRotation(rotations, rotation.id, -1), `${rotation.name} moved up.`)
                          }
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          className="button button--quiet"
                          aria-label={`Move ${rotation.name} down`}
                          title="Move down"
                          disabled={index === inUse.length - 1}
                          onClick={() =>
                            void act(moveRotation(rotations, rotation.id, 1), `${rotation.name} moved down.`)
                          }
                        >
                          ↓
                        </button>
                      </>
                    )}
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={`${isArchived ? 'Bring back' : 'Archive'} ${rotation.name}`}
                      onClick={() =>
                        void act(
                          archiveRotation(rotation.id, !isArchived),
                          isArchived
                            ? `${rotation.name} is back: its schedule runs again.`
                            : `${rotation.name} archived: its schedule ends now; its history still counts for fairness.`,
                        )
                      }
                    >
                      {isArchived ? 'Bring back' : 'Archive'}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
          <div className="team-rotations__after">
            <button
              type="button"
              className="button"
              aria-pressed={open === null}
              onClick={() => {
                setChosen('new');
                setOutcome(null);
              }}
            >
              New rotation
            </button>
            {listOutcome &&
              (listOutcome.ok ? (
                <p className="muted" role="status">
                  {listOutcome.message}
                </p>
              ) : (
                <p className="inline-error" role="alert">
                  {listOutcome.message}
                </p>
              ))}
          </div>
        </>
      )}
      <h3 className="team-rotations__form-title">{open ? `Edit ${open.name}` : 'New rotation'}</h3>
      <RotationForm
        key={open ? JSON.stringify(open) : `new-${engineers.length}-${rotations.length}`}
        rotation={open}
        first={rotations.length === 0}
        engineers={engineers}
        today={today}
        outcome={outcome}
        onOutcome={setOutcome}
        onSaved={(saved) => setChosen(saved.id)}
      />
    </>
  );
}
