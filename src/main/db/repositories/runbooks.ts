// Runbooks as rows (runbook, scenarios, steps, escalation levels) and their revisions as
// JSON snapshots. Every save writes the rows and a new revision in one transaction.
import type { Connection } from '../connection';
import type { EscalationLevel, EscalationRole, Id, Runbook, RunbookScenario } from '../../../shared/model';
import type { RunbookContent } from '../../../shared/domain/runbook';
import type { RevisionSummary } from '../../../shared/operations-views';

interface RunbookRow {
  id: number;
  pipeline_id: number;
  purpose: string;
  inputs: string;
  transformation: string;
  outputs: string;
  sla_text: string;
  dashboards: string;
  alert_thresholds: string;
  mitigations: string;
  updated_at: string;
  revision: number;
}

interface ScenarioRow {
  id: number;
  runbook_id: number;
  title: string;
  symptoms: string;
  checks: string;
}

interface StepRow {
  scenario_id: number;
  text: string;
}

interface LevelRow {
  id: number;
  runbook_id: number;
  role: EscalationRole;
  contact_name: string;
  contact_detail: string;
  after_minutes: number;
}

/** Runbook rows with their scenarios, steps and levels (each in position order), read in bulk. */
function toRunbooks(
  rows: readonly RunbookRow[],
  scenarioRows: readonly ScenarioRow[],
  stepRows: readonly StepRow[],
  levelRows: readonly LevelRow[],
): Runbook[] {
  const group = <T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> => {
    const groups = new Map<K, T[]>();
    for (const item of items) {
      const members = groups.get(key(item));
      if (members) members.push(item);
      else groups.set(key(item), [item]);
    }
    return groups;
  };
  const steps = group(stepRows, (s) => s.scenario_id);
  const scenarios = group(scenarioRows, (s) => s.runbook_id);
  const levels = group(levelRows, (l) => l.runbook_id);
  return rows.map((row) => ({
    id: row.id,
    pipelineId: row.pipeline_id,
    purpose: row.purpose,
    inputs: row.inputs,
    transformation: row.transformation,
    outputs: row.outputs,
    scenarios: (scenarios.get(row.id) ?? []).map((s): RunbookScenario => ({
      id: s.id,
      title: s.title,
      symptoms: s.symptoms,
      checks: s.checks,
      steps: (steps.get(s.id) ?? []).map((step) => step.text),
    })),
    slaText: row.sla_text,
    dashboards: JSON.parse(row.dashboards) as Runbook['dashboards'],
    alertThresholds: row.alert_thresholds,
    escalation: (levels.get(row.id) ?? []).map((l): EscalationLevel => ({
      id: l.id,
      role: l.role,
      contactName: l.contact_name,
      contactDetail: l.contact_detail,
      afterMinutes: l.after_minutes,
    })),
    mitigations: JSON.parse(row.mitigations) as string[],
    updatedAt: row.updated_at,
    revision: row.revision,
  }));
}

interface RevisionRow {
  revision: number;
  saved_at: string;
  note: string;
  drill_id: number | null;
  content: string;
}

const toSummary = (r: RevisionRow): RevisionSummary => ({
  revision: r.revision,
  savedAt: r.saved_at,
  note: r.note,
  drillId: r.drill_id,
});

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * A revision's JSON as content. Revisions written by older code (the seed's first revision
 * also carries pipelineId) are read field by field, so a missing field is empty, not an error.
 */
export function parseRevisionContent(json: string): RunbookContent {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const list = (value: unknown) => (Array.isArray(value) ? (value as Record<string, unknown>[]) : []);
  return {
    purpose: str(raw.purpose),
    inputs: str(raw.inputs),
    transformation: str(raw.transformation),
    outputs: str(raw.outputs),
    scenarios: list(raw.scenarios).map((s) => ({
      ...(typeof s.id === 'number' ? { id: s.id } : {}),
      title: str(s.title),
      symptoms: str(s.symptoms),
      checks: str(s.checks),
      steps: strings(s.steps),
    })),
    mitigations: strings(raw.mitigations),
    slaText: str(raw.slaText),
    dashboards: list(raw.dashboards).map((d) => ({ label: str(d.label), url: str(d.url) })),
    alertThresholds: str(raw.alertThresholds),
    escalation: list(raw.escalation).map((l) => ({
      role: str(l.role) as EscalationRole,
      contactName: str(l.contactName),
      contactDetail: str(l.contactDetail),
      afterMinutes: typeof l.afterMinutes === 'number' ? l.afterMinutes : 0,
    })),
  };
}

