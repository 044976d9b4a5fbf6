// SLAs, runbooks and risks: the parts of the management plan besides owners and rotation.
import type { Connection } from '../connection';
import type { EscalationLevel, Id, Risk, RunbookScenario, Sla } from '../../../shared/model';

export interface RunbookDraft {
  pipelineId: Id;
  purpose: string;
  inputs: string;
  transformation: string;
  outputs: string;
  slaText: string;
  dashboards: { label: string; url: string }[];
  alertThresholds: string;
  mitigations: string[];
  scenarios: Omit<RunbookScenario, 'id'>[];
  escalation: Omit<EscalationLevel, 'id'>[];
}

export function planRepository(db: Connection) {
  const insertSla = db.prepare(
    `INSERT INTO slas (pipeline_id, kind, time_of_day, weekday, hours, event, time_zone, description, why_it_matters)
     VALUES (@pipelineId, @kind, @time, @weekday, @hours, @event, @timeZone, @description, @whyItMatters)`,
  );
  const insertRunbook = db.prepare(
    `INSERT INTO runbooks (pipeline_id, purpose, inputs, transformation, outputs, sla_text, dashboards,
       alert_thresholds, mitigations, updated_at, revision)
     VALUES (@pipelineId, @purpose, @inputs, @transformation, @outputs, @slaText, @dashboards,
       @alertThresholds, @mitigations, @updatedAt, 1)`,
  );
  const insertScenario = db.prepare(
    'INSERT INTO runbook_scenarios (runbook_id, position, title, symptoms, checks) VALUES (?, ?, ?, ?, ?)',
  );
  const insertStep = db.prepare('INSERT INTO runbook_steps (scenario_id, position, text) VALUES (?, ?, ?)');
  const insertLevel = db.prepare(
    `INSERT INTO escalation_levels (runbook_id, position, role, contact_name, contact_detail, after_minutes)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertRevision = db.prepare(
    'INSERT INTO runbook_revisions (runbook_id, revision, saved_at, content, note) VALUES (?, ?, ?, ?, ?)',
  );
  const pipelinesWithRunbook = db.prepare<[], { pipeline_id: number }>('SELECT pipeline_id FROM runbooks');
  const insertRisk = db.prepare(
    `INSERT INTO risks (category, title, description, likelihood, impact, mitigation, owner_id, status, review_date)
     VALUES (@category, @title, @description, @likelihood, @impact, @mitigation, @ownerId, @status, @reviewDate)`,
  );
  const linkRisk = db.prepare('INSERT INTO risk_pipelines (risk_id, pipeline_id) VALUES (?, ?)');

  return {
    insertSla: (sla: Omit<Sla, 'id'>): Id => {
      const rule = sla.rule;
      return Number(
        insertSla.run({
          pipelineId: sla.pipelineId,
          kind: rule.kind,
          time: 'time' in rule ? rule.time : null,
          weekday: rule.kind === 'weekly' ? rule.weekday : null,
          hours: rule.kind === 'within_hours' ? rule.hours : null,
          event: rule.kind === 'within_hours' ? rule.event : null,
          timeZone: sla.timeZone,
          description: sla.description,
          whyItMatters: sla.whyItMatters,
        }).lastInsertRowid,
      );
    },
    /** A runbook with its scenarios, steps and escalation, and its first revision, as one write. */
    insertRunbook: db.transaction((draft: RunbookDraft, savedAt: string): Id => {
      const runbookId = Number(
        insertRunbook.run({
          ...draft,
          dashboards: JSON.stringify(draft.dashboards),
          mitigations: JSON.stringify(draft.mitigations),
          updatedAt: savedAt,
        }).lastInsertRowid,
      );
      draft.scenarios.forEach((s, position) => {
        const scenarioId = Number(
          insertScenario.run(runbookId, position, s.title, s.symptoms, s.checks).lastInsertRowid,
        );
        s.steps.forEach((step, stepPosition) => insertStep.run(scenarioId, stepPosition, step));
      });
      draft.escalation.forEach((level, position) =>
        insertLevel.run(runbookId, position, level.role, level.contactName, level.contactDetail, level.afterMinutes),
      );
      insertRevision.run(runbookId, 1, savedAt, JSON.stringify(draft), 'Initial revision');
      return runbookId;
    }),
    pipelineIdsWithRunbook: (): Set<Id> => new Set(pipelinesWithRunbook.all().map((r) => r.pipeline_id)),
    insertRisk: db.transaction((risk: Omit<Risk, 'id'>): Id => {
      const riskId = Number(insertRisk.run(risk).lastInsertRowid);
      for (const pipelineId of risk.pipelineIds) linkRisk.run(riskId, pipelineId);
      return riskId;
    }),
  };
}
