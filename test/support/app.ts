import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type AppOptions, type WatchbillApp } from '../../src/main/app';

/** 21 Nov 2026, 15:00 UTC: a Saturday in the seeded rotation, before the Thanksgiving split. */
export const FROZEN_NOW = new Date('2026-11-21T15:00:00.000Z');

/**
 * The real app over an in-memory database built by the real migrations, with a frozen clock.
 * The long computations run on the main thread (a worker costs a second to start from the
 * sources); test/main/jobs.test.ts runs them in real workers.
 */
export function testApp(options: Partial<AppOptions> = {}): WatchbillApp {
  return openApp({
    databasePath: ':memory:',
    host: 'browser',
    now: () => FROZEN_NOW,
    log: () => {},
    jobs: { inThread: true },
    ...options,
  });
}

/** A temporary folder; remove() empties it (it comes back on the next file()). */
export function tempDir(): { dir: string; file: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'watchbill-test-'));
  return {
    dir,
    file: (name) => {
      mkdirSync(dir, { recursive: true });
      return join(dir, name);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
