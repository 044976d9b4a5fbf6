import { useStore } from '../../store';

/** What the calendar has to say: an edit saved or refused, the planner's or the loader's failure. */
export function CalendarStatus() {
  const message = useStore((s) => s.calendarMessage);
  const setMessage = useStore((s) => s.setCalendarMessage);
  const planState = useStore((s) => s.planState);
  const scheduleState = useStore((s) => s.scheduleState);
  return (
    <div className="cal-status" aria-live="polite">
      {message && (
        <p
          className={message.tone === 'error' ? 'cal-message cal-message--error' : 'cal-message'}
          role={message.tone === 'error' ? 'alert' : 'status'}
        >
          {message.text}
          <button type="button" className="button button--quiet" onClick={() => setMessage(null)} aria-label="Dismiss">
            ×
          </button>
        </p>
      )}
      {planState.status === 'error' && <p className="cal-message cal-message--error">Planner: {planState.error}</p>}
      {scheduleState.status === 'error' && (
        <p className="cal-message cal-message--error">The schedule could not be loaded: {scheduleState.error}</p>
      )}
    </div>
  );
}
