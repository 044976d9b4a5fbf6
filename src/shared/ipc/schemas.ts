// A zod schema for every channel's arguments and for every file Watchbill reads (the seed
// data, later the imports). The main process parses each payload with these before any
// handler runs; the renderer may use them to check a form before sending.
import { z } from 'zod';
import { AUDIENCES, COVER_KINDS, ESCALATION_ROLES, RISK_CATEGORIES, RISK_STATUSES, ROLES } from '../model';
import { overrideKindOf } from '../domain/override-kinds';
import { engineerFields, nameField } from '../domain/engineer';
import { CARRY_POLICIES } from '../domain/ledger';
import {
  inSupportedYears,
  SPAN_LIMITS,
  spanMessage,
  supportedYearsMessage,
  withinSpan,
  type SpanLimit,
} from './limits';

export const id = z.number().int().positive();
export const isoDate = z.iso.date().refine(inSupportedYears, supportedYearsMessage);
export const isoInstant = z.iso.datetime({ offset: true }).refine(inSupportedYears, supportedYearsMessage);
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM (24-hour)');
export const timeZone = engineerFields.timeZone;
export const color = engineerFields.color;
const name = nameField;
const text = z.string().max(20_000);

/** Channels without arguments take an empty object, so every call has the same shape. */
export const noArgs = z.object({}).strict();

export const engineerInput = z
  .object({
    id: id.optional(),
    name: engineerFields.name,
    email: engineerFields.email.nullable().default(null),
    color: engineerFields.color,
    active: z.boolean().default(true),
    timeZone: engineerFields.timeZone,
  })
  .strict();

export const ownershipInput = z
  .object({
    pipelineId: id,
    primaryEngineerId: id.nullable(),
    secondaryEngineerId: id.nullable(),
    reason: text,
  })
  .strict();

export const pipelineRef = z.object({ pipelineId: id }).strict();
export const todayArgs = z.object({ at: isoInstant.optional() }).strict();

// ---- The rotation engine ----

const reason = z.string().trim().max(2_000);
/** Omitted: the team's rotation (the first one). */
const rotationId = id.optional();
/** How the balance from before a period counts (none, full, capped); omitted: the file's setting. */
export const carryPolicy = z.enum(CARRY_POLICIES);
/** Plan again over an earlier plan: its overrides in the range are replaced (default: kept). */
export const replacePlan = z.boolean().optional();
const shiftIndex = z.number().int().min(0).max(100_000);

// Range rules shared by every schema with from/to, reported on the field to fix.
const endsAfterStart = (r: { from: string; to: string }) => Date.parse(r.from) < Date.parse(r.to);
const endsAfterStartMessage = { message: 'must end after it starts', path: ['to'] };
/** `.refine(...within(SPAN_LIMITS.plan))`: refuses a from/to range longer than the limit, on `to`. */
export const within = (
  limit: SpanLimit,
): [(r: { from?: string | undefined; to?: string | undefined }) => boolean, { message: string; path: string[] }] => [
  (r) => !r.from || !r.to || withinSpan(limit, r.from, r.to),
  { message: spanMessage(limit), path: ['to'] },
];
const notBeforeStart = (r: { from: string; to: string }) => r.from <= r.to;
const notBeforeStartMessage = { message: 'must not be before from', path: ['to'] };

export const scheduleArgs = z
  .object({ from: isoInstant, to: isoInstant, rotationId })
  .strict()
  .refine(endsAfterStart, endsAfterStartMessage)
  .refine(...within(SPAN_LIMITS.schedule));

/** What a cover says made it; 'time_away_cover' is also chosen by the main process when the person covered is away. */
const coverKind = z.enum(COVER_KINDS);
/** A kind as any version wrote it ('holiday' and 'pto' before version 60), by its current name. */
const anyOverrideKind = z.string().transform((kind, ctx) => {
  const known = overrideKindOf(kind);
  if (known === null) {
    ctx.addIssue({ code: 'custom', message: `is not a kind of override: '${kind}'` });
    return z.NEVER;
  }
  return known;
});

