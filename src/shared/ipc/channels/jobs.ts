// The long computations running in the background (planning, suggested swaps, fairness):
// their progress, for the renderer to poll while it waits, and a way to stop one.
import { z } from 'zod';
import { id, noArgs } from '../schemas';
import { returns } from './define';

export interface JobProgress {
  id: number;
  /** The channel whose answer the job computes ('plan:propose'). */
  channel: string;
  label: string;
  /** `done` of `total` steps; total 0 while the job does not know yet (or is waiting its turn). */
  done: number;
  total: number;
  /** False while it waits for a free worker. */
  running: boolean;
}

const jobRef = z.object({ jobId: id }).strict();

export const jobChannels = {
  'jobs:progress': { args: noArgs, result: returns<JobProgress[]>() },
  /** The job's own request then answers with the code 'cancelled'. */
  'jobs:cancel': { args: jobRef, result: returns<{ cancelled: boolean }>() },
} as const;
