// The renderer's "now" follows the main process's one clock (see src/main/clock.ts), so when
// a lead or a test freezes it with WATCHBILL_NOW the screens and the server agree on the day.
// Nothing else in the renderer reads Date.now() for "now".
import type { AppInfo, ClockMode } from '../shared/views';

interface Anchor {
  mode: ClockMode;
  /** The main process's now when app:info answered. */
  mainMs: number;
  /** The renderer's own clock at that moment, to let a running clock move on from there. */
  localMs: number;
}

let anchor: Anchor = { mode: 'real', mainMs: 0, localMs: 0 };

/** Takes the main process's clock from its app:info answer. */
export function followMainClock(info: Pick<AppInfo, 'now' | 'clock'>): void {
  anchor = { mode: info.clock, mainMs: Date.parse(info.now), localMs: performance.now() };
}

/** Now, in milliseconds, on the main process's clock. */
export function appNow(): number {
  switch (anchor.mode) {
    case 'real':
      return Date.now();
    case 'frozen':
      return anchor.mainMs;
    case 'running':
      return anchor.mainMs + (performance.now() - anchor.localMs);
  }
}
