import { useState } from 'react';
import { eachDate } from '../../../shared/domain/time';
import { OVERRIDE_KIND_LABELS } from '../../../shared/domain/override-kinds';
import { COVER_KINDS, ROLES, type CoverKind, type Engineer, type IsoDate, type Role } from '../../../shared/model';
import { useStore } from '../../store';
import { zonedInstantOf } from './selection';

export interface CoverDraft {
  /** Whole days (both dates included), or exact moments ('YYYY-MM-DDTHH:MM' on the team's clock). */
  mode: 'days' | 'time';
  from: string;
  to: string;
}

/** Assign cover for a range: from a selection on the calendar, or typed in. */
export function CoverPanel({
  draft,
  engineers,
  timeZone,
  onDone,
}: {
  draft: CoverDraft;
  engineers: Engineer[];
  timeZone: string;
  onDone: () => void;
}) {
  const applyEdit = useStore((s) => s.applyEdit);
  const coverRole = useStore((s) => s.coverRole);
  const [from, setFrom] = useState(draft.from);
  const [to, setTo] = useState(draft.to);
  const [engineerId, setEngineerId] = useState<number>(engineers[0]?.id ?? 0);
  const [role, setRole] = useState<Role>(coverRole);
  const [kind, setKind] = useState<CoverKind>('cover');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const valid = from !== '' && to !== '' && (draft.mode === 'days' ? from <= to : from < to) && engineerId > 0;

  const save = async () => {
    if (!valid) return;
    setBusy(true);
    const saved = await applyEdit(
      draft.mode === 'days'
        ? { op: 'cover-days', dates: eachDate(from as IsoDate, to as IsoDate), role, engineerId, kind, reason }
        : {
            op: 'cover',
            from: zonedInstantOf(from, timeZone),
            to: zonedInstantOf(to, timeZone),
            role,
            engineerId,
            kind,
            reason,
          },
    );
    setBusy(false);
    if (saved) onDone();
  };

  const inputType = draft.mode === 'days' ? 'date' : 'datetime-local';
  return (
    <section className="panel cover-panel" role="dialog" aria-labelledby="cover-title" data-testid="cover-panel">
      <h2 id="cover-title" className="panel__title">
        Assign cover
      </h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="form__row">
          <label>
            <span className="field__label">{draft.mode === 'days' ? 'First day' : 'From'}</span>
            <input
              className="input"
              type={inputType}
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              autoFocus
            />
          </label>
          <label>
            <span className="field__label">{draft.mode === 'days' ? 'Last day' : 'To'}</span>
            <input
              className="input"
              type={inputType}
              value={to}
              onChange={(e) => setTo(e.target.value)}
              aria-invalid={from !== '' && to !== '' && to < from}
            />
          </label>
        </div>
        <label>
          <span className="field__label">Engineer</span>
          <select className="input" value={engineerId} onChange={(e) => setEngineerId(Number(e.target.value))}>
            {engineers.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <div className="form__row">
          <label>
            <span className="field__label">Role</span>
            <select className="input" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="field__label">Kind</span>
            <select className="input" value={kind} onChange={(e) => setKind(e.target.value as CoverKind)}>
              {COVER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {OVERRIDE_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label>
          <span className="field__label">Reason</span>
          <input className="input" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Why" />
        </label>
        <div className="form__actions">
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={!valid || busy}>
            {busy ? 'Saving…' : 'Assign'}
          </button>
        </div>
        <p className="muted form__hint">Or drag an engineer from the roster onto the selected days.</p>
      </form>
    </section>
  );
}
