// Headless Chromium through playwright-core, on a fresh profile per test file.
import { mkdirSync, mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS } from '../../../src/main/chromium';
import { REPO_ROOT, startServer, type RunningServer, type ServerOptions } from './server';

export interface Session {
  server: RunningServer;
  context: BrowserContext;
  page: Page;
  /** Problems the page reported (uncaught errors, console errors), to assert there are none. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** A running server on a new database and a browser signed in to it (the start address sets the cookie). */
export async function openWatchbill(options: ServerOptions = {}): Promise<Session> {
  const server = await startServer(options);
  const profile = mkdtempSync(join(tmpdir(), 'watchbill-profile-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: inject('chromiumPath'),
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
      // The app shows times in the rotation's zone; the browser's own zone must not matter.
      timezoneId: 'Europe/Berlin',
      locale: 'en-GB',
    });
  } catch (error) {
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(server.url);
  return {
    server,
    context,
    page,
    pageErrors,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
      await server.stop();
    },
  };
}

export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-output', 'screenshots');

/**
 * Saves a screenshot under test-output/screenshots/. With WATCHBILL_UPDATE_DOCS=1 it also
 * replaces the README's picture `docsName` under docs/: a plain test run leaves the committed
 * files alone.
 */
export async function screenshot(page: Page, name: string, docsName?: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  if (docsName && process.env.WATCHBILL_UPDATE_DOCS === '1') {
    const target = join(REPO_ROOT, 'docs', docsName);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(path, target);
  }
  return path;
}

/** Waits until the element is shown (a failed wait names the locator). */
export async function expectVisible(locator: Locator, timeout = 10_000): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout });
}
