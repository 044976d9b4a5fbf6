// Runs once before all browser test files: find (or install) Chromium and check the
// renderer is built, so each test file does not repeat either.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium';
import { REPO_ROOT } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}

export default function setup(project: TestProject): void {
  if (!existsSync(join(REPO_ROOT, 'out', 'renderer', 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` first (`npm run test:e2e` does both).');
  }
  project.provide('chromiumPath', findChromium());
}
