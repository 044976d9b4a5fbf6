// `npm start` says which app it starts and why; the README says which Node each part needs.
// Both follow the engines of the installed packages, so an Electron upgrade that changes its
// Node requirement fails here until the README says so.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopSupport } from '../../scripts/desktop-support.mjs';

const root = join(import.meta.dirname, '..', '..');
const readJson = (path: string) =>
  JSON.parse(readFileSync(join(root, path), 'utf8')) as { version: string; engines: { node: string } };
const electron45 = { version: '45.4.1', engines: { node: '>= 22.12.0' } };

describe('which app npm start starts', () => {
  it.each(['22.12.0', '22.13.1', '23.0.0', '24.11.1', 'v22.12.0'])('the desktop app on Node %s', (node) => {
    expect(desktopSupport(node, electron45)).toEqual({
      desktop: true,
      reason: `Electron 45.4.1 on Node ${node}`,
    });
  });

  it.each(['20.19.0', '20.20.2', '22.11.9', '21.99.99'])(
    'the browser version on Node %s, saying why and what to install',
    (node) => {
      expect(desktopSupport(node, electron45)).toEqual({
        desktop: false,
        reason: `Node ${node} is older than 22.12.0, which Electron 45.4.1 needs to download its runtime; install Node 22.12.0 or newer for the desktop app`,
      });
    },
  );

  it('the browser version when electron is not installed', () => {
    expect(desktopSupport('22.12.0', null)).toEqual({
      desktop: false,
      reason: 'the electron package is not installed (run `npm ci`)',
    });
  });

  it('tries the desktop app when Electron states no requirement it can read', () => {
    expect(desktopSupport('20.19.0', { version: '40.8.5', engines: { node: '>= 12.20.55' } }).desktop).toBe(true);
    expect(desktopSupport('20.19.0', { version: '99.0.0' }).desktop).toBe(true);
  });
});

describe('the README', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const shortVersion = (range: string) => /(\d+\.\d+)/.exec(range)![1]!;

  it('names the Node the installed Electron needs for the desktop app', () => {
    const electron = readJson('node_modules/electron/package.json');
    const needed = shortVersion(electron.engines.node);
    expect(readme).toMatch(new RegExp(`\\| the desktop app [^\\n]*\\| ${needed.replace('.', '\\.')} or newer`));
    expect(readme).toContain(`runs on Electron ${electron.version.split('.')[0]}.`);
  });

  it('names the Node the rest of Watchbill needs, as package.json does', () => {
    const needed = shortVersion(readJson('package.json').engines.node);
    expect(readme).toMatch(
      new RegExp(`\\| the tests, the CLI, the browser version [^\\n]*\\| ${needed.replace('.', '\\.')} or newer`),
    );
    expect(readme).toContain(`Both work on a fresh machine with Node ${needed} or newer`);
  });
});
