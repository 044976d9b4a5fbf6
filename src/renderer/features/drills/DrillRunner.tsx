import { useEffect, useRef, useState } from 'react';
import {
  DRILL_MOMENT_LABELS,
  DRILL_MOMENTS,
  elapsedMs,
  formatDuration,
  MOMENT_TIMINGS,
  type DrillMoment,
} from '../../../shared/domain/drills';
import type { DrillView } from '../../../shared/drill-views';
import { useStore } from '../../store';
import { EscalationChain } from './EscalationChain';
import { FinishDialog } from './FinishDialog';
import { DrillTitles } from './DrillTitles';
import { onClock } from './format';
import { useNow } from './useClock';

/** Keys typed into a field or pressed on a control belong to it, not to the runner. */
function isOwnedByControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A', 'SUMMARY'].includes(target.tagName) ||
    target.closest('[role="dialog"]') !== null
  );
}

/**
 * The focused drill screen, made to be read from across a meeting room: the clock, the steps
 * to tick (Space or Enter ticks the next), the three moments, notes, and who to call.
 */
export function DrillRunner({ view }: { view: DrillView }) {
  const { drill } = view;
  const running = drill.status === 'running';
  const skew = useStore((s) => s.clockSkewMs);
  const busy = useStore((s) => s.drillBusy);
  const error = useStore((s) => s.drillError);
  const startDrill = useStore((s) => s.startDrill);
  const cancelDrill = useStore((s) => s.cancelDrill);
  const tickNext = useStore((s) => s.tickNext);
  const tickStep = useStore((s) => s.tickStep);
  const untickStep = useStore((s) => s.untickStep);
  const markMoment = useStore((s) => s.markMoment);
  const clearDrillError = useStore((s) => s.clearDrillError);
  const [finishing, setFinishing] = useState(false);
  const root = useRef<HTMLElement>(null);
  const now = useNow(running);

  // Space or Enter anywhere on the screen (outside fields and buttons) ticks the next step.
  useEffect(() => {
    if (!running) return;
    const onKey = (event: KeyboardEvent) => {
      if (
        (event.key !== ' ' && event.key !== 'Enter') ||
        event.repeat ||
        event.altKey ||
        event.ctrlKey ||
        event.metaKey
      )
        return;
      if (isOwnedByControl(event.target)) return;
      event.preventDefault();
      void tickNext();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [running, tickNext]);

  // The runner holds the keyboard focus once the drill runs, so Space goes to it, not to the last button pressed.
  useEffect(() => {
    if (running) root.current?.focus({ preventScroll: true });
  }, [running]);

  // The next step stays in view as the list is worked through, on a screen the whole room reads.
  useEffect(() => {
    if (view.nextStep === null) return;
    root.current
      ?.querySelector(`[data-testid="step-${view.nextStep}"]`)
      ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [view.nextStep]);

  /** After a click the focus goes back to the runner: a later Space ticks a step instead of pressing the button again. */
  const thenRefocus = (work: () => Promise<void>) => () => {
    void work().then(() => root.current?.focus({ preventScroll: true }));
  };

  const clock = elapsedMs(drill, now - skew);
  const remaining = view.timings.stepsLeft;

  return (
    <section
      ref={root}
      className={`screen drill-runner drill-runner--${drill.status}`}
      aria-labelledby="screen-title"
      tabIndex={-1}
      data-testid="drill-runner"
    >
      <header className="drill-runner__head">
        <DrillTitles view={view} when={running ? 'Started' : 'Planned for'} />
        <div className="drill-clock" role="timer" aria-label="Drill clock" data-testid="drill-clock">
          {formatDuration(clock)}
        </div>
      </header>

      {error && (
        <div className="notice notice--error" role="alert">
          <p>{error}</p>
          <button type="button" className="button" onClick={clearDrillError}>
            Dismiss
          </button>
        </div>
      )}

      <div className="drill-moments" role="group" aria-label="Moments">
        {DRILL_MOMENTS.map((moment: DrillMoment) => {
          const at = view.timings[MOMENT_TIMINGS[moment]];
          return (
            <div key={moment} className={at === null ? 'drill-moment' : 'drill-moment is-marked'}>
              <button
                type="button"
                className="drill-moment__button"
                disabled={!running || busy || at !== null}
                onClick={thenRefocus(() => markMoment(moment))}
              >
                <span className="drill-moment__label">{DRILL_MOMENT_LABELS[moment]}</span>
                <span className="drill-moment__time" data-testid={`moment-${moment}`}>
                  {at === null ? 'not yet' : onClock(formatDuration(at))}
                </span>
              </button>
              {at !== null && running && (
                <button
                  type="button"
                  className="button button--quiet drill-moment__clear"
                  onClick={thenRefocus(() => markMoment(moment, true))}
                >
                  Clear
                </button>
              )}
            </div>
          );
        })}
        <div className="drill-moments__actions">
          {drill.status === 'planned' ? (
            <>
              <button
                type="button"
                className="button button--primary drill-big-button"
                disabled={busy || view.steps.length === 0}
                onClick={() => void startDrill()}
              >
                Start the drill
              </button>
              <button type="button" className="button" onClick={() => void cancelDrill()}>
                Cancel drill
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button--primary drill-big-button"
              disabled={busy}
              onClick={() => setFinishing(true)}
            >
              Finish…
            </button>
          )}
        </div>
      </div>

      <div className="drill-runner__body">
        <section className="drill-steps" aria-labelledby="steps-title">
          <h2 id="steps-title" className="drill-section-title">
            Steps{' '}
            <span className="muted">
              {running
                ? remaining
                  ? `· ${remaining} to go · Space or Enter ticks the next`
                  : '· all done — mark the moments and finish'
                : `· ${view.steps.length} from the runbook`}
            </span>
          </h2>
          <ol className="drill-step-list">
            {view.timings.steps.map((step) => {
              const isNext = step.position === view.nextStep;
              const state = step.skipped ? 'skipped' : step.atMs !== null ? 'done' : isNext ? 'next' : 'todo';
              return (
                <li
                  key={step.position}
                  className={`drill-step drill-step--${state}`}
                  aria-current={isNext ? 'step' : undefined}
                  data-testid={`step-${step.position}`}
                >
                  <span className="drill-step__mark" aria-hidden="true">
                    {state === 'done' ? '✓' : state === 'skipped' ? '–' : step.position + 1}
                  </span>
                  <span className="drill-step__text">
                    {step.text}
                    {state === 'skipped' && <span className="sr-only"> (skipped)</span>}
                    {state === 'done' && <span className="sr-only"> (done)</span>}
                  </span>
                  <span className="drill-step__time">
                    {step.atMs === null ? '' : onClock(formatDuration(step.atMs))}
                  </span>
                  {running && (
                    <span className="drill-step__actions">
                      {step.atMs === null ? (
                        <>
                          <button
                            type="button"
                            className="button"
                            disabled={busy}
                            onClick={thenRefocus(() => tickStep(step.position))}
                          >
                            Tick
                          </button>
                          <button
                            type="button"
                            className="button button--quiet"
                            disabled={busy}
                            onClick={thenRefocus(() => tickStep(step.position, true))}
                          >
                            Skip
                          </button>
                        </>
                      ) : (
                        <button
                          type="button"
                          className="button button--quiet"
                          disabled={busy}
                          onClick={thenRefocus(() => untickStep(step.position))}
                        >
                          Undo
                        </button>
                      )}
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        </section>

        <aside className="drill-side">
          <section aria-labelledby="scenario-title">
            <h2 id="scenario-title" className="drill-section-title">
              Scenario
            </h2>
            <dl className="drill-scenario">
              <dt>Symptoms</dt>
              <dd>{view.scenario.symptoms || '—'}</dd>
              <dt>Checks</dt>
              <dd>{view.scenario.checks || '—'}</dd>
            </dl>
          </section>
          <section aria-labelledby="escalation-title">
            <h2 id="escalation-title" className="drill-section-title">
              Who to call
            </h2>
            <EscalationChain levels={view.escalation} />
          </section>
          <Notes view={view} />
        </aside>
      </div>

      {finishing && <FinishDialog view={view} onClose={() => setFinishing(false)} />}
    </section>
  );
}

function Notes({ view }: { view: DrillView }) {
  const addNote = useStore((s) => s.addNote);
  const [text, setText] = useState('');
  const start = view.drill.startedAt ? Date.parse(view.drill.startedAt) : null;
  const save = async () => {
    if (!text.trim()) return;
    if (await addNote(text.trim())) setText('');
  };
  return (
    <section aria-labelledby="notes-title">
      <h2 id="notes-title" className="drill-section-title">
        Notes
      </h2>
      <form
        className="drill-note-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <textarea
          className="input"
          aria-label="A note"
          placeholder="What happened, what was unclear… (Ctrl+Enter saves)"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void save();
            }
          }}
        />
        <button type="submit" className="button" disabled={!text.trim()}>
          Add note
        </button>
      </form>
      <ul className="drill-notes" aria-label="Notes so far">
        {[...view.drill.notes].reverse().map((note) => (
          <li key={note.id}>
            <span className="drill-notes__at">
              {start === null ? '' : onClock(formatDuration(Math.max(0, Date.parse(note.at) - start)))}
            </span>
            {note.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
