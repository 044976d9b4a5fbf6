import { useState } from 'react';
import type { PublishResult, PublishTarget } from '../../../shared/ipc/channels/publish';
import { useAppInfo } from '../../query/app-info';
import { useStore } from '../../store';

/** Where Publish sends the schedule: the file's calendar servers and feed folders, and a way to add one. */
export function PublishTargets({ targets }: { targets: PublishTarget[] }) {
  const remove = useStore((s) => s.removePublishTarget);
  const [adding, setAdding] = useState<'caldav' | 'folder' | null>(null);
  return (
    <section aria-labelledby="publish-targets-title" className="publish-targets">
      <h3 id="publish-targets-title" className="field__label">
        Also publish to
      </h3>
      {targets.length === 0 ? (
        <p className="muted">No calendar server or feed folder yet: the team sees the schedule only in Watchbill.</p>
      ) : (
        <ul className="publish-targets__list">
          {targets.map((t) => (
            <li key={t.id} data-testid="publish-target">
              <strong>{t.name}</strong>{' '}
              <span className="muted">
                {t.kind === 'caldav' ? `${t.calendarUrl} as ${t.username}` : t.folder}
                {t.syncOnSave ? ' · after every edit' : ''}
              </span>
              {t.kind === 'caldav' && !t.hasPassword && <PasswordPrompt target={t} />}
              {t.pending && <span className="tag">not yet published</span>}
              {t.lastError && <div className="muted">{t.lastError}</div>}
              <button type="button" className="button button--quiet" onClick={() => void remove(t.id)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <TargetForm kind={adding} onDone={() => setAdding(null)} />
      ) : (
        <p>
          <button type="button" className="button" onClick={() => setAdding('caldav')}>
            Add a calendar server
          </button>{' '}
          <button type="button" className="button" onClick={() => setAdding('folder')}>
            Add a feed folder
          </button>
        </p>
      )}
    </section>
  );
}

/** A calendar server whose password is not at hand (the browser version keeps it only until it stops). */
function PasswordPrompt({ target }: { target: PublishTarget }) {
  const setPassword = useStore((s) => s.setPublishPassword);
  const [password, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      aria-label={`Password for ${target.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void setPassword(target.id, password).then((result) => setError(result.ok ? null : result.error.message));
      }}
    >
      <span className="tag">needs its password</span>{' '}
      <input
        className="input"
        type="password"
        autoComplete="off"
        aria-label={`Password or app token for ${target.name}`}
        value={password}
        onChange={(e) => setValue(e.target.value)}
      />{' '}
      <button type="submit" className="button">
        Use
      </button>
      {error && (
        <span className="notice notice--error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

function TargetForm({ kind, onDone }: { kind: 'caldav' | 'folder'; onDone: () => void }) {
  const save = useStore((s) => s.savePublishTarget);
  const host = useAppInfo()?.host;
  const [name, setName] = useState(kind === 'caldav' ? 'Team calendar' : 'Feed folder');
  const [calendarUrl, setCalendarUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [folder, setFolder] = useState('');
  const [syncOnSave, setSyncOnSave] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const result = await save(
      kind === 'caldav' ? { kind, name, calendarUrl, username, syncOnSave } : { kind, name, folder, syncOnSave },
      password,
    );
    if (result.ok) onDone();
    else setError(result.error.message);
  };
  return (
    <form
      className="publish-targets__form"
      aria-label={kind === 'caldav' ? 'New calendar server' : 'New feed folder'}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        <span className="field__label">Name</span>
        <input className="input" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      {kind === 'caldav' ? (
        <>
          <label>
            <span className="field__label">Calendar address (CalDAV)</span>
            <input
              className="input"
              value={calendarUrl}
              placeholder="https://dav.example.com/calendars/team/on-call/"
              onChange={(e) => setCalendarUrl(e.target.value)}
            />
          </label>
          <label>
            <span className="field__label">User name</span>
            <input className="input" value={username} onChange={(e) => setUsername(e.target.value)} />
          </label>
          <label>
            <span className="field__label">Password or app token</span>
            <input
              className="input"
              type="password"
              autoComplete="off"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <span className="muted">
              {host === 'electron'
                ? 'Kept in the system keychain, never in the Watchbill file.'
                : 'Kept in memory until Watchbill stops, never in the file (or set WATCHBILL_CALDAV_PASSWORD).'}
            </span>
          </label>
        </>
      ) : (
        <label>
          <span className="field__label">Folder</span>
          <input
            className="input"
            value={folder}
            placeholder="/home/lead/Nextcloud/on-call"
            onChange={(e) => setFolder(e.target.value)}
          />
          <span className="muted">team.ics and one file per person are written there.</span>
        </label>
      )}
      <label>
        <input type="checkbox" checked={syncOnSave} onChange={(e) => setSyncOnSave(e.target.checked)} /> Publish after
        every saved edit
      </label>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <p>
        <button type="submit" className="button button--primary">
          Add
        </button>{' '}
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </p>
    </form>
  );
}

/** What the last publish did, per target: "12 created, 3 updated, 1 removed; 0 conflicts". */
export function PublishOutcomes({ result }: { result: PublishResult }) {
  return (
    <div role="status" data-testid="publish-result">
      <p>
        <strong>{result.summary}</strong>
      </p>
      {result.outcomes.length > 1 && (
        <ul>
          {result.outcomes.map((o) => (
            <li key={o.targetId}>
              {o.target}: {o.summary}
            </li>
          ))}
        </ul>
      )}
      {result.outcomes
        .filter((o) => o.status !== 'published')
        .map((o) => (
          <p key={o.targetId} className="notice notice--error">
            {o.target}: not yet published — {o.error}
            {o.status === 'queued' ? '. Watchbill tries again by itself.' : ''}
          </p>
        ))}
      {result.outcomes.some((o) => o.conflicts > 0) && (
        <ul className="muted">
          {result.outcomes.flatMap((o) =>
            o.changes
              .filter((c) => c.action === 'conflict')
              .map((c) => (
                <li key={`${o.targetId}-${c.uid}`}>
                  {c.summary} ({c.startsAt.slice(0, 10)}): {c.reason}; left as it is on the server.
                </li>
              )),
          )}
        </ul>
      )}
    </div>
  );
}
