import { useMemo, useState } from 'react';
import type { TeamLead } from '../../../shared/domain/escalation';
import type { Engineer, Id } from '../../../shared/model';
import { checkArgs } from '../../api/check';
import { Dialog } from '../../components/Dialog';
import { SaveFooter } from '../../components/SaveFooter';
import { EngineerName } from '../../components/EngineerName';
import { FormMessage, InputField, SelectField } from '../../components/Field';
import { useChannel } from '../../query/client';
import { useEngineers } from '../../query/engineers';
import { save } from '../../query/save';

/** The select's value for a lead who is not an engineer of the team. */
const CONTACT = 'contact';
const NOBODY = '';

/**
 * The team lead, whom the last level of every escalation path calls, and the way to change
 * them: shown under "Who do I call now?", where the lead sees the chain it ends.
 */
export function TeamLeadLine() {
  const { data: lead = null, ...state } = useChannel('team-lead:get', {});
  const engineers = useEngineers();
  const byId = useMemo(() => new Map<Id, Engineer>(engineers.map((e) => [e.id, e])), [engineers]);
  const [editing, setEditing] = useState(false);

  const contact = (detail: string | null | undefined) =>
    detail ? <span className="who__lead-detail"> · {detail}</span> : null;

  return (
    <div className="who__lead" data-testid="team-lead">
      <p>
        <span className="who__lead-label">Team lead, for every runbook: </span>
        {lead?.kind === 'engineer' ? (
          <>
            <EngineerName id={lead.engineerId} engineers={byId} />
            {contact(byId.get(lead.engineerId)?.email)}
          </>
        ) : lead?.kind === 'contact' ? (
          <>
            <strong>{lead.name}</strong>
            {contact(lead.detail)}
          </>
        ) : state.status === 'error' ? (
          <span className="inline-error">could not be loaded ({state.error})</span>
        ) : (
          <span className="muted">not set — each path calls its own contact</span>
        )}
      </p>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => setEditing(true)}
        disabled={state.status === 'loading'}
      >
        {lead ? 'Change team lead…' : 'Set team lead…'}
      </button>
      {editing && <TeamLeadDialog lead={lead} engineers={engineers} onClose={() => setEditing(false)} />}
    </div>
  );
}

export function TeamLeadDialog({
  lead,
  engineers,
  onClose,
}: {
  lead: TeamLead | null;
  engineers: Engineer[];
  onClose: () => void;
}) {
  const [who, setWho] = useState(
    lead?.kind === 'engineer' ? String(lead.engineerId) : lead?.kind === 'contact' ? CONTACT : NOBODY,
  );
  const [name, setName] = useState(lead?.kind === 'contact' ? lead.name : '');
  const [detail, setDetail] = useState(lead?.kind === 'contact' ? lead.detail : '');
  // Problems show once Save was tried, then follow the typing.
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const chosen: TeamLead | null =
    who === NOBODY
      ? null
      : who === CONTACT
        ? { kind: 'contact', name, detail: detail.trim() }
        : { kind: 'engineer', engineerId: Number(who) };
  // The channel's own schema is the rule: the same words the main process would answer with.
  const check = checkArgs('team-lead:set', { lead: chosen });
  const problems = tried && !check.ok ? check.problems : {};

  const submit = async () => {
    if (busy) return;
    setTried(true);
    if (!check.ok) {
      document.getElementById(check.problems['lead.name'] ? 'team-lead-name' : 'team-lead-detail')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const result = await save('team-lead:set', { lead: check.args.lead });
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error.message);
  };

  return (
    <Dialog
      title="Team lead"
      onClose={onClose}
      testId="team-lead-dialog"
      footer={<SaveFooter saving={busy} onCancel={onClose} onSave={submit} saveLabel="Save team lead" />}
    >
      <div className="form">
        <SelectField
          id="team-lead-who"
          label="Who is the team lead?"
          hint="Called at the team-lead level of every runbook’s escalation path, and in drills."
          data-autofocus
          value={who}
          onChange={(e) => setWho(e.target.value)}
        >
          <option value={NOBODY}>— Not set: each runbook’s own contact —</option>
          {engineers
            .filter((e) => e.active || String(e.id) === who)
            .map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          <option value={CONTACT}>Someone outside the rotation…</option>
        </SelectField>
        {who === CONTACT && (
          <div className="form__row">
            <InputField
              id="team-lead-name"
              label="Name"
              autoComplete="off"
              value={name}
              error={problems['lead.name']}
              onChange={(e) => setName(e.target.value)}
            />
            <InputField
              id="team-lead-detail"
              label="Contact"
              hint="Email or phone, shown next to the name."
              autoComplete="off"
              value={detail}
              error={problems['lead.detail']}
              onChange={(e) => setDetail(e.target.value)}
            />
          </div>
        )}
        <FormMessage message={error} />
      </div>
    </Dialog>
  );
}
