// What a runbook must contain, and what changed between two of its revisions. The sections
// are the four the seed plans ask for; the Runbooks screen, Today and the plan export share
// these words.
import type { EscalationLevel, Id, ModelWarning, Pipeline, Runbook, RunbookScenario } from '../model';
import { ESCALATION_ROLE_LABELS } from './escalation';

export const RUNBOOK_SECTIONS = ['overview', 'scenarios', 'monitoring', 'escalation'] as const;
export type RunbookSection = (typeof RUNBOOK_SECTIONS)[number];

export const RUNBOOK_SECTION_LABELS: Record<RunbookSection, string> = {
  overview: 'Pipeline overview',
  scenarios: 'Failure scenarios',
  monitoring: 'Monitoring and alerting',
  escalation: 'Escalation',
};

/**
 * A runbook as edited and as kept in each revision. Scenario ids are optional: a save keeps
 * the rows (and the drills that point at them) of scenarios that carry their id.
 */
export interface RunbookContent {
  purpose: string;
  inputs: string;
  transformation: string;
  outputs: string;
  scenarios: (Omit<RunbookScenario, 'id'> & { id?: Id })[];
  mitigations: string[];
  slaText: string;
  dashboards: { label: string; url: string }[];
  alertThresholds: string;
  escalation: Omit<EscalationLevel, 'id'>[];
}

export function runbookContent(runbook: Runbook): RunbookContent {
  return {
    purpose: runbook.purpose,
    inputs: runbook.inputs,
    transformation: runbook.transformation,
    outputs: runbook.outputs,
    scenarios: runbook.scenarios.map((s) => ({
      id: s.id,
      title: s.title,
      symptoms: s.symptoms,
      checks: s.checks,
      steps: [...s.steps],
    })),
    mitigations: [...runbook.mitigations],
    slaText: runbook.slaText,
    dashboards: runbook.dashboards.map((d) => ({ ...d })),
    alertThresholds: runbook.alertThresholds,
    escalation: runbook.escalation.map(({ role, contactName, contactDetail, afterMinutes }) => ({
      role,
      contactName,
      contactDetail,
      afterMinutes,
    })),
  };
}

const blank = (text: string) => text.trim() === '';

type TextField = 'purpose' | 'inputs' | 'transformation' | 'outputs' | 'slaText' | 'alertThresholds';

const FIELD_LABELS: Record<TextField | 'scenarios' | 'mitigations' | 'dashboards' | 'escalation', string> = {
  purpose: 'Purpose',
  inputs: 'Input sources',
  transformation: 'Transformation',
  outputs: 'Outputs',
  scenarios: 'Failure scenarios',
  mitigations: 'Mitigations',
  slaText: 'SLA',
  dashboards: 'Dashboards',
  alertThresholds: 'Alert thresholds',
  escalation: 'Escalation levels',
};

/** Which section each part belongs to. A section is empty when all its parts are. */
const SECTION_PARTS: Record<RunbookSection, (keyof typeof FIELD_LABELS)[]> = {
  overview: ['purpose', 'inputs', 'transformation', 'outputs'],
  scenarios: ['scenarios', 'mitigations'],
  monitoring: ['slaText', 'dashboards', 'alertThresholds'],
  escalation: ['escalation'],
};

function partIsEmpty(content: RunbookContent, part: keyof typeof FIELD_LABELS): boolean {
  const value = content[part];
  return typeof value === 'string' ? blank(value) : value.length === 0;
}

export interface RunbookCompleteness {
  complete: boolean;
  /** Sections with nothing in them: what makes a runbook incomplete. */
  emptySections: RunbookSection[];
  /** Smaller holes worth filling, worded for the lead ("Monitoring and alerting: no dashboards"). */
  gaps: string[];
}

/**
 * A runbook is complete when none of its four sections is empty. Missing parts of a filled
 * section (no dashboards yet, a scenario without steps) are gaps: shown on the Runbooks
 * screen, but not a warning on Today, since the example team's plan itself lists dashboards
 * as a next step.
 */
export function runbookCompleteness(content: RunbookContent): RunbookCompleteness {
  const emptySections = RUNBOOK_SECTIONS.filter((section) =>
    SECTION_PARTS[section].every((part) => partIsEmpty(content, part)),
  );
  const gaps: string[] = [];
  for (const section of RUNBOOK_SECTIONS) {
    if (emptySections.includes(section)) continue;
    for (const part of SECTION_PARTS[section]) {
      if (partIsEmpty(content, part))
        gaps.push(`${RUNBOOK_SECTION_LABELS[section]}: no ${FIELD_LABELS[part].toLowerCase()}`);
    }
  }
  for (const scenario of content.scenarios) {
    if (scenario.steps.every(blank)) gaps.push(`Failure scenario '${scenario.title}' has no resolution steps`);
  }
  content.escalation.forEach((level, i) => {
    if (level.role === 'contact' && blank(level.contactName))
      gaps.push(`Escalation level ${i + 1} is a contact without a name`);
  });
  return { complete: emptySections.length === 0, emptySections, gaps };
}

/** Investor pipelines whose runbook has an empty section. (A missing runbook is ownershipWarnings' investor_without_runbook.) */
export function runbookWarnings(
  pipelines: readonly Pipeline[],
  runbooks: ReadonlyMap<Id, RunbookContent>,
): ModelWarning[] {
  const warnings: ModelWarning[] = [];
  for (const pipeline of pipelines) {
    const content = runbooks.get(pipeline.id);
    if (pipeline.retiredAt || pipeline.audience !== 'investors' || !content) continue;
    const { emptySections } = runbookCompleteness(content);
    if (emptySections.length === 0) continue;
    warnings.push({
      kind: 'investor_runbook_incomplete',
      message: `${pipeline.name} reports to investors but its runbook has nothing under ${emptySections.map((s) => RUNBOOK_SECTION_LABELS[s]).join(', ')}.`,
      link: { screen: 'runbooks', pipelineId: pipeline.id },
      engineerIds: [],
    });
  }
  return warnings;
}

