// Argument schemas of the across-rotations fairness and planning channels, built from the
// primitives in schemas.ts.
import { z } from 'zod';
import { SPAN_LIMITS } from './limits';
import { carryPolicy, fairnessWeightsArgs, id, isoDate, periodSpec, replacePlan, within } from './schemas';

export const teamFairnessArgs = z.object({ period: periodSpec, carry: carryPolicy.optional() }).strict();

export const rotationWeightsRef = z.object({ rotationId: id }).strict();

/** Weights of the rotation's own, or null to count its burden with the file's weights again. */
export const rotationWeightsArgs = z.object({ rotationId: id, weights: fairnessWeightsArgs.nullable() }).strict();

export const planAllArgs = z
  .object({ from: isoDate, to: isoDate, carry: carryPolicy.optional(), replace: replacePlan })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'must not be before from', path: ['to'] })
  .refine(...within(SPAN_LIMITS.plan));
