// Calendar benchmark: `npx tsx bench/calendar.bench.ts`. Prints figures, asserts nothing.
//
// A database with 50 engineers, five years of weekly shifts and 2,000 overrides is built
// through the real services; then `watchbill serve` runs on it and headless Chromium
// measures, in the page: showing a month, switching months, and the time from releasing a
// dragged engineer over a day to the calendar showing the cover with the save confirmed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { openApp } from '../src/main/app';
import { addDays } from '../src/shared/domain/time';
import { findChromium } from '../test/e2e/support/chromium';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENGINEERS = 50;
const OVERRIDES = 2_000;
const TARGET_SWITCH_MS = 100;
const TARGET_DROP_P95_MS = 100;

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const fmt = (v: number) => `${v.toFixed(1)} ms`;

async function buildDatabase(path: string): Promise<{ rotationStart: string }> {
  const started = performance.now();
  const app = openApp({ databasePath: path, host: 'browser' });
  const h = app.handlers;
  const palette = ['#2563eb', '#c2410c', '#047857', '#9333ea', '#be123c', '#0e7490', '#4d7c0f', '#a16207'];
  const ids = (await h['engineers:list']({})).map((e) => e.id);
  for (let i = ids.length; i < ENGINEERS; i += 1) {
    const saved = await h['engineers:save']({
      name: `Engineer ${i + 1}`,
      email: null,
      color: palette[i % palette.length]!,
      active: true,
      timeZone: 'America/New_York',
    });
    ids.push(saved.id);
  }
  const rotation = (await h['rotations:list']({}))[0]!;
  const today = new Date().toISOString().slice(0, 10);
  const rotationStart = addDays(today, -5 * 365);
  await h['rotations:save']({ ...rotation, startDate: rotationStart, memberIds: ids });
  // Covers of one to three days, spread over the five years, by anyone on the team.
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const existing = (
    await h['schedule:get']({
      from: `${rotationStart}T00:00:00.000Z`,
      to: `${addDays(today, 400)}T00:00:00.000Z`,
    })
  ).overrides.length;
  for (let i = existing; i < OVERRIDES; i += 1) {
    const start = addDays(rotationStart, Math.floor(random() * (5 * 365 + 300)));
    const length = 1 + Math.floor(random() * 3);
    const dates = Array.from({ length }, (_, k) => addDays(start, k));
    await h['schedule:apply']({
      operation: {
        op: 'cover-days',
        dates,
        role: random() < 0.8 ? 'primary' : 'secondary',
        engineerId: ids[Math.floor(random() * ids.length)]!,
        kind: 'cover',
        reason: 'bench',
      },
    });
  }
  const count = (
    await h['schedule:get']({
      from: `${rotationStart}T00:00:00.000Z`,
      to: `${addDays(today, 400)}T00:00:00.000Z`,
    })
  ).overrides.length;
  app.close();
  console.log(
    `Database: ${ENGINEERS} engineers, rotation since ${rotationStart}, ${count} overrides in range (built in ${(
      (performance.now() - started) /
      1000
    ).toFixed(1)} s)`,
  );
  return { rotationStart };
}

