import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type AppOptions, type WatchbillApp } from '../../src/main/app';
import type { HostClock } from '../../src/main/clock';

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
    clock: frozenAt(FROZEN_NOW),
    log: () => {},
    jobs: { inThread: true },
    ...options,
  });
}

/** A clock stopped at `at`. */
export const frozenAt = (at: Date): HostClock => ({ now: () => at, mode: 'frozen' });

/** A clock the test moves by hand (`clock.set(…)`), as a running drill needs. */
export function handClock(start: Date): HostClock & { set(at: Date): void } {
  let at = start;
  return { now: () => at, mode: 'running', set: (next) => (at = next) };
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

/** Flips one bit in the live schema text `text` of a database file, as a failing disk would. */
export function flipBitInSchema(file: string, text = 'handoff_time', offset = 8): void {
  const bytes = readFileSync(file);
  // The live schema row is the last copy; earlier ones are left-over free space.
  const at = bytes.lastIndexOf(text);
  if (at < 0) throw new Error(`${file} does not contain '${text}'.`);
  bytes[at + offset]! ^= 0x01;
  writeFileSync(file, bytes);
}
