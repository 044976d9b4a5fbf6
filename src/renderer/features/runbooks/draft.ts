// The runbook as the editor holds it: the saved content plus stable keys for list items (so
// React keeps focus and input state when steps move), and back again for saving.
import type { RunbookContent } from '../../../shared/domain/runbook';
import type { EscalationRole, Id, Pipeline } from '../../../shared/model';

export interface LineDraft {
  key: number;
  text: string;
}

export interface ScenarioDraft {
  key: number;
  id?: Id;
  title: string;
  symptoms: string;
  checks: string;
  steps: LineDraft[];
}

export interface DashboardDraft {
  key: number;
  label: string;
  url: string;
}

export interface LevelDraft {
  key: number;
  role: EscalationRole;
  contactName: string;
  contactDetail: string;
  /** As typed; checked before saving. */
  afterMinutes: string;
}

export interface RunbookDraft {
  purpose: string;
  inputs: string;
  transformation: string;
  outputs: string;
  scenarios: ScenarioDraft[];
  mitigations: LineDraft[];
  slaText: string;
  dashboards: DashboardDraft[];
  alertThresholds: string;
  escalation: LevelDraft[];
}

let lastKey = 0;
export const newKey = (): number => (lastKey += 1);

export const line = (text = ''): LineDraft => ({ key: newKey(), text });

export const emptyScenario = (): ScenarioDraft => ({
  key: newKey(),
  title: '',
  symptoms: '',
  checks: '',
  steps: [line()],
});

export const emptyLevel = (afterMinutes: number): LevelDraft => ({
  key: newKey(),
  role: 'oncall_primary',
  contactName: '',
  contactDetail: '',
  afterMinutes: String(afterMinutes),
});

/**
 * The editor's starting point. A pipeline without a runbook starts from its own overview
 * (purpose, inputs, transformation, outputs), which is what the runbook's overview repeats.
 */
export function toDraft(content: RunbookContent | null, pipeline: Pipeline): RunbookDraft {
  if (!content) {
    return {
      purpose: pipeline.purpose,
      inputs: pipeline.inputSources,
      transformation: pipeline.transformation,
      outputs: pipeline.outputs,
      scenarios: [],
      mitigations: [],
      slaText: '',
      dashboards: [],
      alertThresholds: '',
      escalation: [],
    };
  }
  return {
    purpose: content.purpose,
    inputs: content.inputs,
    transformation: content.transformation,
    outputs: content.outputs,
    scenarios: content.scenarios.map((s) => ({
      key: newKey(),
      ...(s.id === undefined ? {} : { id: s.id }),
      title: s.title,
      symptoms: s.symptoms,
      checks: s.checks,
      steps: s.steps.map((text) => line(text)),
    })),
    mitigations: content.mitigations.map((text) => line(text)),
    slaText: content.slaText,
    dashboards: content.dashboards.map((d) => ({ key: newKey(), label: d.label, url: d.url })),
    alertThresholds: content.alertThresholds,
    escalation: content.escalation.map((l) => ({
      key: newKey(),
      role: l.role,
      contactName: l.contactName,
      contactDetail: l.contactDetail,
      afterMinutes: String(l.afterMinutes),
    })),
  };
}

const filled = (text: string) => text.trim() !== '';

/** What is saved: blank steps, mitigations and dashboard rows are left out, text is trimmed. */
export function toContent(draft: RunbookDraft): RunbookContent {
  return {
    purpose: draft.purpose.trim(),
    inputs: draft.inputs.trim(),
    transformation: draft.transformation.trim(),
    outputs: draft.outputs.trim(),
    scenarios: draft.scenarios.map((s) => ({
      ...(s.id === undefined ? {} : { id: s.id }),
      title: s.title.trim(),
      symptoms: s.symptoms.trim(),
      checks: s.checks.trim(),
      steps: s.steps.map((step) => step.text.trim()).filter(filled),
    })),
    mitigations: draft.mitigations.map((m) => m.text.trim()).filter(filled),
    slaText: draft.slaText.trim(),
    dashboards: draft.dashboards
      .filter((d) => filled(d.label) || filled(d.url))
      .map((d) => ({ label: d.label.trim(), url: d.url.trim() })),
    alertThresholds: draft.alertThresholds.trim(),
    escalation: draft.escalation.map((l) => ({
      role: l.role,
      contactName: l.contactName.trim(),
      contactDetail: l.contactDetail.trim(),
      afterMinutes: Number(l.afterMinutes),
    })),
  };
}

const MAX_MINUTES = 7 * 24 * 60;

function isUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Why the draft cannot be saved yet, in the lead's words; empty when it can. */
export function draftProblems(draft: RunbookDraft): string[] {
  const problems: string[] = [];
  draft.scenarios.forEach((s, i) => {
    if (!filled(s.title)) problems.push(`Failure scenario ${i + 1} needs a title.`);
  });
  const titles = draft.scenarios.map((s) => s.title.trim().toLowerCase()).filter(Boolean);
  const twice = titles.find((t, i) => titles.indexOf(t) !== i);
  if (twice) problems.push(`Two failure scenarios are called “${twice}”: give each its own title.`);
  draft.dashboards.forEach((d, i) => {
    if (!filled(d.label) && !filled(d.url)) return;
    if (!filled(d.label)) problems.push(`Dashboard ${i + 1} needs a label.`);
    if (!isUrl(d.url.trim()))
      problems.push(`Dashboard ${i + 1} needs a web address starting with https:// or http://.`);
  });
  draft.escalation.forEach((l, i) => {
    const minutes = Number(l.afterMinutes);
    if (l.afterMinutes.trim() === '' || !Number.isInteger(minutes) || minutes < 0 || minutes > MAX_MINUTES)
      problems.push(`Escalation level ${i + 1}: “after minutes” must be a whole number from 0 to ${MAX_MINUTES}.`);
    if (l.role === 'contact' && !filled(l.contactName))
      problems.push(`Escalation level ${i + 1} is a contact without a name.`);
  });
  return problems;
}

/** The list with the item at `index` moved by `delta` places (clamped to the list). */
export function move<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, index + delta));
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  if (item !== undefined) copy.splice(target, 0, item);
  return copy;
}

/** Moves keyboard focus after React has drawn the change. */
export function focusSoon(...ids: string[]): void {
  requestAnimationFrame(() => {
    for (const id of ids) {
      const el = document.getElementById(id);
      if (el && !(el as HTMLButtonElement).disabled) {
        el.focus();
        return;
      }
    }
  });
}
