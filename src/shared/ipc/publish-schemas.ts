// Arguments of the publish channels: where the schedule goes (a CalDAV calendar or a feed
// folder) and a publish over a range of the rotation's local dates.
import { z } from 'zod';
import { SPAN_LIMITS } from './limits';
import { id, isoDate, within } from './schemas';

export const PUBLISH_TARGET_KINDS = ['caldav', 'folder'] as const;
export type PublishTargetKind = (typeof PUBLISH_TARGET_KINDS)[number];

const name = z.string().trim().min(1, 'give the target a name').max(80, 'must be at most 80 characters');
const httpUrl = z
  .string()
  .trim()
  .max(2_000)
  .refine(
    (text) => /^https?:\/\/[^\s]+$/i.test(text),
    'must be the calendar’s address, starting with http:// or https://',
  );

export const publishTargetArgs = z.discriminatedUnion('kind', [
  z
    .object({
      id: id.optional(),
      name,
      kind: z.literal('caldav'),
      calendarUrl: httpUrl,
      username: z.string().trim().min(1, 'give the user name').max(200),
      syncOnSave: z.boolean().default(false),
    })
    .strict(),
  z
    .object({
      id: id.optional(),
      name,
      kind: z.literal('folder'),
      folder: z
        .string()
        .trim()
        .min(1, 'give the folder')
        .max(2_000)
        // A relative folder would land wherever Watchbill happened to start.
        .refine((path) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path), 'must be the full path of the folder'),
      syncOnSave: z.boolean().default(false),
    })
    .strict(),
]);

export const publishTargetRef = z.object({ targetId: id }).strict();

/** The password travels once, into memory or the OS keychain; it is never echoed back. */
export const publishPasswordArgs = z
  .object({ targetId: id, password: z.string().min(1, 'give the password').max(4_000) })
  .strict();

export const publishSyncArgs = z
  .object({
    from: isoDate,
    to: isoDate,
    /** Only this target; default: every target. */
    targetId: id.optional(),
    /** Lists what would change; nothing is written anywhere. */
    dryRun: z.boolean().default(false),
  })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'must not be before from', path: ['to'] })
  .refine(...within(SPAN_LIMITS.export));
