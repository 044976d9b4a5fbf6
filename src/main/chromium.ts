// Where Watchbill finds a Chromium for headless work (the PDF of the plan outside Electron,
// and the browser tests), and the flags it runs with: no sandbox (root in CI), no GPU, and
// nothing that reaches for the network.
import { accessSync, constants } from 'node:fs';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export type ChromiumLookup = { found: true; path: string } | { found: false; configured: string | null };

/** $CHROMIUM_PATH when set (and it must then be there), else Debian's /usr/bin/chromium. */
export function locateChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const configured = env.CHROMIUM_PATH?.trim() || null;
  const path = configured ?? DEFAULT_CHROMIUM_PATH;
  return isExecutable(path) ? { found: true, path } : { found: false, configured };
}
