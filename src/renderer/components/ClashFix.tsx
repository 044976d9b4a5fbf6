// A clash warning's fixes, offered where the warning is shown: the best two or three covers
// or swaps, each with who, this quarter's fairness figure of the people involved before →
// after, and any new clash it would create. One click applies it; Undo (ClashFixApplied) takes it back.
import { useEffect, useState } from 'react';
import { fixableClash, type ClashFixes, type ClashFixOption } from '../../shared/domain/clash-fixes';
import type { ModelWarning } from '../../shared/model';
import type { Result } from '../../shared/result';
import { useStore } from '../store';
import { signed } from './numbers';
import './clash-fix.css';

type Loaded = { status: 'closed' } | { status: 'loading' } | { status: 'error'; message: string } | ClashFixesShown;
interface ClashFixesShown {
  status: 'ready';
  fixes: ClashFixes;
}

/** "Fix…" under a warning that has fixes; nothing for a warning that has none. */
export function ClashFix({ warning, open = false }: { warning: ModelWarning; open?: boolean }) {
  const clash = fixableClash(warning);
  const loadClashFixes = useStore((s) => s.loadClashFixes);
  const [shown, setShown] = useState<Loaded>(open && clash ? { status: 'loading' } : { status: 'closed' });
  const shownOf = (result: Result<ClashFixes>): Loaded =>
    result.ok ? { status: 'ready', fixes: result.value } : { status: 'error', message: result.error.message };
  const load = () => {
    if (!clash) return;
    setShown({ status: 'loading' });
    void loadClashFixes(clash, warning.link.rotationId).then((result) => setShown(shownOf(result)));
  };
  // Where the lead has just made the clash (saving time away), the fixes are shown unasked.
  useEffect(() => {
    if (!open || !clash) return;
    let live = true;
    void loadClashFixes(clash, warning.link.rotationId).then((result) => live && setShown(shownOf(result)));
    return () => {
      live = false;
    };
    // Once, when shown: the warning it was opened for does not change under it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (!clash) return null;
  if (shown.status === 'closed') {
    return (
      <button
        type="button"
        className="button button--quiet clash-fix__open"
        aria-label={`Fix: ${warning.message}`}
        onClick={load}
      >
        Fix…
      </button>
    );
  }
  return (
    <div className="clash-fix" role="group" aria-label={`Fixes: ${warning.message}`}>
      {shown.status === 'loading' && <p className="muted">Finding who can take this over…</p>}
      {shown.status === 'error' && <p className="clash-fix__error">{shown.message}</p>}
      {shown.status === 'ready' && <FixOptions fixes={shown.fixes} />}
    </div>
  );
}

function FixOptions({ fixes }: { fixes: ClashFixes }) {
  const applyClashFix = useStore((s) => s.applyClashFix);
  const lastApplied = useStore((s) => s.clashFixApplied);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  if (fixes.options.length === 0) return <p className="muted">{fixes.none}</p>;
  // Where the warning stays in view (the time-away dialog), it reads as fixed until Undo.
  if (applied !== null && lastApplied?.summary === applied) return <p>Fixed: {applied}.</p>;
  const apply = async (option: ClashFixOption) => {
    setBusy(true);
    setRefused(null);
    const refusal = await applyClashFix(option);
    setBusy(false);
    if (refusal) setRefused(refusal);
    else setApplied(option.summary);
  };
  return (
    <>
      <ol className="clash-fix__options">
        {fixes.options.map((option) => (
          <li key={`${option.kind}-${option.engineerId}`} className="clash-fix__option">
            <p className="clash-fix__summary">{option.summary}</p>
            <p className="clash-fix__fairness">
              Fairness {fixes.period.label ?? `${fixes.period.startDate} to ${fixes.period.endDate}`} (above or below
              fair share, weekdays): {fairnessWords(option)}
            </p>
            <p className={option.newClashes.length ? 'clash-fix__new' : 'muted'}>
              {option.newClashes.length ? `New clash: ${option.newClashes.join(' ')}` : 'No new clash.'}
            </p>
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              aria-label={`Apply: ${option.summary}`}
              onClick={() => void apply(option)}
            >
              Apply
            </button>
          </li>
        ))}
      </ol>
      {refused && <p className="clash-fix__error">{refused}</p>}
    </>
  );
}

function fairnessWords(option: ClashFixOption): string {
  return option.fairness.map((f) => `${f.name} ${signed(f.before)} → ${signed(f.after)}`).join(' · ');
}

/**
 * The fix just applied, with Undo. Its warning is gone from a list, so there it floats at the
 * bottom of the window, wherever the list was scrolled; in a dialog it stays in place.
 */
export function ClashFixApplied({ floating = false }: { floating?: boolean }) {
  const applied = useStore((s) => s.clashFixApplied);
  const undoClashFix = useStore((s) => s.undoClashFix);
  const dismissClashFix = useStore((s) => s.dismissClashFix);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  if (!applied) return null;
  return (
    <div className={`clash-fix__applied${floating ? ' clash-fix__applied--floating' : ''}`} role="status">
      <span>Fixed: {applied.summary}.</span>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void undoClashFix().then((refusal) => {
            setBusy(false);
            setRefused(refusal);
          });
        }}
      >
        Undo
      </button>
      <button type="button" className="button button--quiet" aria-label="Dismiss" onClick={dismissClashFix}>
        ×
      </button>
      {refused && <span className="clash-fix__error">{refused}</span>}
    </div>
  );
}
