#!/usr/bin/env node
// `npm start`: build, then run the desktop app. Where the Electron runtime is not installed
// and cannot be fetched (an offline machine), say so in one line and serve the same app to
// the system browser instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const passThrough = process.argv.slice(2);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}

if (!run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'])) {
  console.error('Watchbill: the build failed (see above).');
  process.exit(1);
}

/** Path of the Electron executable, fetching it once if the package has not yet. */
function electronExecutable() {
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  // The package downloads its runtime on first use; give it a bounded try, quietly.
  const install = spawnSync(process.execPath, [join(pkgDir, 'install.js')], {
    cwd: root,
    stdio: 'ignore',
    timeout: 120_000,
  });
  if (install.status !== 0) return null;
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(pkgDir, 'dist', require('node:fs').readFileSync(pathFile, 'utf8'));
  return existsSync(executable) ? executable : null;
}

function serveInBrowser() {
  const child = spawn(process.execPath, [join(root, 'bin', 'watchbill.js'), 'serve', ...passThrough], {
    cwd: root,
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

const electron = electronExecutable();
if (!electron) {
  console.log(
    'Watchbill: the Electron runtime is not installed and cannot be fetched here; starting the browser version instead.',
  );
  serveInBrowser();
} else if (!run(process.execPath, [join(root, 'scripts', 'build-electron-native.mjs')])) {
  console.log(
    'Watchbill: better-sqlite3 could not be built for Electron (see above); starting the browser version instead.',
  );
  serveInBrowser();
} else {
  const child = spawn(electron, [root, ...passThrough], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