/** A schedule edit, as the calendar, the fairness screen and the CLI ask for it. */
export const scheduleOperation = z.discriminatedUnion('op', [
  z.object({ op: z.literal('swap'), rotationId, shiftA: shiftIndex, shiftB: shiftIndex, reason }).strict(),
  z
    .object({
      op: z.literal('split'),
      rotationId,
      shiftIndex,
      at: isoInstant,
      firstEngineerId: id,
      secondEngineerId: id,
      role: z.enum(ROLES).default('primary'),
      reason,
    })
    .strict(),
  z
    .object({
      op: z.literal('cover'),
      rotationId,
      from: isoInstant,
      to: isoInstant,
      role: z.enum(ROLES),
      engineerId: id,
      kind: coverKind.default('cover'),
      reason,
    })
    .strict()
    .refine(endsAfterStart, endsAfterStartMessage)
    .refine(...within(SPAN_LIMITS.schedule)),
  z
    .object({
      op: z.literal('cover-days'),
      rotationId,
      dates: z.array(isoDate).min(1).max(366),
      role: z.enum(ROLES),
      engineerId: id,
      kind: coverKind.default('cover'),
      reason,
    })
    .strict(),
  z
    .object({ op: z.literal('reshape'), overrideId: id, startsAt: isoInstant, endsAt: isoInstant })
    .strict()
    .refine((r) => Date.parse(r.startsAt) < Date.parse(r.endsAt), {
      message: 'must end after it starts',
      path: ['endsAt'],
    })
    .refine((r) => withinSpan(SPAN_LIMITS.schedule, r.startsAt, r.endsAt), {
      message: `must be at most ${SPAN_LIMITS.schedule.words} after startsAt`,
      path: ['endsAt'],
    }),
  z.object({ op: z.literal('remove'), overrideId: id }).strict(),
  z
    .object({
      op: z.literal('plan'),
      rotationId,
      from: isoDate,
      to: isoDate,
      carry: carryPolicy.optional(),
      replace: replacePlan,
    })
    .strict()
    .refine(notBeforeStart, notBeforeStartMessage)
    .refine(...within(SPAN_LIMITS.plan)),
]);
export type ScheduleOperation = z.infer<typeof scheduleOperation>;

/** A period to measure; a custom one may span at most `limit`. */
const periodSpecWithin = (limit: SpanLimit) =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('quarter'), date: isoDate.optional() }).strict(),
    z.object({ kind: z.literal('year_to_date') }).strict(),
    z.object({ kind: z.literal('rolling_12_months') }).strict(),
    z.object({ kind: z.literal('all_time') }).strict(),
    z
      .object({ kind: z.literal('custom'), from: isoDate, to: isoDate })
      .strict()
      .refine(notBeforeStart, notBeforeStartMessage)
      .refine(...within(limit)),
  ]);
export const periodSpec = periodSpecWithin(SPAN_LIMITS.schedule);
export type PeriodSpec = z.infer<typeof periodSpec>;

export const fairnessArgs = z.object({ rotationId, period: periodSpec, carry: carryPolicy.optional() }).strict();
export const previewArgs = z.object({ operation: scheduleOperation, period: periodSpec.optional() }).strict();
export const applyArgs = z.object({ operation: scheduleOperation }).strict();
export const rotationRef = z.object({ rotationId }).strict();
export const planArgs = z
  .object({ rotationId, from: isoDate, to: isoDate, carry: carryPolicy.optional(), replace: replacePlan })
  .strict()
  .refine(notBeforeStart, notBeforeStartMessage)
  .refine(...within(SPAN_LIMITS.plan));
export const suggestArgs = z
  .object({
    rotationId,
    period: periodSpecWithin(SPAN_LIMITS.plan),
    limit: z.number().int().min(1).max(20).default(3),
  })
  .strict();
export const publishArgs = z
  .object({ rotationId, from: isoDate, to: isoDate, note: z.string().max(2_000).default('') })
  .strict()
  .refine(notBeforeStart, notBeforeStartMessage)
  .refine(...within(SPAN_LIMITS.schedule));
export const snapshotRef = z.object({ snapshotId: id }).strict();
export const overrideReasonArgs = z.object({ overrideId: id, reason }).strict();
export const holidaysArgs = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .refine(notBeforeStart, notBeforeStartMessage)
  .refine(...within(SPAN_LIMITS.holidays));
