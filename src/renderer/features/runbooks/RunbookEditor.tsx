import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  RUNBOOK_SECTION_LABELS,
  runbookCompleteness,
  runbookContent,
  type RunbookSection,
} from '../../../shared/domain/runbook';
import type { RunbookView } from '../../../shared/operations-views';
import { saveRunbook } from './runbook-saves';
import { draftProblems, toContent, toDraft, type RunbookDraft } from './draft';
import { DashboardsEditor, EscalationEditor, MitigationsEditor } from './ListEditors';
import { ScenariosEditor } from './ScenarioEditor';

/**
 * The structured editor of one runbook. It is keyed by pipeline and revision, so a save or
 * a restore starts it afresh from what was stored.
 */
export function RunbookEditor({
  view,
  onSaved,
  onDirtyChange,
}: {
  view: RunbookView;
  onSaved: (revision: number) => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const initial = useMemo(
    () => toDraft(view.runbook ? runbookContent(view.runbook) : null, view.pipeline),
    [view.runbook, view.pipeline],
  );
  const [draft, setDraft] = useState<RunbookDraft>(initial);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const content = useMemo(() => toContent(draft), [draft]);
  const dirty = useMemo(
    () => !view.runbook || JSON.stringify(content) !== JSON.stringify(toContent(initial)),
    [content, initial, view.runbook],
  );
  const problems = useMemo(() => draftProblems(draft), [draft]);
  // The same rule the picker and Today use: a section with nothing in it makes the runbook incomplete.
  const completeness = useMemo(() => runbookCompleteness(content), [content]);
  const empty = new Set<RunbookSection>(completeness.emptySections);

  useEffect(() => onDirtyChange(dirty && view.runbook !== null), [dirty, view.runbook, onDirtyChange]);

  const set = <K extends keyof RunbookDraft>(key: K, value: RunbookDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const save = async () => {
    if (problems.length || saving) return;
    setSaving(true);
    setError(null);
    const result = await saveRunbook(view.pipeline.id, content, note);
    setSaving(false);
    if (result.ok) onSaved(result.value.runbook?.revision ?? 0);
    else setError(result.error.message);
  };

  const text = (
    key: 'purpose' | 'inputs' | 'transformation' | 'outputs' | 'slaText' | 'alertThresholds',
    label: string,
    placeholder: string,
  ) => (
    <div>
      <label className="field__label" htmlFor={`runbook-${key}`}>
        {label}
      </label>
      <textarea
        id={`runbook-${key}`}
        className="input"
        rows={2}
        value={draft[key]}
        placeholder={placeholder}
        onChange={(e) => set(key, e.target.value)}
      />
    </div>
  );

  return (
    <div className="runbook-editor" data-testid="runbook-editor">
      <div className="savebar" role="group" aria-label="Save the runbook">
        <div className="savebar__note">
          <label className="field__label" htmlFor="revision-note">
            What changed (revision note)
          </label>
          <input
            id="revision-note"
            className="input"
            value={note}
            placeholder="e.g. Added the schema-drift scenario after the November drill"
            onChange={(e) => setNote(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void save();
            }}
          />
        </div>
        <div className="savebar__actions">
          <span className="savebar__status" aria-live="polite">
            {saving
              ? 'Saving…'
              : view.runbook
                ? dirty
                  ? 'Unsaved changes'
                  : `Revision ${view.runbook.revision}`
                : 'Not saved yet'}
          </span>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void save()}
            disabled={saving || problems.length > 0 || (!dirty && view.runbook !== null)}
          >
            {view.runbook ? 'Save runbook' : 'Create runbook'}
          </button>
        </div>
      </div>
      {(problems.length > 0 || error) && (
        <div className="notice notice--error savebar__problems">
          {error && <p>{error}</p>}
          {problems.length > 0 && (
            <>
              <p>Before saving:</p>
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {!view.runbook && (
        <div className="notice">
          <p className="notice__title">{view.pipeline.name} has no runbook yet</p>
          <p className="muted">
            The overview below starts from the pipeline’s details. Add failure scenarios, monitoring and an escalation
            path, then create the runbook.
          </p>
        </div>
      )}

      <Section section="overview" empty={empty.has('overview')}>
        <div className="form__row">
          {text('purpose', 'Purpose', 'Why the pipeline exists, who reads it')}
          {text('inputs', 'Input sources', 'Tables, systems, files it reads')}
        </div>
        <div className="form__row">
          {text('transformation', 'Transformation', 'What it computes')}
          {text('outputs', 'Outputs', 'Tables, reports, dashboards it produces')}
        </div>
      </Section>

      <Section section="scenarios" empty={empty.has('scenarios')} count={draft.scenarios.length}>
        <ScenariosEditor scenarios={draft.scenarios} onChange={(scenarios) => set('scenarios', scenarios)} />
        <h3 className="runbook-section__sub">Mitigations</h3>
        <MitigationsEditor items={draft.mitigations} onChange={(items) => set('mitigations', items)} />
      </Section>

      <Section section="monitoring" empty={empty.has('monitoring')}>
        <div className="form__row">
          {text('slaText', 'SLA', 'e.g. Ready for investors by 9 AM the next business day')}
          {text('alertThresholds', 'Alert thresholds', 'e.g. Alert when not ready by 7 AM')}
        </div>
        <h3 className="runbook-section__sub">Dashboards</h3>
        <DashboardsEditor items={draft.dashboards} onChange={(items) => set('dashboards', items)} />
      </Section>

      <Section section="escalation" empty={empty.has('escalation')} count={draft.escalation.length}>
        <EscalationEditor levels={draft.escalation} onChange={(levels) => set('escalation', levels)} />
      </Section>
    </div>
  );
}

function Section({
  section,
  empty,
  count,
  children,
}: {
  section: RunbookSection;
  empty: boolean;
  count?: number;
  children: ReactNode;
}) {
  const id = `section-${section}`;
  return (
    <section className="panel runbook-section" aria-labelledby={id}>
      <h2 id={id} className="panel__title">
        {RUNBOOK_SECTION_LABELS[section]}
        {count !== undefined && <span className="count">{count}</span>}
        {empty && <span className="flag flag--due">empty</span>}
      </h2>
      {children}
    </section>
  );
}
