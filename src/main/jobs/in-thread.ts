// The job pool's stand-in for unit tests: the same tasks on the main thread, each on its own
// turn of the event loop and on a copy of its input, as a worker would receive it. Starting a
// worker from the TypeScript sources costs about a second, too much for every test app; the
// real pool has its own tests (test/main/jobs.test.ts).
import type { JobProgress } from '../../shared/ipc/channels/jobs';
import { DomainError } from '../../shared/result';
import type { JobPool, RunOptions } from './pool';
import { tasks, type TaskInput, type TaskName, type TaskOutput } from './tasks';

export function createInThreadPool(): JobPool {
  const jobs = new Map<number, { progress: JobProgress; cancel: () => void }>();
  let nextId = 1;
  let closed = false;
  return {
    run<T extends TaskName>(task: T, input: TaskInput<T>, options: RunOptions): Promise<TaskOutput<T>> {
      if (closed) return Promise.reject(new DomainError('cancelled', 'Watchbill is closing.'));
      const id = nextId++;
      const progress: JobProgress = {
        id,
        channel: options.channel,
        label: options.label,
        done: 0,
        total: 0,
        running: true,
      };
      return new Promise<TaskOutput<T>>((resolve, reject) => {
        const timer = setImmediate(() => {
          jobs.delete(id);
          const run = tasks[task] as (
            input: unknown,
            report: (done: number, total: number) => void,
          ) => TaskOutput<T> | Promise<TaskOutput<T>>;
          Promise.resolve()
            .then(() => run(structuredClone(input), (done, total) => Object.assign(progress, { done, total })))
            .then(resolve, (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))));
        });
        jobs.set(id, {
          progress,
          cancel: () => {
            clearImmediate(timer);
            jobs.delete(id);
            reject(new DomainError('cancelled', `${options.label}: cancelled.`));
          },
        });
      });
    },
    progress: () => [...jobs.values()].map((job) => ({ ...job.progress })),
    cancel(id) {
      const job = jobs.get(id);
      job?.cancel();
      return job !== undefined;
    },
    async close() {
      closed = true;
      for (const job of [...jobs.values()]) job.cancel();
    },
  };
}
