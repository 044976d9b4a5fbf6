import { ESCALATION_ROLE_LABELS } from '../../../shared/domain/escalation';
import { ESCALATION_ROLES, type EscalationRole } from '../../../shared/model';
import {
  emptyLevel,
  focusSoon,
  line,
  move,
  newKey,
  type DashboardDraft,
  type LevelDraft,
  type LineDraft,
} from './draft';

/** Up, down and remove for one item of a list; ids let focus follow the item. */
function Mover({
  idPrefix,
  index,
  count,
  name,
  onMove,
  onRemove,
}: {
  idPrefix: string;
  index: number;
  count: number;
  name: string;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  return (
    <div className="mover">
      <button
        type="button"
        id={`${idPrefix}-up`}
        className="button button--icon"
        disabled={index === 0}
        onClick={() => {
          onMove(-1);
          focusSoon(`${idPrefix}-up`, `${idPrefix}-down`);
        }}
        aria-label={`Move ${name} up`}
        title="Move up"
      >
        ↑
      </button>
      <button
        type="button"
        id={`${idPrefix}-down`}
        className="button button--icon"
        disabled={index === count - 1}
        onClick={() => {
          onMove(1);
          focusSoon(`${idPrefix}-down`, `${idPrefix}-up`);
        }}
        aria-label={`Move ${name} down`}
        title="Move down"
      >
        ↓
      </button>
      <button
        type="button"
        className="button button--icon"
        onClick={onRemove}
        aria-label={`Remove ${name}`}
        title="Remove"
      >
        ✕
      </button>
    </div>
  );
}

export function MitigationsEditor({ items, onChange }: { items: LineDraft[]; onChange: (items: LineDraft[]) => void }) {
  const add = () => {
    const item = line();
    onChange([...items, item]);
    focusSoon(`mitigation-${item.key}`);
  };
  return (
    <div className="lines">
      {items.length === 0 && <p className="muted">No mitigations yet: what keeps these failures from happening?</p>}
      <ul className="lines__list">
        {items.map((item, i) => (
          <li key={item.key} className="lines__item">
            <label className="sr-only" htmlFor={`mitigation-${item.key}`}>
              Mitigation {i + 1}
            </label>
            <input
              id={`mitigation-${item.key}`}
              className="input"
              value={item.text}
              placeholder="e.g. Pre-schedule report generation with retries"
              onChange={(e) => onChange(items.map((m) => (m.key === item.key ? { ...m, text: e.target.value } : m)))}
            />
            <Mover
              idPrefix={`mitigation-${item.key}`}
              index={i}
              count={items.length}
              name={`mitigation ${i + 1}`}
              onMove={(delta) => onChange(move(items, i, delta))}
              onRemove={() => {
                onChange(items.filter((m) => m.key !== item.key));
                focusSoon('add-mitigation');
              }}
            />
          </li>
        ))}
      </ul>
      <button type="button" id="add-mitigation" className="button button--quiet" onClick={add}>
        + Add mitigation
      </button>
    </div>
  );
}

export function DashboardsEditor({
  items,
  onChange,
}: {
  items: DashboardDraft[];
  onChange: (items: DashboardDraft[]) => void;
}) {
  const set = (key: number, patch: Partial<DashboardDraft>) =>
    onChange(items.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  const add = () => {
    const item = { key: newKey(), label: '', url: '' };
    onChange([...items, item]);
    focusSoon(`dashboard-${item.key}-label`);
  };
  return (
    <div className="lines">
      {items.length === 0 && <p className="muted">No dashboards linked yet.</p>}
      <ul className="lines__list">
        {items.map((item, i) => (
          <li key={item.key} className="lines__item lines__item--dashboard">
            <label className="sr-only" htmlFor={`dashboard-${item.key}-label`}>
              Label of dashboard {i + 1}
            </label>
            <input
              id={`dashboard-${item.key}-label`}
              className="input"
              value={item.label}
              placeholder="Label"
              onChange={(e) => set(item.key, { label: e.target.value })}
            />
            <label className="sr-only" htmlFor={`dashboard-${item.key}-url`}>
              Address of dashboard {i + 1}
            </label>
            <input
              id={`dashboard-${item.key}-url`}
              className="input"
              type="url"
              value={item.url}
              placeholder="https://…"
              onChange={(e) => set(item.key, { url: e.target.value })}
            />
            {/^https?:\/\//.test(item.url.trim()) ? (
              <a className="lines__link" href={item.url.trim()} target="_blank" rel="noreferrer">
                Open<span className="sr-only"> {item.label || `dashboard ${i + 1}`}</span>
              </a>
            ) : (
              <span className="lines__link" aria-hidden="true" />
            )}
            <Mover
              idPrefix={`dashboard-${item.key}`}
              index={i}
              count={items.length}
              name={`dashboard ${i + 1}`}
              onMove={(delta) => onChange(move(items, i, delta))}
              onRemove={() => {
                onChange(items.filter((d) => d.key !== item.key));
                focusSoon('add-dashboard');
              }}
            />
          </li>
        ))}
      </ul>
      <button type="button" id="add-dashboard" className="button button--quiet" onClick={add}>
        + Add dashboard
      </button>
    </div>
  );
}

const ROLE_HINTS: Record<EscalationRole, string> = {
  oncall_primary: 'whoever is primary on call then',
  oncall_secondary: 'whoever is secondary on call then',
  pipeline_primary: 'the pipeline’s primary owner',
  pipeline_secondary: 'the pipeline’s secondary owner',
  team_lead: 'the team lead setting, else the name here',
  contact: 'the person named here',
};

export function EscalationEditor({
  levels,
  onChange,
}: {
  levels: LevelDraft[];
  onChange: (levels: LevelDraft[]) => void;
}) {
  const set = (key: number, patch: Partial<LevelDraft>) =>
    onChange(levels.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const add = () => {
    const last = levels[levels.length - 1];
    const level = emptyLevel(last ? Number(last.afterMinutes) + 15 || 0 : 0);
    onChange([...levels, level]);
    focusSoon(`level-${level.key}-role`);
  };
  return (
    <div className="levels">
      {levels.length === 0 ? (
        <p className="muted">
          No escalation path yet. Add levels in the order they are called: usually the on-call primary at once, the
          secondary after 15 minutes, then the pipeline’s owners and the team lead.
        </p>
      ) : (
        <div className="levels__head" aria-hidden="true">
          <span>Level</span>
          <span>Role</span>
          <span>Contact name</span>
          <span>How to reach them</span>
          <span>After min.</span>
          <span />
        </div>
      )}
      <ol className="levels__list">
        {levels.map((level, i) => {
          const id = (part: string) => `level-${level.key}-${part}`;
          const needsName = level.role === 'contact';
          return (
            <li key={level.key} className="level" data-testid="escalation-level">
              <span className="level__number">{i + 1}</span>
              <div>
                <label className="sr-only" htmlFor={id('role')}>
                  Role of level {i + 1}
                </label>
                <select
                  id={id('role')}
                  className="input"
                  value={level.role}
                  onChange={(e) => set(level.key, { role: e.target.value as EscalationRole })}
                  aria-describedby={id('hint')}
                >
                  {ESCALATION_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {ESCALATION_ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
                <span id={id('hint')} className="level__hint muted">
                  {ROLE_HINTS[level.role]}
                </span>
              </div>
              <div>
                <label className="sr-only" htmlFor={id('name')}>
                  Contact name of level {i + 1}
                </label>
                <input
                  id={id('name')}
                  className="input"
                  value={level.contactName}
                  placeholder={needsName ? 'Name (required)' : 'Optional'}
                  aria-invalid={(needsName && level.contactName.trim() === '') || undefined}
                  onChange={(e) => set(level.key, { contactName: e.target.value })}
                />
              </div>
              <div>
                <label className="sr-only" htmlFor={id('detail')}>
                  How to reach level {i + 1}
                </label>
                <input
                  id={id('detail')}
                  className="input"
                  value={level.contactDetail}
                  placeholder="Phone, e-mail, channel"
                  onChange={(e) => set(level.key, { contactDetail: e.target.value })}
                />
              </div>
              <div>
                <label className="sr-only" htmlFor={id('after')}>
                  Level {i + 1} is called after how many minutes
                </label>
                <input
                  id={id('after')}
                  className="input level__minutes"
                  type="number"
                  min={0}
                  step={5}
                  value={level.afterMinutes}
                  onChange={(e) => set(level.key, { afterMinutes: e.target.value })}
                />
              </div>
              <Mover
                idPrefix={`level-${level.key}`}
                index={i}
                count={levels.length}
                name={`escalation level ${i + 1}`}
                onMove={(delta) => onChange(move(levels, i, delta))}
                onRemove={() => {
                  onChange(levels.filter((l) => l.key !== level.key));
                  focusSoon('add-level');
                }}
              />
            </li>
          );
        })}
      </ol>
      <button type="button" id="add-level" className="button button--quiet" onClick={add}>
        + Add escalation level
      </button>
    </div>
  );
}
