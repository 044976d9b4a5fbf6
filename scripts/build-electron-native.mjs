#!/usr/bin/env node
// Builds better-sqlite3 for the Electron runtime into native/electron/, from a
// copy of its sources, so the Node build in node_modules (which the tests use) is never
// overwritten. The desktop app loads this file through better-sqlite3's nativeBinding option.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const target = join(root, 'native', 'electron', 'better_sqlite3.node');
const stamp = join(root, 'native', 'electron', 'VERSION');

if (existsSync(target) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === electronVersion) process.exit(0);

const source = dirname(require.resolve('better-sqlite3/package.json'));
const work = mkdtempSync(join(tmpdir(), 'watchbill-native-'));
try {
  cpSync(source, work, { recursive: true, filter: (path) => !path.includes(`${source}/build`) });
  const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
  // npm may point node-gyp at Node's own headers (npm_config_nodedir); Electron needs its own.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_config_(nodedir|target|runtime|disturl)$/i.test(key)),
  );
  const result = spawnSync(
    process.execPath,
    [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: work, stdio: 'inherit', env },
  );
  if (result.status !== 0) {
    console.error(
      `Could not build better-sqlite3 for Electron ${electronVersion} (Electron's headers must be downloadable).`,
    );
    process.exit(1);
  }
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  writeFileSync(stamp, electronVersion);
  console.log(`Built better-sqlite3 for Electron ${electronVersion}: ${target}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
