import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staleBuildReason } from '../../scripts/build-freshness.mjs';
import { tempDir } from '../support/app';

const temp = tempDir();
let checkouts = 0;
afterAll(() => temp.remove());

/** A checkout in a temporary folder: its files get the given modification times (seconds). */
function checkout(files: Record<string, number>): string {
  checkouts += 1;
  const root = temp.file(`checkout-${checkouts}`);
  for (const [path, mtime] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, '');
    utimesSync(full, mtime, mtime);
  }
  return root;
}

describe('whether `watchbill` may run the build from a checkout', () => {
  it('says the app is not built when out/ has no CLI', () => {
    const root = checkout({ 'src/main/app.ts': 1_000 });
    expect(staleBuildReason(root)).toBe('the app is not built yet');
  });

  it('names the source file edited after the build', () => {
    const root = checkout({
      'src/main/app.ts': 1_000,
      'src/renderer/features/today/TodayScreen.tsx': 3_000,
      'out/main/cli.js': 2_000,
    });
    expect(staleBuildReason(root)).toBe(
      `the build is older than ${join('src', 'renderer', 'features', 'today', 'TodayScreen.tsx')}`,
    );
  });

  it('counts a change to the build configuration', () => {
    const root = checkout({ 'src/main/app.ts': 1_000, 'electron.vite.config.ts': 3_000, 'out/main/cli.js': 2_000 });
    expect(staleBuildReason(root)).toBe('the build is older than electron.vite.config.ts');
  });

  it('runs a build newer than every source', () => {
    const root = checkout({ 'src/main/app.ts': 1_000, 'electron.vite.config.ts': 1_000, 'out/main/cli.js': 2_000 });
    expect(staleBuildReason(root)).toBeNull();
  });

  it('takes an installed copy without sources as built', () => {
    const root = checkout({ 'out/main/cli.js': 2_000 });
    expect(staleBuildReason(root)).toBeNull();
  });
});
