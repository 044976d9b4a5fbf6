import { useMemo, useState } from 'react';
import { localDateOf, localTimeOf, zonedInstant } from '../../../shared/domain/time';
import type { Engineer, Id } from '../../../shared/model';
import { EngineerName } from '../../components/EngineerName';
import { formatMoment, localTimeZone } from '../../components/format';
import { ErrorNotice } from '../../components/Notice';
import { useChannel } from '../../query/client';
import { useEngineers } from '../../query/engineers';
import { TeamLeadLine } from './TeamLead';

/** "Who do I call now?": the escalation path resolved to people for an incident starting now (or at a chosen time). */
export function WhoPanel({ pipelineId, hasUnsavedPath }: { pipelineId: Id; hasUnsavedPath: boolean }) {
  const engineers = useEngineers();
  const timeZone = useChannel('team:time-zone', {}).data ?? localTimeZone();
  const byId = useMemo(() => new Map<Id, Engineer>(engineers.map((e) => [e.id, e])), [engineers]);
  const [at, setAt] = useState('');
  /** The moment asked about: none is now, as the main process's clock says. */
  const [moment, setMoment] = useState<string | null>(null);
  const {
    data: who,
    reload,
    ...state
  } = useChannel('escalation:who', moment ? { pipelineId, at: moment } : { pipelineId }, { keepPrevious: true });

  const choose = (value: string) => {
    setAt(value);
    const [date, time] = value.split('T');
    if (date && time) setMoment(zonedInstant(date, time.slice(0, 5), timeZone));
  };
  const now = () => {
    setAt('');
    if (moment === null) void reload();
    else setMoment(null);
  };
  /** Who the level a call falls through to names: its person or contact. */
  const fallsTo = (level: number) => who?.levels?.find((l) => l.level === level)?.name ?? null;
  const shownAt = who ? `${localDateOf(who.at, timeZone)}T${localTimeOf(who.at, timeZone)}` : '';

  return (
    <section className="panel who" aria-labelledby="who-title" data-testid="who-panel">
      <div className="who__head">
        <h2 id="who-title" className="panel__title">
          Who do I call {at ? 'then' : 'now'}?
        </h2>
        <div className="who__when">
          <label className="field__label" htmlFor="who-at">
            Incident starts ({timeZone})
          </label>
          <input
            id="who-at"
            type="datetime-local"
            className="input"
            value={at || shownAt}
            onChange={(e) => choose(e.target.value)}
          />
          <button type="button" className="button" onClick={now} disabled={!at}>
            Now
          </button>
        </div>
      </div>
      {state.status === 'error' && (
        <ErrorNotice message={`Could not work out who to call: ${state.error}`} onRetry={now} />
      )}
      {who && who.pipeline.id === pipelineId ? (
        who.levels === null ? (
          <p className="muted">No runbook yet, so no escalation path: add escalation levels below and save.</p>
        ) : who.levels.length === 0 ? (
          <p className="muted">The runbook has no escalation levels yet: add them below and save.</p>
        ) : (
          <>
            <p className="who__rotation muted" data-testid="who-rotation">
              {who.rotation
                ? `On call from ${who.rotation.name}${who.rotation.archivedAt ? ' (archived)' : ''}`
                : 'No rotation answers for this pipeline'}
            </p>
            <ol className="who__list">
              {who.levels.map((level) => (
                <li key={level.level} className={level.problem ? 'who__level has-problem' : 'who__level'}>
                  <span className="who__after">
                    {level.afterMinutes === 0 ? 'at once' : `+${level.afterMinutes} min`}
                  </span>
                  <span className="who__role">{level.roleLabel}</span>
                  <span className="who__name">
                    {level.engineerId !== null ? (
                      <EngineerName id={level.engineerId} engineers={byId} />
                    ) : (
                      (level.name ?? <span className="muted">nobody</span>)
                    )}
                  </span>
                  <span className="who__detail">
                    {level.detail.includes('@') ? <a href={`mailto:${level.detail}`}>{level.detail}</a> : level.detail}
                  </span>
                  {level.problem && <span className="who__problem">{level.problem}</span>}
                  {level.fallsThroughTo !== null && (
                    <span className="who__falls">
                      → the call falls through to level {level.fallsThroughTo}
                      {fallsTo(level.fallsThroughTo) && `: ${fallsTo(level.fallsThroughTo)}`}
                    </span>
                  )}
                </li>
              ))}
            </ol>
          </>
        )
      ) : (
        state.status === 'loading' && <p className="muted">Working out who to call…</p>
      )}
      {who && who.levels && who.levels.length > 0 && (
        <p className="who__foot muted">
          For an incident starting {formatMoment(who.at, timeZone)}; each level is resolved at the minute it is called.
          {hasUnsavedPath && ' Unsaved changes to the path count once saved.'}
        </p>
      )}
      <TeamLeadLine />
    </section>
  );
}
