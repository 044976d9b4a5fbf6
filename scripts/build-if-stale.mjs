#!/usr/bin/env node
// Builds the app when out/ is missing or older than src/, quietly otherwise: run before the
// unit tests and the bench, which start the built `watchbill` command.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleBuildReason } from './build-freshness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reason = staleBuildReason(root);
if (reason) {
  console.log(`Building Watchbill: ${reason}.`);
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (build.status !== 0) {
    console.error('The build failed (see above): run `npm run build` to see all of its output.');
    process.exit(1);
  }
}
