#!/usr/bin/env node
// The `watchbill` command runs the main process's build (out/main/cli.js, built by
// `npm run build` with the desktop app), so no TypeScript is compiled at run time. From a
// checkout whose sources changed since, it says so instead of running yesterday's code.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleBuildReason } from '../scripts/build-freshness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stale = staleBuildReason(root);
if (stale) {
  console.error(`watchbill: ${stale}: run \`npm run build\` first.`);
  process.exit(1);
}
const { main } = await import('../out/main/cli.js');
process.exitCode = await main(process.argv.slice(2));
