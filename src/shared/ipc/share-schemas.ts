// Arguments of the export and import channels. Dates are local dates of the rotation, both
// included, as the Export screen and the CLI ask for them.
import { z } from 'zod';
import { SPAN_LIMITS } from './limits';
import { id, isoDate, within } from './schemas';

/** The rotations an export is about; omitted: all of them (every active one, and one archived during the range). */
const rotationIds = z.array(id).min(1, 'name at least one rotation, or leave it out for all').max(100).optional();
const bothOrNeither = (r: { from?: string | undefined; to?: string | undefined }) =>
  (r.from === undefined) === (r.to === undefined);
const bothOrNeitherMessage = { message: 'give both from and to, or neither (for the current quarter)', path: ['to'] };
const notBeforeStart = (r: { from?: string | undefined; to?: string | undefined }) =>
  !r.from || !r.to || r.from <= r.to;
const notBeforeStartMessage = { message: 'must not be before from', path: ['to'] };

export const ICS_CONTENTS = ['shifts', 'holidays', 'drills'] as const;
export type IcsContent = (typeof ICS_CONTENTS)[number];

export const icsExportArgs = z
  .object({
    rotationIds,
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Only this engineer's shifts (and the drills they take part in). */
    engineerId: id.optional(),
    include: z
      .array(z.enum(ICS_CONTENTS))
      .min(1, 'choose at least one of shifts, holidays, drills')
      .default([...ICS_CONTENTS]),
  })
  .strict()
  .refine(bothOrNeither, bothOrNeitherMessage)
  .refine(notBeforeStart, notBeforeStartMessage)
  .refine(...within(SPAN_LIMITS.export));

export const CSV_TABLES = ['schedule', 'fairness', 'ownership'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

export const csvExportArgs = z
  .object({
    table: z.enum(CSV_TABLES),
    rotationIds,
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** A UTF-8 byte-order mark, so Excel reads names like "Zoë" correctly. */
    bom: z.boolean().default(true),
  })
  .strict()
  .refine(bothOrNeither, bothOrNeitherMessage)
  .refine(notBeforeStart, notBeforeStartMessage)
  .refine(...within(SPAN_LIMITS.export));

export const PLAN_FORMATS = ['md', 'html', 'pdf'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export const planExportArgs = z
  .object({
    rotationIds,
    /** Any date in the quarter to plan; omitted: the current quarter. */
    quarterOf: isoDate.optional(),
    format: z.enum(PLAN_FORMATS).default('md'),
  })
  .strict();

/** history: a past on-call record (the fairness ledger's opening balance). */
export const IMPORT_KINDS = ['engineers', 'holidays', 'backup', 'history'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * merge: engineers are added or updated by name; holidays are added as custom days; a backup
 * is restored onto an empty database. replace: engineers missing from the file are set
 * inactive; the custom holidays are replaced by the file's; the whole database is replaced
 * by the backup (after a copy of the current file is kept).
 */
export const IMPORT_MODES = ['merge', 'replace'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** 20 MB: a backup of years of edits fits many times over; anything bigger is not ours (base64 is 4/3 of the bytes). */
const MAX_IMPORT_BYTES = 20_000_000;

/** The separators the engineers spreadsheet may use: Excel writes semicolons in European locales, tabs as "Unicode Text". */
export const CSV_DELIMITERS = { comma: ',', semicolon: ';', tab: '\t' } as const;
export type CsvDelimiter = keyof typeof CSV_DELIMITERS;

export const importArgs = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    /** The file's name as the user picked it, used in every error message. */
    filename: z.string().trim().min(1).max(500),
    /**
     * 'bytes': content is the file's bytes in base64, and the main process finds their encoding
     * (BOM, UTF-8, UTF-16, Windows-1252). 'text': content is already text.
     */
    encoding: z.enum(['text', 'bytes']).default('text'),
    content: z.string(),
    mode: z.enum(IMPORT_MODES).default('merge'),
    /** history: the rotation the past shifts were in (omitted: the only rotation in use). */
    rotationId: id.optional(),
  })
  .strict()
  .refine((a) => a.rotationId === undefined || a.kind === 'history', {
    message: 'only a history import goes into a rotation',
    path: ['rotationId'],
  })
  .refine((a) => (a.encoding === 'bytes' ? (a.content.length * 3) / 4 : a.content.length) <= MAX_IMPORT_BYTES, {
    message: 'the file is larger than 20 MB',
    path: ['content'],
  });

export const importApplyArgs = importArgs
  .safeExtend({
    /** Replacing the whole database needs the lead's explicit yes. */
    confirmReplace: z.boolean().default(false),
  })
  .strict();
