// Argument schemas of the operations channels (pipelines, ownership review, runbooks, escalation,
// SLAs, risks), built from the primitives in schemas.ts.
import { z } from 'zod';
import { AUDIENCES, ESCALATION_ROLES, RISK_CATEGORIES, RISK_STATUSES } from '../model';
import { nameField } from '../domain/engineer';
import { REVIEW_CHECKLIST } from '../domain/ownership';
import { id, isoDate, isoInstant, timeOfDay, timeZone } from './schemas';

const name = nameField;
const text = z.string().max(20_000);
const shortText = z.string().max(2_000);

export const areaInput = z.object({ name }).strict();

export const pipelineInput = z
  .object({
    id: id.optional(),
    name,
    areaId: id.nullable(),
    audience: z.enum(AUDIENCES),
    purpose: text.default(''),
    inputSources: text.default(''),
    transformation: text.default(''),
    outputs: text.default(''),
    // The rotation that answers for the pipeline; null leaves it unrouted (a warning).
    rotationId: id.nullable().default(null),
  })
  .strict();

/** retired: false brings a retired pipeline back into service. */
export const retireArgs = z.object({ pipelineId: id, retired: z.boolean().default(true) }).strict();

export const matrixArgs = z.object({ at: isoInstant.optional() }).strict();

const checklistKeys = REVIEW_CHECKLIST.map((item) => item.key) as [string, ...string[]];

export const reviewInput = z
  .object({
    id: id.optional(),
    reviewedOn: isoDate,
    checklist: z.partialRecord(z.enum(checklistKeys), z.boolean()).default({}),
    decisions: text.default(''),
    notes: text.default(''),
  })
  .strict();

export const reviewRef = z.object({ reviewId: id }).strict();

const scenarioInput = z
  .object({
    id: id.optional(),
    title: name,
    symptoms: text.default(''),
    checks: text.default(''),
    steps: z.array(z.string().trim().min(1, 'a step must not be empty').max(2_000)).max(100).default([]),
  })
  .strict();

const escalationLevelInput = z
  .object({
    role: z.enum(ESCALATION_ROLES),
    contactName: shortText.default(''),
    contactDetail: shortText.default(''),
    afterMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60),
  })
  .strict()
  .refine((l) => l.role !== 'contact' || l.contactName.trim() !== '', {
    message: 'a contact needs a name',
    path: ['contactName'],
  });

export const runbookContentInput = z
  .object({
    purpose: text.default(''),
    inputs: text.default(''),
    transformation: text.default(''),
    outputs: text.default(''),
    scenarios: z.array(scenarioInput).max(100).default([]),
    mitigations: z.array(z.string().trim().min(1).max(2_000)).max(100).default([]),
    slaText: text.default(''),
    dashboards: z
      .array(z.object({ label: name, url: z.url() }).strict())
      .max(50)
      .default([]),
    alertThresholds: text.default(''),
    escalation: z.array(escalationLevelInput).max(20).default([]),
  })
  .strict();

export const runbookSaveArgs = z
  .object({ pipelineId: id, content: runbookContentInput, note: shortText.default('') })
  .strict();

const revision = z.number().int().min(1);
export const revisionRef = z.object({ pipelineId: id, revision }).strict();
export const revisionDiffArgs = z.object({ pipelineId: id, from: revision, to: revision }).strict();

export const whoArgs = z.object({ pipelineId: id, at: isoInstant.optional() }).strict();

export const teamLeadInput = z
  .object({
    lead: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('engineer'), engineerId: id }).strict(),
        z.object({ kind: z.literal('contact'), name, detail: shortText.default('') }).strict(),
      ])
      .nullable(),
  })
  .strict();

export const slaRuleInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('daily'), time: timeOfDay }).strict(),
  z.object({ kind: z.literal('weekly'), weekday: z.number().int().min(0).max(6), time: timeOfDay }).strict(),
  z.object({ kind: z.literal('next_business_day'), time: timeOfDay }).strict(),
  z
    .object({
      kind: z.literal('within_hours'),
      hours: z
        .number()
        .positive()
        .max(24 * 366),
      event: name,
    })
    .strict(),
]);

export const slaInput = z
  .object({
    id: id.optional(),
    pipelineId: id,
    rule: slaRuleInput,
    timeZone,
    description: text.default(''),
    whyItMatters: text.default(''),
  })
  .strict();

export const slaRef = z.object({ slaId: id }).strict();

export const slaEventInput = z.object({ slaId: id, at: isoInstant, label: shortText.default('') }).strict();
export const slaEventRef = z.object({ eventId: id }).strict();

export const deadlinesArgs = z
  .object({
    /** First local day (in each SLA's zone); default: today. */
    from: isoDate.optional(),
    days: z.number().int().min(1).max(366).default(7),
    /** Events that start within_hours SLAs' clocks (an experiment's start). */
    events: z.array(slaEventInput).max(1_000).default([]),
  })
  .strict();

const level = z.number().int().min(1).max(5);

export const riskInput = z
  .object({
    category: z.enum(RISK_CATEGORIES),
    title: name,
    description: text.default(''),
    likelihood: level,
    impact: level,
    mitigation: text.default(''),
    ownerId: id.nullable().default(null),
    pipelineIds: z
      .array(id)
      .max(200)
      .default([])
      .refine((ids) => new Set(ids).size === ids.length, 'lists a pipeline twice'),
    status: z.enum(RISK_STATUSES).default('open'),
    reviewDate: isoDate.nullable().default(null),
  })
  .strict();

export const riskUpdate = riskInput.extend({ id }).strict();
export const riskRef = z.object({ riskId: id }).strict();