async function serve(databasePath: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['bin/watchbill.js', 'serve', '--db', databasePath, '--port', '0', '--no-open'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  const url = await new Promise<string>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /Watchbill is running at (\S+)/.exec(log);
      if (match?.[1]) done(match[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.once('exit', () => fail(new Error(`watchbill serve exited:\n${log}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        child.removeAllListeners('exit');
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

const SETTLED = 'window.__settled()';

async function measureSwitch(page: Page): Promise<number> {
  return page.evaluate(`(async () => {
    const title = document.querySelector('[data-testid="calendar-title"]').textContent;
    const t0 = performance.now();
    document.querySelector('button[aria-label="Next period"]').click();
    await window.__settled(() => document.querySelector('[data-testid="calendar-title"]').textContent !== title);
    return performance.now() - t0;
  })()`);
}

/** Installs window.__settled(extra): resolves once the calendar shows a loaded range and extra() holds, after a paint. */
const INSTALL = `window.__settled = (extra = () => true) => new Promise((done, fail) => {
  const t0 = performance.now();
  const check = () => {
    const main = document.querySelector('.cal-main');
    if (main && main.getAttribute('aria-busy') === 'false' && main.querySelector('.shift') && extra()) {
      // The next frame is the one that shows it.
      requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0));
    } else if (performance.now() - t0 > 10000) fail(new Error('the calendar did not settle'));
    else setTimeout(check, 1);
  };
  check();
});`;

async function measureDrop(page: Page, engineerIndex: number, date: string): Promise<number> {
  const item = page.locator('.roster__item').nth(engineerIndex);
  const id = await item.getAttribute('data-engineer-id');
  const name = await item.getAttribute('data-name');
  const from = (await item.boundingBox())!;
  const cell = (await page.locator(`td[data-date="${date}"]`).boundingBox())!;
  await page.evaluate(
    `window.__releasedAt = null; document.addEventListener('mouseup', () => { window.__releasedAt = performance.now(); }, { once: true, capture: true });`,
  );
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  const end = { x: cell.x + cell.width / 2, y: cell.y + cell.height - 12 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i += 1)
    await page.mouse.move(start.x + ((end.x - start.x) * i) / 10, start.y + ((end.y - start.y) * i) / 10);
  await page.mouse.up();
  return page.evaluate(`(async () => {
    // Shown and saved: the cover is on the calendar and the main process has confirmed it.
    const shown = await window.__settled(
      () =>
        document.querySelector('td[data-date="${date}"] .shift[data-primary="${id}"]') &&
        document.querySelector('.cal-status [role="status"]')?.textContent?.startsWith('Saved: ${name} covers'),
    );
    return shown - window.__releasedAt;
  })()`);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'watchbill-bench-'));
  const databasePath = join(dir, 'bench.db');
  const profile = join(dir, 'profile');
  await buildDatabase(databasePath);
  const server = await serve(databasePath);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    viewport: { width: 1280, height: 800 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await page.evaluate(INSTALL);
    await page.getByRole('button', { name: 'Calendar', exact: true }).waitFor();

    // Showing a month: from choosing the Calendar to its first month drawn with the schedule.
    const shows: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Today' }).click();
      const t0: number = await page.evaluate('performance.now()');
      await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Calendar' }).click();
      const shown = (await page.evaluate(SETTLED)) as number;
      shows.push(shown - t0);
    }

    // Switching months, forwards through the year ahead.
    const switches: number[] = [];
    for (let i = 0; i < 24; i += 1) switches.push(await measureSwitch(page));

    // Drop to saved-and-shown: a month three years back, full of history; 25 drops on its weekdays.
    await page.getByTestId('quarter-picker').selectOption({ index: 4 });
    await page.evaluate(SETTLED);
    const firstOfMonth = await page.evaluate(
      `document.querySelector('td.fc-daygrid-day:not(.fc-day-other)').getAttribute('data-date')`,
    );
    const days = Array.from({ length: 28 }, (_, k) => addDays(firstOfMonth as string, k));
    const drops: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      try {
        drops.push(await measureDrop(page, i % 6, days[i]!));
      } catch (error) {
        await page.screenshot({ path: join(ROOT, 'test-output', 'bench-drop-failure.png') });
        console.log('drop', i, days[i], await page.locator('.cal-status').innerText());
        throw error;
      }
    }

    const line = (label: string, values: number[], target?: number) =>
      console.log(
        `${label.padEnd(34)} median ${fmt(pct(values, 50)).padStart(9)}   p95 ${fmt(pct(values, 95)).padStart(9)}   n=${values.length}${
          target ? `   target < ${target} ms` : ''
        }`,
      );
    console.log('');
    line('Show a month (open Calendar)', shows);
    line('Switch months', switches, TARGET_SWITCH_MS);
    line('Drop to saved-and-shown', drops, TARGET_DROP_P95_MS);
    console.log('\nTimes are measured in the page (performance.now), from the click or the mouse release to the');
    console.log('first animation frame after the calendar shows the loaded schedule or the saved cover.');
  } finally {
    await context.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
