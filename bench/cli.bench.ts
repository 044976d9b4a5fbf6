// CLI benchmark: `npm run bench cli`. Prints figures, asserts nothing.
//
// Times the `watchbill` command as a person runs it (`node bin/watchbill.js …`, a new Node
// process each time, from the build) on a new database holding the example team: the median
// of several runs of each command, beside its targets — under 1.5 s for `--version` and
// `schedule` (issue 12) and under 1 s for every command that reads the database file (issue 16).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 7;
const QUARTER = ['--from', '2027-01-01', '--to', '2027-03-31'];

interface Target {
  seconds: number;
  source: string;
}
const ISSUE_12: Target = { seconds: 1.5, source: 'issue 12' };
const ISSUE_16: Target = { seconds: 1, source: 'issue 16' };

const dir = mkdtempSync(join(tmpdir(), 'watchbill-bench-cli-'));
const db = join(dir, 'example.db');
const csv = join(dir, 'engineers.csv');
writeFileSync(csv, 'name,email,colour\nEngineer E,e@example.com,#0e7490\n');

/** Runs `watchbill args` once; its wall time in seconds. A failed command stops the bench. */
function time(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['bin/watchbill.js', ...args], { cwd: ROOT, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0 && !(args[0] === 'drills' && result.status === 3))
    throw new Error(`watchbill ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}`);
  return seconds;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

const rows: { label: string; args: string[]; targets: Target[] }[] = [
  { label: '--version', args: ['--version'], targets: [ISSUE_12] },
  { label: '--help', args: ['--help'], targets: [ISSUE_12] },
  { label: 'schedule (a quarter)', args: ['schedule', '--db', db, ...QUARTER], targets: [ISSUE_12, ISSUE_16] },
  { label: 'fairness (a quarter)', args: ['fairness', '--db', db, ...QUARTER], targets: [ISSUE_16] },
  {
    label: 'who',
    args: ['who', '--db', db, '--pipeline', 'Aggregate Profit', '--at', '2027-01-05 10:00'],
    targets: [ISSUE_16],
  },
  { label: 'sla', args: ['sla', '--db', db, '--from', '2027-01-04'], targets: [ISSUE_16] },
  { label: 'drills', args: ['drills', '--db', db], targets: [ISSUE_16] },
  { label: 'export csv (a quarter)', args: ['export', 'csv', '--db', db, ...QUARTER], targets: [ISSUE_16] },
  {
    label: 'import engineers --dry-run',
    args: ['import', 'engineers', csv, '--db', db, '--dry-run'],
    targets: [ISSUE_16],
  },
];

try {
  // The first command on a new file creates it with the example team; timed on its own.
  const created = time(['schedule', '--db', db, ...QUARTER]);
  console.log(
    `Database: a new file with the example team (created by the first \`schedule\` in ${created.toFixed(2)} s)`,
  );
  console.log(`Each figure: the median of ${RUNS} runs of \`node bin/watchbill.js …\`, one process each.\n`);
  const width = Math.max(...rows.map((r) => r.label.length));
  for (const row of rows) {
    const runs = Array.from({ length: RUNS }, () => time(row.args));
    const value = median(runs);
    const verdicts = row.targets.map(
      (t) => `target < ${t.seconds} s (${t.source}): ${value < t.seconds ? 'met' : 'NOT MET'}`,
    );
    console.log(
      `${row.label.padEnd(width)}  median ${value.toFixed(2)} s  (slowest ${Math.max(...runs).toFixed(2)} s)   ${verdicts.join('; ')}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
