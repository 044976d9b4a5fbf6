// Starts worker.ts from the TypeScript sources (tests, `npm run watchbill` through tsx): a
// worker thread does not inherit the loader its parent registered, so it registers tsx itself.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
