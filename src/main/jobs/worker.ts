// The worker thread's side of the job pool: runs one task per message and posts progress
// and the answer. Built as its own entry (out/main/worker.js); from the TypeScript sources it
// is started through worker-tsx.mjs.
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../shared/result';
import { isTaskName, tasks, type JobMessage, type JobRequest } from './tasks';

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread of the job pool.');

const post = (message: JobMessage) => port.postMessage(message);

port.on('message', async ({ task, input }: JobRequest) => {
  if (!isTaskName(task)) {
    post({ type: 'failed', code: null, message: `There is no task '${String(task)}'.` });
    return;
  }
  // A planner reports thousands of steps: one message per percent is enough for a bar.
  let lastPercent = -1;
  const progress = (done: number, total: number) => {
    const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
    if (percent === lastPercent) return;
    lastPercent = percent;
    post({ type: 'progress', done, total });
  };
  try {
    const run = tasks[task] as (input: unknown, progress: (done: number, total: number) => void) => unknown;
    post({ type: 'done', value: await run(input, progress) });
  } catch (error) {
    post({
      type: 'failed',
      code: error instanceof DomainError ? error.code : null,
      message: error instanceof Error ? error.message : String(error),
      ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
    });
  }
});
