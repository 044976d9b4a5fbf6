// The one clock of the main process. Every host (desktop, `watchbill serve`, the CLI) builds
// it here from `--now` or WATCHBILL_NOW, and the services only ever ask it for "now", so a
// test (or a lead checking next quarter's Today) can choose the day.
//
//   --now 2026-12-03T02:00:00Z    frozen: "now" is that instant for the whole run
//   --now @2026-12-03T02:00:00Z   starts there and runs on (faketime's '@'), so a drill's clock moves
//   (neither)                     the real clock
import { parseMoment } from '../shared/domain/moments';
import type { ClockMode } from '../shared/views';

export interface HostClock {
  now: () => Date;
  mode: ClockMode;
}

/** A `--now` or WATCHBILL_NOW that is not an instant: the host says so and does not start. */
export class ClockSettingError extends Error {}
export const isClockError = (error: unknown): boolean => error instanceof ClockSettingError;

export const realClock: HostClock = { now: () => new Date(), mode: 'real' };

/** The clock a setting names; `elapsed` is how far the real clock has moved since start (injectable for tests). */
export function clockFromSetting(setting: string, source: string, elapsed = realElapsed()): HostClock {
  const running = setting.startsWith('@');
  const text = running ? setting.slice(1) : setting;
  // Only an instant with an explicit offset: a bare '2026-12-03T02:00' would mean a different
  // moment on every machine.
  const instant = parseMoment(text, null);
  const start = instant === null ? Number.NaN : Date.parse(instant);
  if (Number.isNaN(start))
    throw new ClockSettingError(
      `${source} must be an instant with an offset, like 2026-12-03T02:00:00Z (or @2026-12-03T02:00:00Z to let ` +
        `the clock run on from there), not '${setting}'.`,
    );
  return running
    ? { now: () => new Date(start + elapsed()), mode: 'running' }
    : { now: () => new Date(start), mode: 'frozen' };
}

function realElapsed(): () => number {
  const origin = performance.now();
  return () => performance.now() - origin;
}

/**
 * The host's clock: `--now VALUE` (or `--now=VALUE`) wins over WATCHBILL_NOW, else the real
 * clock. Returns the arguments without the option, so each command's own options stay strict.
 */
export function clockFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv): { clock: HostClock; rest: string[] } {
  let setting: { value: string; source: string } | null = env.WATCHBILL_NOW
    ? { value: env.WATCHBILL_NOW, source: 'WATCHBILL_NOW' }
    : null;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--now') {
      const value = argv[i + 1];
      if (value === undefined) throw new ClockSettingError('--now needs an instant, like --now 2026-12-03T02:00:00Z.');
      setting = { value, source: '--now' };
      i++;
    } else if (arg.startsWith('--now=')) setting = { value: arg.slice('--now='.length), source: '--now' };
    else rest.push(arg);
  }
  return { clock: setting ? clockFromSetting(setting.value, setting.source) : realClock, rest };
}
