// Long computations run on one or two worker threads so the main process (SQLite, the bridge,
// the HTTP host, the windows) always answers. A job can be cancelled, by the user, by a newer
// request that supersedes it, or by the app closing: its worker is terminated at once (a
// computation cannot be interrupted any other way) and a fresh one starts for the next job.
import { Worker } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Channel } from '../../shared/ipc/contract';
import type { JobProgress } from '../../shared/ipc/channels/jobs';
import { DomainError, ERROR_CODES, type ErrorCode } from '../../shared/result';
import { appRoot } from '../paths';
import { createInThreadPool } from './in-thread';
import type { JobMessage, JobRequest, TaskInput, TaskName, TaskOutput } from './tasks';

/** The file a worker thread starts from, and the data it needs to find the job code. */
export interface WorkerScript {
  file: string;
  workerData?: { entry: string };
}

/**
 * From the built app (out/main/*.js, also inside app.asar) the worker is its own build entry,
 * out/main/worker.js; from the TypeScript sources it is worker.ts, started through tsx.
 */
export function defaultWorkerScript(): WorkerScript {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    return {
      file: join(dirname(here), 'worker-tsx.mjs'),
      workerData: { entry: pathToFileURL(join(dirname(here), 'worker.ts')).href },
    };
  }
  return { file: builtWorkerPath() };
}

export const builtWorkerPath = () => join(appRoot(), 'out', 'main', 'worker.js');

export interface RunOptions {
  /** The channel the job answers: what the renderer's progress bar and supersession go by. */
  channel: Channel;
  /** What the progress bar says ("Planning 2026-01-01 to 2026-03-31"). */
  label: string;
  /** A running or waiting job for the same channel is cancelled first: the caller asked again. */
  supersede?: boolean;
  signal?: AbortSignal;
}

export interface JobPool {
  run<T extends TaskName>(task: T, input: TaskInput<T>, options: RunOptions): Promise<TaskOutput<T>>;
  /** The jobs running or waiting, oldest first. */
  progress(): JobProgress[];
  /** False when there is no such job (it has finished already). */
  cancel(id: number): boolean;
  /** Cancels every job and ends the workers; later runs are refused. */
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Workers at most; each runs one job at a time. */
  size?: number;
  script?: WorkerScript;
  /** Unit tests only: run the tasks on the main thread (see in-thread.ts). */
  inThread?: boolean;
  /**
   * Start the workers now and again after one is stopped, so no request waits for a thread to
   * load (a few hundred milliseconds, more from the sources): for the hosts that keep running.
   */
  warm?: boolean;
}

interface Job {
  id: number;
  task: TaskName;
  input: unknown;
  options: RunOptions;
  done: number;
  total: number;
  slot: Slot | null;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
}

const codeFrom = (code: string | null): Exclude<ErrorCode, 'internal'> | null =>
  ERROR_CODES.find((known): known is Exclude<ErrorCode, 'internal'> => known === code && known !== 'internal') ?? null;

export function createJobPool(options: PoolOptions = {}): JobPool {
  if (options.inThread) return createInThreadPool();
  const script = options.script ?? defaultWorkerScript();
  const slots: Slot[] = Array.from({ length: Math.max(1, options.size ?? 2) }, () => ({ worker: null, job: null }));
  const jobs = new Map<number, Job>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  const release = (job: Job) => {
    jobs.delete(job.id);
    const queued = queue.indexOf(job);
    if (queued >= 0) queue.splice(queued, 1);
    const slot = job.slot;
    if (slot) {
      slot.job = null;
      // An idle worker must not keep a finished CLI command alive.
      slot.worker?.unref();
      job.slot = null;
    }
  };
  const settle = (job: Job, outcome: { value: unknown } | { error: Error }) => {
    if (!jobs.has(job.id)) return;
    release(job);
    if ('value' in outcome) job.resolve(outcome.value);
    else job.reject(outcome.error);
    pump();
  };

  const spawn = (slot: Slot): Worker => {
    const worker = new Worker(script.file, script.workerData ? { workerData: script.workerData } : {});
    worker.on('message', (message: JobMessage) => {
      const job = slot.job;
      if (!job || slot.worker !== worker) return;
      if (message.type === 'progress') {
        job.done = message.done;
        job.total = message.total;
      } else if (message.type === 'done') {
        settle(job, { value: message.value });
      } else {
        const code = codeFrom(message.code);
        const error = code ? new DomainError(code, message.message) : new Error(message.message);
        if (!code && message.stack) error.stack = message.stack;
        settle(job, { error });
      }
    });
    const lost = (why: string) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      if (slot.job) settle(slot.job, { error: new Error(`The background worker stopped: ${why}`) });
      else pump();
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`it exited with code ${code}.`));
    return worker;
  };
  const idleWorker = (slot: Slot) => {
    slot.worker = spawn(slot);
    slot.worker.unref();
  };

  const pump = () => {
    for (const slot of slots) {
      if (slot.job) continue;
      const job = queue.shift();
      if (job) {
        slot.worker ??= spawn(slot);
        slot.job = job;
        job.slot = slot;
        slot.worker.ref();
        slot.worker.postMessage({ task: job.task, input: job.input } satisfies JobRequest);
      } else if (options.warm && !closed && !slot.worker) idleWorker(slot);
    }
  };

  const stop = (job: Job, message: string) => {
    const slot = job.slot;
    if (slot?.worker) {
      const worker = slot.worker;
      slot.worker = null;
      void worker.terminate();
    }
    settle(job, { error: new DomainError('cancelled', message) });
  };

  if (options.warm) slots.forEach(idleWorker);

  return {
    run<T extends TaskName>(task: T, input: TaskInput<T>, run: RunOptions): Promise<TaskOutput<T>> {
      if (closed) return Promise.reject(new DomainError('cancelled', 'Watchbill is closing.'));
      if (run.supersede) {
        for (const job of [...jobs.values()]) {
          if (job.options.channel === run.channel) stop(job, `${job.options.label}: replaced by a newer request.`);
        }
      }
      return new Promise<TaskOutput<T>>((resolve, reject) => {
        const job: Job = {
          id: nextId++,
          task,
          input,
          options: run,
          done: 0,
          total: 0,
          slot: null,
          resolve: resolve as (value: unknown) => void,
          reject,
        };
        jobs.set(job.id, job);
        if (run.signal?.aborted) return stop(job, `${run.label}: cancelled.`);
        run.signal?.addEventListener('abort', () => stop(job, `${run.label}: cancelled.`), { once: true });
        queue.push(job);
        pump();
      });
    },
    progress: () =>
      [...jobs.values()].map((job) => ({
        id: job.id,
        channel: job.options.channel,
        label: job.options.label,
        done: job.done,
        total: job.total,
        running: job.slot !== null,
      })),
    cancel(id) {
      const job = jobs.get(id);
      if (!job) return false;
      stop(job, `${job.options.label}: cancelled.`);
      return true;
    },
    async close() {
      closed = true;
      for (const job of [...jobs.values()]) stop(job, 'Watchbill is closing.');
      await Promise.all(
        slots.map((slot) => {
          const worker = slot.worker;
          slot.worker = null;
          return worker?.terminate();
        }),
      );
    },
  };
}
