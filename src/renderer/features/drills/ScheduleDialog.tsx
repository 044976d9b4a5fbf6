import { useEffect, useMemo, useState } from 'react';
import { localDateOf, localTimeOf, zonedInstant } from '../../../shared/domain/time';
import { DRILL_ROLE_LABELS, drillRoleOf } from '../../../shared/domain/drills';
import type { DrillsView } from '../../../shared/drill-views';
import type { Id } from '../../../shared/model';
import { call } from '../../api/client';
import { appNow } from '../../clock';
import { Dialog } from '../../components/Dialog';
import { useStore } from '../../store';

const HOUR_MS = 3_600_000;

/** The next whole hour, as the team's wall clock shows it ('2026-11-21T11:00'). */
function nextHourLocal(timeZone: string): string {
  const ms = Math.ceil(appNow() / HOUR_MS) * HOUR_MS;
  return `${localDateOf(ms, timeZone)}T${localTimeOf(ms, timeZone)}`;
}

export function ScheduleDialog({
  view,
  pipelineId: initialPipeline,
  onClose,
}: {
  view: DrillsView;
  pipelineId: Id | null;
  onClose: () => void;
}) {
  const scheduleDrill = useStore((s) => s.scheduleDrill);
  const withScenarios = view.pipelines.filter((p) => p.scenarios.length > 0);
  const [pipelineId, setPipelineId] = useState<Id | null>(
    initialPipeline ??
      view.due.find((d) => d.state === 'overdue' || d.state === 'due')?.pipelineId ??
      withScenarios[0]?.pipeline.id ??
      null,
  );
  const option = withScenarios.find((p) => p.pipeline.id === pipelineId) ?? null;
  const [scenarioId, setScenarioId] = useState<Id | null>(option?.scenarios[0]?.id ?? null);
  const [when, setWhen] = useState(() => nextHourLocal(view.timeZone));
  const [facilitatorId, setFacilitatorId] = useState<Id | null>(view.engineers.find((e) => e.active)?.id ?? null);
  const [participants, setParticipants] = useState<Id[]>([]);
  /** Who is on call at the drill's moment: they take part as primary and secondary, anyone else as added. */
  const [onCall, setOnCall] = useState<{ primaryId: Id | null; secondaryId: Id | null; nobody: string | null }>({
    primaryId: null,
    secondaryId: null,
    nobody: null,
  });
  /** Once the lead picks people by hand, a change of time no longer replaces them with who is on call. */
  const [pickedByHand, setPickedByHand] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const scheduledAt = useMemo(() => {
    const [date, time] = when.split('T');
    try {
      return date && time ? zonedInstant(date, time.slice(0, 5), view.timeZone) : null;
    } catch {
      return null;
    }
  }, [when, view.timeZone]);

  // Participants default to who is on call for the pipeline at the drill's moment (its own
  // rotation's pair), as the main process computes it.
  useEffect(() => {
    if (!scheduledAt) return;
    let current = true;
    void call('drills:on-call', { at: scheduledAt, ...(pipelineId !== null && { pipelineId }) }).then((result) => {
      if (!current || !result.ok) return;
      setOnCall(result.value);
      if (!pickedByHand)
        setParticipants([result.value.primaryId, result.value.secondaryId].filter((id): id is Id => id !== null));
    });
    return () => {
      current = false;
    };
  }, [scheduledAt, pipelineId, pickedByHand]);

  const submit = async () => {
    if (pipelineId === null || scenarioId === null || facilitatorId === null || !scheduledAt) {
      setError('Choose a pipeline, a scenario, a date and time and a facilitator.');
      return;
    }
    setSaving(true);
    const refusal = await scheduleDrill({
      pipelineId,
      scenarioId,
      scheduledAt,
      facilitatorId,
      ...(participants.length ? { participantIds: participants } : {}),
    });
    setSaving(false);
    if (refusal) setError(refusal);
    else onClose();
  };

  return (
    <Dialog
      title="Schedule a drill"
      onClose={onClose}
      testId="schedule-drill"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button--primary" disabled={saving} onClick={() => void submit()}>
            Schedule
          </button>
        </>
      }
    >
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          <span className="field__label">Pipeline</span>
          <select
            className="input"
            data-autofocus
            value={pipelineId ?? ''}
            onChange={(e) => {
              const id = Number(e.target.value);
              setPipelineId(id);
              setScenarioId(withScenarios.find((p) => p.pipeline.id === id)?.scenarios[0]?.id ?? null);
            }}
          >
            {withScenarios.map((p) => (
              <option key={p.pipeline.id} value={p.pipeline.id}>
                {p.pipeline.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="field__label">Failure scenario</span>
          <select className="input" value={scenarioId ?? ''} onChange={(e) => setScenarioId(Number(e.target.value))}>
            {option?.scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} ({s.steps} steps)
              </option>
            ))}
          </select>
        </label>
        <div className="form__row">
          <label>
            <span className="field__label">Date and time ({view.timeZone})</span>
            <input
              className="input"
              type="datetime-local"
              value={when}
              aria-invalid={scheduledAt === null}
              onChange={(e) => setWhen(e.target.value)}
            />
          </label>
          <label>
            <span className="field__label">Facilitator</span>
            <select
              className="input"
              value={facilitatorId ?? ''}
              onChange={(e) => setFacilitatorId(Number(e.target.value))}
            >
              {view.engineers.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset className="drill-participants">
          <legend className="field__label">Participants {pickedByHand ? '' : '(who is on call then)'}</legend>
          {onCall.nobody && <p className="muted">{onCall.nobody}.</p>}
          {view.engineers
            .filter((e) => e.active)
            .map((e) => (
              <label key={e.id} className="drill-participants__option">
                <input
                  type="checkbox"
                  checked={participants.includes(e.id)}
                  onChange={(event) => {
                    setPickedByHand(true);
                    setParticipants((list) =>
                      event.target.checked ? [...list, e.id] : list.filter((id) => id !== e.id),
                    );
                  }}
                />
                {e.name}
                {participants.includes(e.id) && (
                  <span className="muted"> ({DRILL_ROLE_LABELS[drillRoleOf(e.id, onCall)]})</span>
                )}
              </label>
            ))}
        </fieldset>
        {error && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