// ---------------------------------------------------------------------------------------
// Differences between revisions

export interface TextChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** One entry of a list in its new order, with removed entries where they were. */
export interface ListEntry {
  op: 'same' | 'added' | 'removed';
  text: string;
}

export interface ListChange {
  field: string;
  label: string;
  entries: ListEntry[];
}

export type ScenarioChange =
  | { change: 'added' | 'removed'; title: string; steps: string[] }
  | { change: 'changed'; title: string; fields: TextChange[]; steps: ListEntry[] | null };

export interface SectionDiff {
  section: RunbookSection;
  label: string;
  fields: TextChange[];
  lists: ListChange[];
  scenarios: ScenarioChange[];
}

export interface RunbookDiff {
  changed: boolean;
  /** Only the sections that differ, in the runbook's order. */
  sections: SectionDiff[];
}

/** The entries of `before` and `after` aligned on their longest common subsequence. */
export function diffLists(before: readonly string[], after: readonly string[]): ListEntry[] {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const entries: ListEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      entries.push({ op: 'same', text: before[i]! });
      i += 1;
      j += 1;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      // Removals first, as a reader expects a replaced line: the old, then the new.
      entries.push({ op: 'removed', text: before[i]! });
      i += 1;
    } else {
      entries.push({ op: 'added', text: after[j]! });
      j += 1;
    }
  }
  return entries;
}

const listChanged = (entries: ListEntry[]) => entries.some((e) => e.op !== 'same');

function textChanges(before: RunbookContent, after: RunbookContent, fields: readonly TextField[]): TextChange[] {
  return fields
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field, label: FIELD_LABELS[field], before: before[field], after: after[field] }));
}

function listChange(field: keyof typeof FIELD_LABELS, before: string[], after: string[]): ListChange[] {
  const entries = diffLists(before, after);
  return listChanged(entries) ? [{ field, label: FIELD_LABELS[field], entries }] : [];
}

const titleKey = (title: string) => title.trim().toLowerCase();

/**
 * Scenarios are matched by title (ids are not stable across restores): a renamed scenario
 * shows as one removed and one added, which is also how a reader would check it.
 */
function scenarioChanges(before: RunbookContent['scenarios'], after: RunbookContent['scenarios']): ScenarioChange[] {
  const old = new Map(before.map((s) => [titleKey(s.title), s]));
  const changes: ScenarioChange[] = [];
  for (const scenario of after) {
    const previous = old.get(titleKey(scenario.title));
    if (!previous) {
      changes.push({ change: 'added', title: scenario.title, steps: [...scenario.steps] });
      continue;
    }
    old.delete(titleKey(scenario.title));
    const fields = (['title', 'symptoms', 'checks'] as const)
      .filter((f) => previous[f] !== scenario[f])
      .map((f) => ({
        field: f,
        label: f === 'title' ? 'Title' : f === 'symptoms' ? 'Symptoms' : 'Checks',
        before: previous[f],
        after: scenario[f],
      }));
    const steps = diffLists(previous.steps, scenario.steps);
    if (fields.length || listChanged(steps)) {
      changes.push({ change: 'changed', title: scenario.title, fields, steps: listChanged(steps) ? steps : null });
    }
  }
  for (const scenario of old.values())
    changes.push({ change: 'removed', title: scenario.title, steps: [...scenario.steps] });
  return changes;
}

/** An escalation level in words, so a level's change reads as one line replaced by another. */
export function describeLevel(level: Omit<EscalationLevel, 'id'>): string {
  const who = level.contactName.trim()
    ? `${ESCALATION_ROLE_LABELS[level.role]} (${level.contactName.trim()})`
    : ESCALATION_ROLE_LABELS[level.role];
  const detail = level.contactDetail.trim() ? `, ${level.contactDetail.trim()}` : '';
  return `after ${level.afterMinutes} min: ${who}${detail}`;
}

export function diffRunbooks(before: RunbookContent, after: RunbookContent): RunbookDiff {
  const sections: SectionDiff[] = [
    {
      section: 'overview',
      fields: textChanges(before, after, ['purpose', 'inputs', 'transformation', 'outputs']),
      lists: [],
      scenarios: [],
    },
    {
      section: 'scenarios',
      fields: [],
      lists: listChange('mitigations', before.mitigations, after.mitigations),
      scenarios: scenarioChanges(before.scenarios, after.scenarios),
    },
    {
      section: 'monitoring',
      fields: textChanges(before, after, ['slaText', 'alertThresholds']),
      lists: listChange(
        'dashboards',
        before.dashboards.map((d) => `${d.label} <${d.url}>`),
        after.dashboards.map((d) => `${d.label} <${d.url}>`),
      ),
      scenarios: [],
    },
    {
      section: 'escalation',
      fields: [],
      lists: listChange('escalation', before.escalation.map(describeLevel), after.escalation.map(describeLevel)),
      scenarios: [],
    },
  ].map((s) => ({
    ...s,
    section: s.section as RunbookSection,
    label: RUNBOOK_SECTION_LABELS[s.section as RunbookSection],
  }));
  const changed = sections.filter((s) => s.fields.length || s.lists.length || s.scenarios.length);
  return { changed: changed.length > 0, sections: changed };
}
