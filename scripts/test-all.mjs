#!/usr/bin/env node
// `npm test`: every check in one run — types, lint, the build, unit and integration tests,
// then the browser tests — and one closing line with the totals. Steps all run, so one failure does
// not hide another; the exit code is non-zero if any failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const reports = join(root, 'test-output');
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function step(title, command, args) {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.error) console.log(`Could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) failures.push(title);
  return result.status === 0;
}

function vitest(title, config, report, { files = [], at } = {}) {
  const output = join(reports, report);
  // A run that ends before writing its report must not be counted with an older one's figures.
  rmSync(output, { force: true });
  const args = [
    'run',
    '--config',
    config,
    ...files,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${output}`,
  ];
  if (at) step(title, 'faketime', [at, bin('vitest'), ...args]);
  else step(title, bin('vitest'), args);
  if (!existsSync(output)) return;
  const summary = JSON.parse(readFileSync(output, 'utf8'));
  passed += summary.numPassedTests;
  failed += summary.numFailedTests;
}

// Chromium (browser tests, the plan's PDF), pdftoppm (checking PDF pages), faketime (the unit
// tests on other days) and Radicale (the calendar server the publish tests publish to) come
// from the system. As root on Debian they are installed when missing; elsewhere the tests that need
// them fail with a message naming what to install.
const missing = [];
if (!process.env.CHROMIUM_PATH && !existsSync('/usr/bin/chromium')) missing.push('chromium');
if (spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).error) missing.push('poppler-utils');
if (spawnSync('faketime', ['--version'], { stdio: 'ignore' }).error) missing.push('faketime');
if (!process.env.RADICALE_PATH && !existsSync('/usr/bin/radicale')) missing.push('radicale');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (missing.length && isRoot && existsSync('/usr/bin/apt-get')) {
  step(`Install ${missing.join(' and ')} (Debian)`, 'sh', [
    '-c',
    `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`,
  ]);
} else if (missing.length) {
  console.log(`Note: ${missing.join(' and ')} missing; the tests that need them will say so.`);
}

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (step('Type check (main, preload, shared, tests)', process.execPath, [tsc, '-p', 'tsconfig.node.json'])) {
  step('Type check (renderer)', process.execPath, [tsc, '-p', 'tsconfig.web.json']);
}
step('Lint', bin('eslint'), ['.', '--max-warnings', '0']);
step('Format', bin('prettier'), ['--check', '.']);
// The build comes first: the CLI tests and the browser tests both run the built app.
const built = step('Build', bin('electron-vite'), ['build']);
vitest('Unit and integration tests', 'vitest.config.ts', 'unit.json');
// The tests of what depends on "today" run again with the machine's clock set to awkward days.
// They take "now" from a frozen clock, so they must pass on any day; one that reads the wall
// clock shows up here instead of on the day the calendar happens to reach such a date.
const DAY_DEPENDENT_TESTS = [
  'test/main/clock.test.ts',
  'test/main/today.test.ts',
  'test/main/schedule.test.ts',
  'test/main/drills.test.ts',
  'test/main/export/plan.test.ts',
  'test/main/export/backup.test.ts',
  'test/shared/time.test.ts',
  'test/shared/rotation.test.ts',
  'test/shared/drills.test.ts',
  'test/shared/sla.test.ts',
  'test/shared/fairness.test.ts',
  'test/main/export/file-dates.test.ts',
  'test/renderer/fairness.test.tsx',
  'test/renderer/calendar-store.test.ts',
  'test/renderer/deadlines.test.tsx',
  'test/shared/warnings.test.ts',
];
const AWKWARD_DAYS = {
  'the Sunday US clocks go forward': '2027-03-14 07:30:00',
  '29 February 2028': '2028-02-29 15:00:00',
  "New Year's Eve, late": '2026-12-31 23:30:00',
};
for (const [name, at] of Object.entries(AWKWARD_DAYS)) {
  vitest(
    `Day-dependent unit tests with the machine's clock at ${at} (${name})`,
    'vitest.config.ts',
    `unit-${at.slice(0, 10)}.json`,
    {
      files: DAY_DEPENDENT_TESTS,
      at,
    },
  );
}
if (built) vitest('Browser tests', 'vitest.e2e.config.ts', 'e2e.json');

console.log('');
if (failures.length) console.log(`Failed steps: ${failures.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);
