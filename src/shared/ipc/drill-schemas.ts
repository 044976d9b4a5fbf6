// Argument schemas of the drill channels, built from the primitives in schemas.ts. Every
// refusal names the field to fix.
import { z } from 'zod';
import { AUDIENCES, DRILL_OUTCOMES } from '../model';
import { DRILL_MOMENTS, FOLLOWUP_STATUSES } from '../domain/drills';
import { id, isoDate, isoInstant } from './schemas';

const text = z.string().max(20_000);
const position = z.number().int().min(0).max(1_000);

export const drillRef = z.object({ drillId: id }).strict();

export const drillScheduleArgs = z
  .object({
    pipelineId: id,
    scenarioId: id,
    scheduledAt: isoInstant,
    facilitatorId: id,
    /** Omitted: who is on call at scheduledAt, primary and secondary. */
    participantIds: z.array(id).min(1, 'choose at least one participant').max(50).optional(),
  })
  .strict();

export const drillTickArgs = z.object({ drillId: id, position, skipped: z.boolean().default(false) }).strict();
export const drillUntickArgs = z.object({ drillId: id, position }).strict();

export const drillMarkArgs = z
  .object({ drillId: id, moment: z.enum(DRILL_MOMENTS), clear: z.boolean().default(false) })
  .strict();

export const drillNoteArgs = z
  .object({ drillId: id, text: z.string().trim().min(1, 'must not be empty').max(5_000) })
  .strict();

const followupInput = z
  .object({
    text: z.string().trim().min(1, 'must not be empty').max(2_000),
    ownerId: id.nullable(),
    dueDate: isoDate.nullable(),
  })
  .strict();

export const drillFinishArgs = z
  .object({
    drillId: id,
    outcome: z.enum(DRILL_OUTCOMES),
    findings: text.default(''),
    followups: z.array(followupInput).max(50).default([]),
  })
  .strict()
  .refine((f) => f.outcome === 'passed' || f.findings.trim() !== '', {
    message: 'say what was found when the drill did not simply pass',
    path: ['findings'],
  });

export const followupStatusArgs = z.object({ followupId: id, status: z.enum(FOLLOWUP_STATUSES) }).strict();

export const drillHistoryArgs = z.object({ pipelineId: id.optional(), scenarioId: id.optional() }).strict();

export const drillReportArgs = z.object({ drillId: id, format: z.enum(['md', 'html', 'pdf']) }).strict();

export const drillEditStepArgs = z
  .object({ drillId: id, position, text: z.string().trim().min(1, 'a step must not be empty').max(2_000) })
  .strict();

export const drillCadenceInput = z
  .object({
    perYear: z.number().int().min(1).max(12),
    audiences: z.array(z.enum(AUDIENCES)).min(1, 'choose at least one audience'),
    windowDays: z.number().int().min(0).max(365),
  })
  .strict();

/** Who is on call for a pipeline at a moment: its own rotation's pair (nobody without a pipeline). */
export const onCallAtArgs = z.object({ at: isoInstant, pipelineId: id.optional() }).strict();