export const holidayWeightArgs = z.object({ name, weight: z.number().min(0).max(20), include: z.boolean() }).strict();
export const customHolidayArgs = z.object({ date: isoDate, name, weight: z.number().min(0).max(20) }).strict();
export const customHolidayRef = z.object({ customHolidayId: id }).strict();
export const fairnessWeightsArgs = z
  .object({
    weekday: z.number().min(0).max(20),
    weekendDay: z.number().min(0).max(20),
    secondaryFactor: z.number().min(0).max(1),
    weekendDays: z.array(z.number().int().min(0).max(6)).max(7),
  })
  .strict();
/** The hours or weekdays a layer covers; null parts mean every day, all day. */
export const coverageInput = z
  .object({
    weekdays: z
      .array(z.number().int().min(0).max(6))
      .min(1, 'needs at least one day (leave the days out to cover every day)')
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'lists a day twice')
      .nullable(),
    hours: z
      .object({ from: timeOfDay, until: timeOfDay })
      .strict()
      .refine((h) => h.from !== h.until, {
        message: 'must end at another time than it starts (leave the hours out to cover all day)',
        path: ['until'],
      })
      .nullable(),
  })
  .strict();
export const rotationArchiveArgs = z.object({ rotationId: id, archived: z.boolean().default(true) }).strict();
export const rotationOrderArgs = z
  .object({
    rotationIds: z
      .array(id)
      .min(1)
      .max(100)
      .refine((ids) => new Set(ids).size === ids.length, 'lists a rotation twice'),
  })
  .strict();
export const teamTimeZoneArgs = z.object({ timeZone }).strict();

const dayOf = (what: string) =>
  z.iso.date(`must be ${what} as a date (YYYY-MM-DD)`).refine(inSupportedYears, supportedYearsMessage);
const rotationFields = {
  name,
  timeZone,
  startDate: dayOf('the first day of the first shift'),
  shiftDays: z
    .number('must be a whole number of days')
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(366, 'must be at most 366 days'),
  handoffTime: timeOfDay,
  // Saving or creating, someone must be on call: a rotation without members has no schedule.
  memberIds: z.array(id).min(1, 'needs at least one engineer').max(200),
  coverage: coverageInput.default({ weekdays: null, hours: null }),
  allowsDoubleDuty: z.boolean().default(false),
};
const listsNoOneTwice = (r: { memberIds: number[] }) => new Set(r.memberIds).size === r.memberIds.length;
const listsNoOneTwiceMessage = { message: 'lists someone twice', path: ['memberIds'] };
export const rotationInput = z
  .object({
    id,
    ...rotationFields,
    // A rotation as listed may come back whole: its archive date and place are read-only here
    // (rotations:archive and rotations:reorder change them) and are ignored.
    archivedAt: z.string().nullable().optional(),
    position: z.number().optional(),
  })
  .strict()
  .refine(listsNoOneTwice, listsNoOneTwiceMessage);
/** A new rotation: like an edit without the id. */
export const rotationDraft = z.object(rotationFields).strict().refine(listsNoOneTwice, listsNoOneTwiceMessage);

// ---- Time away (the unavailability table) ----

export const unavailabilityInput = z
  .object({
    engineerId: id,
    startDate: dayOf('the first day away'),
    endDate: dayOf('the last day away'),
    reason: z.string().trim().max(200, 'must be at most 200 characters').default(''),
  })
  .strict()
  .refine((r) => r.startDate <= r.endDate, { message: 'must not be before the first day', path: ['endDate'] })
  .refine((r) => withinSpan(SPAN_LIMITS.schedule, r.startDate, r.endDate), {
    message: `must be at most ${SPAN_LIMITS.schedule.words} after the first day`,
    path: ['endDate'],
  });
export const unavailabilityRef = z.object({ unavailabilityId: id }).strict();

// ---- The example team file (resources/seed/example-team.json) ----

const seedTimeZone = timeZone;

