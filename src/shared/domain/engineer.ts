// What makes an engineer's fields valid, wherever they come from: the Team screen over the
// bridge, a spreadsheet import, the command line. One set of rules, so a name the bridge
// refuses cannot slip in through a file, nor the other way round.
import { z } from 'zod';
import { colorProblem } from './colors';

/**
 * Characters that have no business in a name or a title: C0 and C1 controls, line breaks and
 * tabs included. A terminal, a calendar or a spreadsheet cell would act on them, and a name
 * must stay on one line in every list and printed table.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/;

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A name or a title: one line of visible text. */
export const nameField = z
  .string()
  .refine((v) => !CONTROL_CHARACTERS.test(v), 'contains a control character or a line break')
  .transform((v) => v.trim())
  .pipe(z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'));

export const engineerFields = {
  name: nameField,
  email: z.email('must be an email address such as name@example.com'),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb, such as #2563eb')
    .superRefine((value, context) => {
      const problem = /^#[0-9a-fA-F]{6}$/.test(value) ? colorProblem(value) : null;
      if (problem) context.addIssue({ code: 'custom', message: problem });
    }),
  timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Berlin'),
};
