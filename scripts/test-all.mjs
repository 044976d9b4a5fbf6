#!/usr/bin/env node
// `npm test`: every check in one run — types, lint, the build, unit and integration tests,
// then the browser tests — and one closing line with the totals. Steps all run, so one failure does
// not hide another; the exit code is non-zero if any failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
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
  if (result.status !== 0) failures.push(title);
  return result.status === 0;
}

function vitest(title, config, report) {
  const output = join(reports, report);
  step(title, bin('vitest'), [
    'run',
    '--config',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${output}`,
  ]);
  if (!existsSync(output)) return;
  const summary = JSON.parse(readFileSync(output, 'utf8'));
  passed += summary.numPassedTests;
  failed += summary.numFailedTests;
}

// Chromium (browser tests, the plan's PDF), pdftoppm (checking PDF pages) and Radicale (the
// calendar server the publish tests publish to) come from the system. As root on Debian they are installed when missing; elsewhere the tests that need
// them fail with a message naming what to install.
const missing = [];
if (!process.env.CHROMIUM_PATH && !existsSync('/usr/bin/chromium')) missing.push('chromium');
if (spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).error) missing.push('poppler-utils');
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
if (built) vitest('Browser tests', 'vitest.e2e.config.ts', 'e2e.json');

console.log('');
if (failures.length) console.log(`Failed steps: ${failures.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);
