import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder that holds package.json, resources/ and out/: found by walking up from this
 * module, which works from src/ (tsx, tests), out/main/ (built) and inside app.asar.
 */
export function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Watchbill folder (package.json with resources/).');
    dir = parent;
  }
}

export const appVersion = (): string =>
  (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
export const seedPath = () => join(appRoot(), 'resources', 'seed', 'example-team.json');
export const rendererDir = () => join(appRoot(), 'out', 'renderer');