// Positions are unique per runbook; kept rows are parked out of the way before renumbering.
const PARKED_POSITION_OFFSET = 1_000_000;

export function runbooksRepository(db: Connection) {
  const byPipeline = db.prepare<[number], RunbookRow>('SELECT * FROM runbooks WHERE pipeline_id = ?');
  const all = db.prepare<[], RunbookRow>('SELECT * FROM runbooks ORDER BY pipeline_id');
  const scenariosOf = db.prepare<[number], ScenarioRow>(
    'SELECT id, runbook_id, title, symptoms, checks FROM runbook_scenarios WHERE runbook_id = ? ORDER BY position',
  );
  const allScenarios = db.prepare<[], ScenarioRow>(
    'SELECT id, runbook_id, title, symptoms, checks FROM runbook_scenarios ORDER BY runbook_id, position',
  );
  const stepsOfRunbook = db.prepare<[number], StepRow>(
    `SELECT s.scenario_id, s.text FROM runbook_steps s JOIN runbook_scenarios c ON c.id = s.scenario_id
     WHERE c.runbook_id = ? ORDER BY s.scenario_id, s.position`,
  );
  const allSteps = db.prepare<[], StepRow>(
    'SELECT scenario_id, text FROM runbook_steps ORDER BY scenario_id, position',
  );
  const levelsOf = db.prepare<[number], LevelRow>(
    'SELECT id, runbook_id, role, contact_name, contact_detail, after_minutes FROM escalation_levels WHERE runbook_id = ? ORDER BY position',
  );
  const allLevels = db.prepare<[], LevelRow>(
    'SELECT id, runbook_id, role, contact_name, contact_detail, after_minutes FROM escalation_levels ORDER BY runbook_id, position',
  );
  const insertRunbook = db.prepare(
    `INSERT INTO runbooks (pipeline_id, purpose, inputs, transformation, outputs, sla_text, dashboards,
       alert_thresholds, mitigations, updated_at, revision)
     VALUES (@pipelineId, @purpose, @inputs, @transformation, @outputs, @slaText, @dashboards,
       @alertThresholds, @mitigations, @updatedAt, @revision)`,
  );
  const updateRunbook = db.prepare(
    `UPDATE runbooks SET purpose = @purpose, inputs = @inputs, transformation = @transformation, outputs = @outputs,
       sla_text = @slaText, dashboards = @dashboards, alert_thresholds = @alertThresholds, mitigations = @mitigations,
       updated_at = @updatedAt, revision = @revision WHERE id = @id`,
  );
  const parkScenarios = db.prepare(
    `UPDATE runbook_scenarios SET position = position + ${PARKED_POSITION_OFFSET} WHERE runbook_id = ?`,
  );
  const deleteScenario = db.prepare('DELETE FROM runbook_scenarios WHERE id = ?');
  const updateScenario = db.prepare(
    'UPDATE runbook_scenarios SET position = ?, title = ?, symptoms = ?, checks = ? WHERE id = ?',
  );
  const insertScenario = db.prepare(
    'INSERT INTO runbook_scenarios (runbook_id, position, title, symptoms, checks) VALUES (?, ?, ?, ?, ?)',
  );
  const deleteSteps = db.prepare('DELETE FROM runbook_steps WHERE scenario_id = ?');
  const insertStep = db.prepare('INSERT INTO runbook_steps (scenario_id, position, text) VALUES (?, ?, ?)');
  const deleteLevels = db.prepare('DELETE FROM escalation_levels WHERE runbook_id = ?');
  const insertLevel = db.prepare(
    `INSERT INTO escalation_levels (runbook_id, position, role, contact_name, contact_detail, after_minutes)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertRevision = db.prepare(
    'INSERT INTO runbook_revisions (runbook_id, revision, saved_at, content, note, drill_id) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const revisionsOf = db.prepare<[number], RevisionRow>(
    'SELECT revision, saved_at, note, drill_id, content FROM runbook_revisions WHERE runbook_id = ? ORDER BY revision DESC',
  );
  const revisionOf = db.prepare<[number, number], RevisionRow>(
    'SELECT revision, saved_at, note, drill_id, content FROM runbook_revisions WHERE runbook_id = ? AND revision = ?',
  );
  const latestRevision = db.prepare<[number], { latest: number | null }>(
    'SELECT MAX(revision) AS latest FROM runbook_revisions WHERE runbook_id = ?',
  );
  const allPipelineIds = db.prepare<[], { pipeline_id: number }>('SELECT pipeline_id FROM runbooks');

  const get = (pipelineId: Id): Runbook | null => {
    const row = byPipeline.get(pipelineId);
    return row
      ? toRunbooks([row], scenariosOf.all(row.id), stepsOfRunbook.all(row.id), levelsOf.all(row.id))[0]!
      : null;
  };

  /**
   * Writes `content` as the runbook's current state and keeps it as a new revision. Scenario
   * rows are kept (so drills that point at them stay linked) when the content carries their
   * id, or else names an existing scenario's title; the others are replaced.
   */
  const save = db.transaction(
    (pipelineId: Id, content: RunbookContent, savedAt: string, note: string, drillId: Id | null = null): number => {
      const existing = byPipeline.get(pipelineId);
      // Revisions only grow, even if a runbook row was ever re-created.
      const revision = existing ? Math.max(existing.revision, latestRevision.get(existing.id)?.latest ?? 0) + 1 : 1;
      const fields = {
        pipelineId,
        purpose: content.purpose,
        inputs: content.inputs,
        transformation: content.transformation,
        outputs: content.outputs,
        slaText: content.slaText,
        dashboards: JSON.stringify(content.dashboards),
        alertThresholds: content.alertThresholds,
        mitigations: JSON.stringify(content.mitigations),
        updatedAt: savedAt,
        revision,
      };
      let runbookId: number;
      if (existing) {
        runbookId = existing.id;
        updateRunbook.run({ ...fields, id: runbookId });
      } else {
        runbookId = Number(insertRunbook.run(fields).lastInsertRowid);
      }

      const current = scenariosOf.all(runbookId);
      const unclaimed = new Map(current.map((s) => [s.id, s]));
      const claim = (scenario: RunbookContent['scenarios'][number]): number | null => {
        if (scenario.id !== undefined && unclaimed.has(scenario.id)) return scenario.id;
        const key = scenario.title.trim().toLowerCase();
        return [...unclaimed.values()].find((s) => s.title.trim().toLowerCase() === key)?.id ?? null;
      };
      const plan = content.scenarios.map((scenario) => {
        const keptId = claim(scenario);
        if (keptId !== null) unclaimed.delete(keptId);
        return { scenario, keptId };
      });
      for (const gone of unclaimed.keys()) deleteScenario.run(gone);
      parkScenarios.run(runbookId);
      const savedScenarios = plan.map(({ scenario, keptId }, position) => {
        let scenarioId: number;
        if (keptId !== null) {
          updateScenario.run(position, scenario.title, scenario.symptoms, scenario.checks, keptId);
          deleteSteps.run(keptId);
          scenarioId = keptId;
        } else {
          scenarioId = Number(
            insertScenario.run(runbookId, position, scenario.title, scenario.symptoms, scenario.checks).lastInsertRowid,
          );
        }
        scenario.steps.forEach((step, stepPosition) => insertStep.run(scenarioId, stepPosition, step));
        return { ...scenario, id: scenarioId };
      });

      deleteLevels.run(runbookId);
      content.escalation.forEach((level, position) =>
        insertLevel.run(runbookId, position, level.role, level.contactName, level.contactDetail, level.afterMinutes),
      );
      insertRevision.run(
        runbookId,
        revision,
        savedAt,
        JSON.stringify({ ...content, scenarios: savedScenarios }),
        note,
        drillId,
      );
      return revision;
    },
  );

  return {
    get,
    /** Every runbook, by pipeline: four queries however many runbooks, scenarios and steps there are. */
    list: (): Runbook[] => toRunbooks(all.all(), allScenarios.all(), allSteps.all(), allLevels.all()),
    save,
    pipelineIds: (): Id[] => allPipelineIds.all().map((r) => r.pipeline_id),
    revisions: (pipelineId: Id): RevisionSummary[] => {
      const row = byPipeline.get(pipelineId);
      return row ? revisionsOf.all(row.id).map(toSummary) : [];
    },
    revision: (pipelineId: Id, revision: number): (RevisionSummary & { content: RunbookContent }) | null => {
      const row = byPipeline.get(pipelineId);
      const found = row ? revisionOf.get(row.id, revision) : undefined;
      return found ? { ...toSummary(found), content: parseRevisionContent(found.content) } : null;
    },
  };
}
