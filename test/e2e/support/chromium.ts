// Where the browser tests find Chromium: $CHROMIUM_PATH, else Debian's /usr/bin/chromium.
// On a fresh Debian machine where we are root, Debian's package is installed once; anywhere
// else a missing browser is a clear failure that says what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEFAULT_CHROMIUM_PATH, locateChromium } from '../../../src/main/chromium';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = () => existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const lookup = locateChromium(env);
  if (lookup.found) return lookup.path;
  if (lookup.configured)
    throw new Error(`CHROMIUM_PATH is set to '${lookup.configured}', but there is no executable there.`);

  if (isRoot() && isDebian()) {
    console.log('Chromium not found: installing Debian’s chromium package (apt-get install -y chromium)…');
    execFileSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], {
      stdio: 'inherit',
      env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = locateChromium(env);
    if (installed.found) return installed.path;
    throw new Error(`apt-get installed chromium, but ${DEFAULT_CHROMIUM_PATH} is still missing.`);
  }
  throw new Error(
    'The browser tests need Chromium and none was found. Install it (on Debian/Ubuntu: `sudo apt-get install chromium`) ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
  );
}
