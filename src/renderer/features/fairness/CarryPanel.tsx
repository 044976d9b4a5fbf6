import { useState } from 'react';
import { formatFigure } from '../../../shared/domain/figures';
import { CARRY_POLICIES, CARRY_POLICY_WORDING, type LedgerReport } from '../../../shared/domain/ledger';
import type { LedgerSettings } from '../../../shared/ipc/channels/ledger';
import type { Engineer } from '../../../shared/model';
import { countOf } from '../../../shared/domain/counts';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useStore } from '../../store';

/**
 * The carry-over policy the lead sets: how the balance from before a period counts in it (and
 * in the planner). Also the opening balances typed by hand, for a team coming from a spreadsheet.
 */
export function CarryPanel({
  settings,
  report,
  engineers,
}: {
  settings: LedgerSettings;
  report: LedgerReport;
  engineers: Engineer[];
}) {
  const setCarryPolicy = useStore((s) => s.setCarryPolicy);
  const saveOpeningBalances = useStore((s) => s.saveOpeningBalances);
  const clearImportedHistory = useStore((s) => s.clearImportedHistory);
  const [busy, setBusy] = useState(false);
  const [clearing, setClearing] = useState(false);
  const past = settings.pastShifts;
  // The choice shows at once; the saved setting takes over once the figures are recomputed.
  const [choosing, setChoosing] = useState<LedgerSettings['carry'] | null>(null);
  const members = engineers.filter((e) => report.engineers.some((r) => r.engineerId === e.id));
  const [draft, setDraft] = useState<Record<number, string>>(() =>
    Object.fromEntries(members.map((e) => [e.id, String(settings.openingBalances[e.id] ?? 0)])),
  );
  const parsed = members.map((e) => ({ engineerId: e.id, balance: Number(draft[e.id] ?? '0') }));
  const invalid = parsed.some((p) => !Number.isFinite(p.balance) || Math.abs(p.balance) > 10_000);
  const changed = parsed.some((p) => p.balance !== (settings.openingBalances[p.engineerId] ?? 0));

  return (
    <section className="panel carry" aria-labelledby="carry-title" data-testid="carry-panel">
      <h2 id="carry-title" className="panel__title">
        Carry-over
      </h2>
      <fieldset className="carry__policies" disabled={busy}>
        <legend className="field__label">How the balance from before a period counts</legend>
        {CARRY_POLICIES.map((policy) => (
          <label key={policy} className="carry__policy">
            <input
              type="radio"
              name="carry-policy"
              value={policy}
              checked={(choosing ?? settings.carry) === policy}
              onChange={() => {
                setBusy(true);
                setChoosing(policy);
                void setCarryPolicy(policy).finally(() => {
                  setBusy(false);
                  setChoosing(null);
                });
              }}
            />
            <span>
              <strong>{CARRY_POLICY_WORDING[policy].label}</strong>
              {policy === 'capped' && ` (${formatFigure(report.carryCap)})`}:{' '}
              <span className="muted">{CARRY_POLICY_WORDING[policy].meaning}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="muted">
        {past.count > 0
          ? `Imported history: ${countOf(past.count, 'past shift', 'past shifts')}, ${past.from} to ${past.to}.`
          : 'No imported history. Import a past on-call record (CSV) from Export & import, or type opening balances below.'}{' '}
        {past.count > 0 && (
          <button type="button" className="button button--quiet" disabled={busy} onClick={() => setClearing(true)}>
            Remove imported history…
          </button>
        )}
      </p>
      {clearing && (
        <ConfirmDialog
          title={
            past.count === 1 ? 'Remove the imported past shift?' : `Remove the ${past.count} imported past shifts?`
          }
          keepLabel={past.count === 1 ? 'Keep it' : 'Keep them'}
          actLabel="Remove history"
          onKeep={() => setClearing(false)}
          onAct={() => {
            setBusy(true);
            setClearing(false);
            void clearImportedHistory().finally(() => setBusy(false));
          }}
        >
          <p>
            The balances carried in then count only the schedule kept here and the opening balances below. The schedule
            itself does not change. To bring the history back, import the file again (Export &amp; import → On-call
            history).
          </p>
        </ConfirmDialog>
      )}
      <form
        className="carry__balances"
        aria-label="Opening balances"
        onSubmit={(e) => {
          e.preventDefault();
          if (invalid) return;
          setBusy(true);
          void saveOpeningBalances(parsed).finally(() => setBusy(false));
        }}
      >
        <p className="field__label">Opening balances (weighted weekdays; positive: did more than their share)</p>
        {members.map((engineer) => (
          <label key={engineer.id} className="carry__balance">
            <span>{engineer.name}</span>
            <input
              type="number"
              step="0.5"
              className="input input--narrow"
              value={draft[engineer.id] ?? '0'}
              onChange={(e) => setDraft({ ...draft, [engineer.id]: e.target.value })}
            />
          </label>
        ))}
        <button type="submit" className="button" disabled={busy || invalid || !changed}>
          Save opening balances
        </button>
      </form>
    </section>
  );
}
