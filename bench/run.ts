// `npm run bench`: every benchmark in this folder, one after another (they compete for the
// same two cores otherwise). Each prints its figures against its targets; nothing asserts.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// `npm run bench -- calendar 4 50`: names choose the benches, numbers go to them (team sizes).
const args = process.argv.slice(2);
const only = args.filter((a) => !/^\d+$/.test(a));
const passed = args.filter((a) => /^\d+$/.test(a));
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

// The benches start the built `watchbill` command: build first if src/ changed since.
const build = spawnSync(process.execPath, [join(here, '..', 'scripts', 'build-if-stale.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

let failed = false;
for (const file of benches) {
  console.log(`\n### ${file}\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, file), ...passed], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
