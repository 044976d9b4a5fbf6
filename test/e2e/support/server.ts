// Starts `watchbill serve` on a new database in a temporary folder, as a person would from
// the command line, and reads the address it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const READY = /Watchbill is running at (\S+)/;
const START_TIMEOUT_MS = 30_000;

export interface RunningServer {
  /** The start address, with the secret. */
  url: string;
  origin: string;
  secret: string;
  databasePath: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  /** The running `watchbill serve`, for tests of how it ends. */
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /**
   * The app's "now", chosen by the test: an ISO instant freezes the clock there, '@' + an
   * instant starts it there and lets it run (for a drill's clock). Never the wall clock.
   */
  now: string;
  empty?: boolean;
  /** Puts a file (and its backups) at the database path before the server starts. */
  prepare?: (databasePath: string) => Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'watchbill-e2e-'));
  const databasePath = join(dir, 'test.db');
  await options.prepare?.(databasePath);
  const args = ['bin/watchbill.js', 'serve', '--db', databasePath, '--port', '0', '--no-open', '--now', options.now];
  if (options.empty) args.push('--empty');
  const env = { ...process.env };
  delete env.WATCHBILL_DB;
  delete env.WATCHBILL_NOW;
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });

  let log = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => fail(`did not print its address within ${START_TIMEOUT_MS / 1000} s`),
      START_TIMEOUT_MS,
    );
    function fail(why: string) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`watchbill serve ${why}.\n--- its output ---\n${log}`));
    }
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const match = READY.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.once('error', (error) => fail(`could not start: ${error.message}`));
    child.once('exit', (code, signal) => fail(`exited (${signal ?? `code ${code}`}) before it was ready`));
  });

  const parsed = new URL(url);
  const secret = parsed.searchParams.get('secret');
  if (!secret) throw new Error(`The printed address carries no secret: ${url}`);
  return {
    url,
    origin: parsed.origin,
    secret,
    databasePath,
    output: () => log,
    process: child,
    async stop() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