export const seedFileSchema = z
  .object({
    formatVersion: z.literal(1),
    engineers: z
      .array(
        z
          .object({
            key: name,
            name,
            email: z.email().nullable(),
            color,
            timeZone: seedTimeZone,
            unavailability: z
              .array(z.object({ startDate: isoDate, endDate: isoDate, reason: text }).strict())
              .default([]),
          })
          .strict(),
      )
      .min(1),
    areas: z.array(name),
    pipelines: z.array(
      z
        .object({
          key: name,
          name,
          area: name,
          audience: z.enum(AUDIENCES),
          purpose: text,
          inputSources: text,
          transformation: text,
          outputs: text,
          primary: name,
          secondary: name,
          reason: text,
          sla: z
            .object({
              rule: z.discriminatedUnion('kind', [
                z.object({ kind: z.literal('daily'), time: timeOfDay }).strict(),
                z
                  .object({ kind: z.literal('weekly'), weekday: z.number().int().min(0).max(6), time: timeOfDay })
                  .strict(),
                z.object({ kind: z.literal('next_business_day'), time: timeOfDay }).strict(),
                z.object({ kind: z.literal('within_hours'), hours: z.number().positive(), event: name }).strict(),
              ]),
              timeZone: seedTimeZone,
              description: text,
              whyItMatters: text,
            })
            .strict(),
          runbook: z
            .object({
              scenarios: z.array(
                z.object({ title: name, symptoms: text, checks: text, steps: z.array(text) }).strict(),
              ),
              mitigations: z.array(text),
              alertThresholds: text,
              dashboards: z.array(z.object({ label: name, url: z.url() }).strict()),
              escalation: z.array(
                z
                  .object({
                    role: z.enum(ESCALATION_ROLES),
                    contactName: text.default(''),
                    contactDetail: text.default(''),
                    afterMinutes: z.number().int().min(0),
                  })
                  .strict(),
              ),
            })
            .strict(),
        })
        .strict(),
    ),
    rotation: z
      .object({
        name,
        timeZone: seedTimeZone,
        startDate: isoDate,
        shiftDays: z.number().int().min(1).max(366),
        handoffTime: timeOfDay,
        members: z.array(name).min(1),
      })
      .strict(),
    overrides: z.array(
      z
        .object({
          startsAt: isoInstant,
          endsAt: isoInstant,
          role: z.enum(['primary', 'secondary']),
          engineer: name,
          kind: anyOverrideKind,
          reason: text,
        })
        .strict(),
    ),
    holidayCalendar: z
      .object({
        name,
        country: z.string().length(2),
        region: z.string().nullable(),
        includeTypes: z.array(z.string()),
        defaultWeight: z.number().min(0),
        weights: z.array(z.object({ name, weight: z.number().min(0), include: z.boolean() }).strict()),
        custom: z.array(z.object({ date: isoDate, name, weight: z.number().min(0) }).strict()),
      })
      .strict(),
    risks: z.array(
      z
        .object({
          category: z.enum(RISK_CATEGORIES),
          title: name,
          description: text,
          likelihood: z.number().int().min(1).max(5),
          impact: z.number().int().min(1).max(5),
          mitigation: text,
          owner: name.nullable(),
          pipelines: z.array(name),
          status: z.enum(RISK_STATUSES),
        })
        .strict(),
    ),
  })
  .strict();

export type SeedFile = z.infer<typeof seedFileSchema>;

/** "engineers.0.email: Invalid email address" — the path names the field the user must fix. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(payload)'}: ${issue.message}`)
    .join('; ');
}

// ---- Native file dialogs (desktop app only) ----

export const saveFileArgs = z
  .object({
    suggestedName: z.string().trim().min(1).max(255),
    mimeType: z.string().max(100),
    encoding: z.enum(['utf8', 'base64']),
    content: z.string().max(200 * 1024 * 1024),
  })
  .strict();

export const openFileArgs = z
  .object({
    title: z.string().max(200),
    extensions: z.array(z.string().regex(/^[a-z0-9]+$/i, 'must be an extension without the dot')).max(10),
  })
  .strict();

// ---- Recovery ----

/** The one pattern automatic backups are named by; nothing else in the folder can be restored. */
export const BACKUP_FILE_NAME = /^watchbill-(\d{4}-\d{2}-\d{2})\.db$/;

export const restoreBackupArgs = z
  .object({
    /** A file name from `recovery:status`, never a path: the copy goes beside the database. */
    name: z.string().regex(BACKUP_FILE_NAME, 'must be the name of an automatic backup (watchbill-YYYY-MM-DD.db)'),
  })
  .strict();

/** The ledger's settings: the carry-over policy, balances typed by hand (weighted weekdays, either sign). */
export const carryArgs = z.object({ carry: carryPolicy }).strict();
export const openingBalancesArgs = z
  .object({
    balances: z.array(z.object({ engineerId: id, balance: z.number().min(-10_000).max(10_000) }).strict()).max(1_000),
  })
  .strict();
