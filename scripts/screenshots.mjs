// A review tool, not a test: photographs every screen (and a few dialogs) of a build on a fresh
// example database at a frozen instant, so two builds can be compared pixel by pixel.
//
//   node scripts/screenshots.mjs shoot <folder> [--repo <checkout>]   (the checkout must be built)
//   node scripts/screenshots.mjs compare <before> <after> [--diff <folder>]
//
// The frozen instant, the viewport, the browser's zone and locale are fixed, so the same build
// shoots the same pictures; `compare` prints, per picture, the share of pixels that differ.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';

const HERE = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NOW = '2026-11-21T15:00:00.000Z';
const VIEWPORT = { width: 1280, height: 800 };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function usage(message) {
  console.error(`${message}\nUsage: node scripts/screenshots.mjs shoot <folder> [--repo <checkout>]`);
  console.error('       node scripts/screenshots.mjs compare <before> <after> [--diff <folder>]');
  process.exit(2);
}

function option(args, name) {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (!value) usage(`${name} needs a value.`);
  args.splice(at, 2);
  return value;
}

/** Starts `watchbill serve` of `repo` on a new example database; resolves with its start address. */
function serve(repo) {
  const dir = mkdtempSync(join(tmpdir(), 'watchbill-shots-'));
  const args = ['bin/watchbill.js', 'serve', '--db', join(dir, 'shots.db'), '--port', '0', '--no-open', '--now', NOW];
  const env = { ...process.env };
  delete env.WATCHBILL_DB;
  delete env.WATCHBILL_NOW;
  const child = spawn(process.execPath, args, { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const url = new Promise((resolveUrl, reject) => {
    const onData = (chunk) => {
      log += chunk.toString();
      const match = /Watchbill is running at (\S+)/.exec(log);
      if (match) resolveUrl(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (log += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`watchbill serve exited (${code}) before it was ready:\n${log}`)));
  });
  const stop = async () => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  return { url, stop };
}

/** What a person waits for: the heading, then no "Loading" left and the network quiet. */
async function settled(page, heading) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForLoadState('networkidle');
  await page
    .getByText(/^Loading/)
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForLoadState('networkidle');
  // The caret and hover states are not part of what is compared.
  await page.mouse.move(0, 0);
}

async function go(page, label, heading = label) {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: label }).click();
  await settled(page, heading);
}

async function shoot(folder, repo) {
  if (!existsSync(join(repo, 'out', 'main'))) usage(`${repo} has no build: run npm run build there first.`);
  mkdirSync(folder, { recursive: true });
  const server = serve(repo);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, timezoneId: 'Europe/Berlin', locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(await server.url);
    const snap = async (name) => {
      await page.screenshot({ path: join(folder, `${name}.png`), animations: 'disabled', caret: 'hide' });
      console.log(`  ${name}.png`);
    };
    const dialog = async (name) => {
      await page.getByRole('dialog').first().waitFor();
      await page.waitForLoadState('networkidle');
      await snap(name);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').first().waitFor({ state: 'detached' });
    };

    await settled(page, 'Today');
    await snap('01-today');
    await go(page, 'Calendar');
    await page.locator('.fc-event').first().waitFor();
    await page.waitForLoadState('networkidle');
    await snap('02-calendar');
    await go(page, 'Team');
    await snap('03-team');
    await page
      .getByRole('button', { name: /^Add time away for / })
      .first()
      .click();
    await dialog('03a-team-time-away');
    await go(page, 'Fairness');
    await snap('04-fairness');
    await go(page, 'Ownership');
    await snap('05-ownership');
    await page.getByRole('button', { name: 'Matrix', exact: true }).click();
    await page.getByTestId('ownership-matrix').waitFor();
    await page.waitForLoadState('networkidle');
    await snap('05a-ownership-matrix');
    await page
      .getByRole('button', { name: /^Edit details of / })
      .first()
      .click();
    await dialog('05b-pipeline-edit');
    await go(page, 'Runbooks');
    await page.getByTestId('runbook-pick').first().click();
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await snap('06-runbook');
    await go(page, 'Drills');
    await snap('07-drills');
    await go(page, 'SLAs & risks');
    await snap('08-slas');
    await page.getByRole('button', { name: 'Risk register' }).click();
    await page.getByRole('heading', { name: /Heat map/ }).waitFor();
    await page.waitForLoadState('networkidle');
    await snap('08a-risks');
    await go(page, 'Export & import');
    await snap('09-export');
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

function compare(before, after, diffFolder) {
  const names = readdirSync(before).filter((n) => n.endsWith('.png'));
  const missing = readdirSync(after).filter((n) => n.endsWith('.png') && !names.includes(n));
  if (diffFolder) mkdirSync(diffFolder, { recursive: true });
  let differing = 0;
  for (const name of names.sort()) {
    if (!existsSync(join(after, name))) {
      console.log(`${name.padEnd(28)} missing in ${after}`);
      differing += 1;
      continue;
    }
    const a = PNG.sync.read(readFileSync(join(before, name)));
    const b = PNG.sync.read(readFileSync(join(after, name)));
    if (a.width !== b.width || a.height !== b.height) {
      console.log(`${name.padEnd(28)} size differs: ${a.width}×${a.height} vs ${b.width}×${b.height}`);
      differing += 1;
      continue;
    }
    const diff = new PNG({ width: a.width, height: a.height });
    const pixels = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
    const share = pixels / (a.width * a.height);
    console.log(`${name.padEnd(28)} ${(share * 100).toFixed(3).padStart(8)} % of pixels differ (${pixels})`);
    if (pixels > 0) {
      differing += 1;
      if (diffFolder) writeFileSync(join(diffFolder, name), PNG.sync.write(diff));
    }
  }
  for (const name of missing) console.log(`${name.padEnd(28)} only in ${after}`);
  return differing + missing.length;
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'shoot') {
  const repo = resolve(option(rest, '--repo') ?? HERE);
  if (rest.length !== 1) usage('shoot takes one folder.');
  await shoot(resolve(rest[0]), repo);
} else if (command === 'compare') {
  const diffFolder = option(rest, '--diff');
  if (rest.length !== 2) usage('compare takes two folders.');
  process.exitCode = compare(resolve(rest[0]), resolve(rest[1]), diffFolder && resolve(diffFolder)) > 0 ? 1 : 0;
} else usage('Say shoot or compare.');
