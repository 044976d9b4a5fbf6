// Where the browser tests find Chromium: $CHROMIUM_PATH, else Debian's /usr/bin/chromium.
// On a fresh Debian machine where we are root, Debian's package is installed once; anywhere
// else a missing browser is a clear failure that says what to install.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = () => existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) {
    if (isExecutable(configured)) return configured;
    throw new Error(`CHROMIUM_PATH is set to '${configured}', but there is no executable there.`);
  }
  if (isExecutable(DEFAULT_PATH)) return DEFAULT_PATH;

  if (isRoot() && isDebian()) {
    console.log('Chromium not found: installing Debian’s chromium package (apt-get install -y chromium)…');
    execFileSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], {
      stdio: 'inherit',
      env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (isExecutable(DEFAULT_PATH)) return DEFAULT_PATH;
    throw new Error('apt-get installed chromium, but /usr/bin/chromium is still missing.');
  }
  throw new Error(
    'The browser tests need Chromium and none was found. Install it (on Debian/Ubuntu: `sudo apt-get install chromium`) ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
  );
}
