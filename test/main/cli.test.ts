import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { appRoot } from '../../src/main/paths';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/watchbill.js', ...args], { cwd: appRoot(), encoding: 'utf8' });

describe('the watchbill command', () => {
  it('prints its version', () => {
    const version = execFileSync(process.execPath, ['bin/watchbill.js', '--version'], {
      cwd: appRoot(),
      encoding: 'utf8',
    });
    expect(version.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('lists its commands in --help', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/serve/);
  });

  it('says which command is unknown', () => {
    const result = run('frobnicate');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('names a malformed option', () => {
    const result = run('serve', '--prot', '80');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--prot/);
  });
});
