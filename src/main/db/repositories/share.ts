// Reads for what Watchbill shares: the SLAs, runbooks, risks, drills and reviews that go into
// the plan document and the calendar files. Kept apart from plan.ts (which writes them) so
// the export can read the model as it stands without depending on the editors' code.
import type { Connection } from '../connection';
import type {
  DrillOutcome,
  DrillStatus,
  EscalationLevel,
  Id,
  IsoInstant,
  OwnershipReview,
  Risk,
  Runbook,
  Sla,
  SlaRule,
} from '../../../shared/model';
import type { DrillParticipant } from '../../../shared/domain/drills';
import { drillParticipantsReader } from './drills';

/** A drill as the calendar and the plan show it. */
export interface DrillSummary {
  id: Id;
  pipelineId: Id;
  scenarioTitle: string;
  scheduledAt: IsoInstant;
  status: DrillStatus;
  startedAt: IsoInstant | null;
  finishedAt: IsoInstant | null;
  outcome: DrillOutcome | null;
  findings: string;
  facilitatorId: Id | null;
  participants: DrillParticipant[];
}

interface SlaRow {
  id: number;
  pipeline_id: number;
  kind: SlaRule['kind'];
  time_of_day: string | null;
  weekday: number | null;
  hours: number | null;
  event: string | null;
  time_zone: string;
  description: string;
  why_it_matters: string;
}

function toRule(r: SlaRow): SlaRule {
  switch (r.kind) {
    case 'daily':
      return { kind: 'daily', time: r.time_of_day ?? '00:00' };
    case 'weekly':
      return { kind: 'weekly', weekday: r.weekday ?? 1, time: r.time_of_day ?? '00:00' };
    case 'next_business_day':
      return { kind: 'next_business_day', time: r.time_of_day ?? '00:00' };
    case 'within_hours':
      return { kind: 'within_hours', hours: r.hours ?? 0, event: r.event ?? '' };
  }
}

export function shareRepository(db: Connection) {
  const slas = db.prepare<[], SlaRow>('SELECT * FROM slas ORDER BY pipeline_id, id');
  const runbooks = db.prepare<[], Record<string, unknown>>('SELECT * FROM runbooks ORDER BY pipeline_id');
  const scenarios = db.prepare<[number], { id: number; title: string; symptoms: string; checks: string }>(
    'SELECT id, title, symptoms, checks FROM runbook_scenarios WHERE runbook_id = ? ORDER BY position',
  );
  const steps = db.prepare<[number], { text: string }>(
    'SELECT text FROM runbook_steps WHERE scenario_id = ? ORDER BY position',
  );
  const levels = db.prepare<[number], Record<string, unknown>>(
    'SELECT * FROM escalation_levels WHERE runbook_id = ? ORDER BY position',
  );
  const risks = db.prepare<[], Record<string, unknown>>(
    'SELECT * FROM risks ORDER BY category, likelihood * impact DESC, id',
  );
  const riskPipelines = db.prepare<[number], { pipeline_id: number }>(
    'SELECT pipeline_id FROM risk_pipelines WHERE risk_id = ? ORDER BY pipeline_id',
  );
  const drills = db.prepare<[string, string], Record<string, unknown>>(
    `SELECT * FROM drills WHERE status IN ('planned', 'running', 'finished')
       AND scheduled_at >= ? AND scheduled_at < ? ORDER BY scheduled_at, id`,
  );
  const participantsOf = drillParticipantsReader(db);
  const reviews = db.prepare<[], Record<string, unknown>>(
    'SELECT * FROM ownership_reviews ORDER BY reviewed_on DESC, id DESC',
  );

  return {
    slas: (): Sla[] =>
      slas.all().map((r) => ({
        id: r.id,
        pipelineId: r.pipeline_id,
        rule: toRule(r),
        timeZone: r.time_zone,
        description: r.description,
        whyItMatters: r.why_it_matters,
      })),
    runbooks: (): Runbook[] =>
      runbooks.all().map((r) => {
        const id = r.id as number;
        return {
          id,
          pipelineId: r.pipeline_id as number,
          purpose: r.purpose as string,
          inputs: r.inputs as string,
          transformation: r.transformation as string,
          outputs: r.outputs as string,
          scenarios: scenarios.all(id).map((s) => ({ ...s, steps: steps.all(s.id).map((step) => step.text) })),
          slaText: r.sla_text as string,
          dashboards: JSON.parse(r.dashboards as string) as Runbook['dashboards'],
          alertThresholds: r.alert_thresholds as string,
          escalation: levels.all(id).map((l): EscalationLevel => ({
            id: l.id as number,
            role: l.role as EscalationLevel['role'],
            contactName: l.contact_name as string,
            contactDetail: l.contact_detail as string,
            afterMinutes: l.after_minutes as number,
          })),
          mitigations: JSON.parse(r.mitigations as string) as string[],
          updatedAt: r.updated_at as string,
          revision: r.revision as number,
        };
      }),
    risks: (): Risk[] =>
      risks.all().map((r) => ({
        id: r.id as number,
        category: r.category as Risk['category'],
        title: r.title as string,
        description: r.description as string,
        likelihood: r.likelihood as number,
        impact: r.impact as number,
        mitigation: r.mitigation as string,
        ownerId: r.owner_id as number | null,
        pipelineIds: riskPipelines.all(r.id as number).map((p) => p.pipeline_id),
        status: r.status as Risk['status'],
        reviewDate: r.review_date as string | null,
      })),
    /** Planned, running and finished drills scheduled in [from, to); cancelled ones are left out. */
    drills: (from: IsoInstant, to: IsoInstant): DrillSummary[] =>
      drills.all(from, to).map((d) => ({
        id: d.id as number,
        pipelineId: d.pipeline_id as number,
        scenarioTitle: d.scenario_title as string,
        scheduledAt: d.scheduled_at as string,
        status: d.status as DrillStatus,
        startedAt: d.started_at as string | null,
        finishedAt: d.finished_at as string | null,
        outcome: d.outcome as DrillOutcome | null,
        findings: d.findings as string,
        facilitatorId: d.facilitator_id as number | null,
        participants: participantsOf(d.id as number),
      })),
    ownershipReviews: (): OwnershipReview[] =>
      reviews.all().map((r) => ({
        id: r.id as number,
        quarter: r.quarter as string,
        reviewedOn: r.reviewed_on as string,
        checklist: JSON.parse(r.checklist as string) as Record<string, boolean>,
        decisions: r.decisions as string,
        notes: r.notes as string,
      })),
  };
}
