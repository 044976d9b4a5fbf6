#!/usr/bin/env node
// `npm start`: build, then run the desktop app. Where it cannot run (a Node older than
// Electron's tooling needs, a runtime that cannot be downloaded on an offline machine, a
// native module that cannot be built), say why in one line and serve the same app to the
// system browser instead. Either way the first line printed after the build says which.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { desktopSupport } from './desktop-support.mjs';

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

function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** Path of the Electron executable, fetching it once if the package has not yet. */
function electronExecutable(pkgDir) {
  // The package downloads its runtime on first use; give it a bounded try, quietly.
  if (!existsSync(join(pkgDir, 'path.txt'))) console.log('Watchbill: fetching the Electron runtime (once)…');
  const install = spawnSync(process.execPath, [join(pkgDir, 'install.js')], {
    cwd: root,
    stdio: 'ignore',
    timeout: 120_000,
  });
  if (install.status !== 0) return null;
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(executable) ? executable : null;
}

function serveInBrowser() {
  const child = spawn(process.execPath, [join(root, 'bin', 'watchbill.js'), 'serve', ...passThrough], {
    cwd: root,
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

function startBrowserVersion(reason) {
  console.log(`Watchbill: starting the browser version, because ${reason}.`);
  serveInBrowser();
}

const pkgDir = electronPackageDir();
const support = desktopSupport(
  process.versions.node,
  pkgDir ? JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) : null,
);
const electron = support.desktop ? electronExecutable(pkgDir) : null;
if (!support.desktop) {
  startBrowserVersion(support.reason);
} else if (!electron) {
  startBrowserVersion('the Electron runtime is not installed and could not be downloaded (offline?)');
} else if (!run(process.execPath, [join(root, 'scripts', 'build-electron-native.mjs')])) {
  startBrowserVersion('better-sqlite3 could not be built for Electron (see above)');
} else {
  console.log(`Watchbill: starting the desktop app (${support.reason}).`);
  const child = spawn(electron, [root, ...passThrough], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
