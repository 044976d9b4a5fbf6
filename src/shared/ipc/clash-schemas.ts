// Argument schema of the clash fixes channel, built from the primitives in schemas.ts.
import { z } from 'zod';
import { FIXABLE_CLASHES } from '../domain/clash-fixes';
import { SPAN_LIMITS, withinSpan } from './limits';
import { id, isoInstant } from './schemas';

/** A clash warning as the fix asks for it: its kind, the people it names and when (as the warning says). */
export const clashFixesArgs = z
  .object({
    rotationId: id.optional(),
    clash: z
      .object({
        kind: z.enum(FIXABLE_CLASHES, {
          error: `must be a warning a fix can be offered for: ${FIXABLE_CLASHES.join(', ')}`,
        }),
        engineerIds: z.array(id).min(1, 'must name at least one engineer').max(2, 'must name at most two engineers'),
        from: isoInstant,
        to: isoInstant,
      })
      .strict()
      .refine((c) => Date.parse(c.from) < Date.parse(c.to), { message: 'must end after it starts', path: ['to'] })
      .refine((c) => withinSpan(SPAN_LIMITS.plan, c.from, c.to), {
        message: `must be at most ${SPAN_LIMITS.plan.words} after from`,
        path: ['to'],
      }),
    limit: z.number().int().min(1).max(5).default(3),
  })
  .strict();
