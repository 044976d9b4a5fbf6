import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { clockFromArgs, clockFromSetting } from '../../src/main/clock';
import { appRoot } from '../../src/main/paths';
import { tempDir } from '../support/app';

describe('the host clock', () => {
  it('freezes at an instant given with its offset', () => {
    const clock = clockFromSetting('2026-12-03T02:00:00Z', 'WATCHBILL_NOW', () => 5_000);
    expect(clock.mode).toBe('frozen');
    expect(clock.now().toISOString()).toBe('2026-12-03T02:00:00.000Z');
    expect(clockFromSetting('2026-12-02T21:00-05:00', '--now').now().toISOString()).toBe('2026-12-03T02:00:00.000Z');
  });

  it("starts at an '@' instant and runs on as the real clock does", () => {
    let elapsed = 0;
    const clock = clockFromSetting('@2027-01-01T04:30:00Z', '--now', () => elapsed);
    expect(clock.mode).toBe('running');
    expect(clock.now().toISOString()).toBe('2027-01-01T04:30:00.000Z');
    elapsed = 90_000;
    expect(clock.now().toISOString()).toBe('2027-01-01T04:31:30.000Z');
  });

  it('refuses what is not an instant with an offset, naming where it came from', () => {
    expect(() => clockFromSetting('2026-12-03 02:00', 'WATCHBILL_NOW')).toThrow(
      "WATCHBILL_NOW must be an instant with an offset, like 2026-12-03T02:00:00Z (or @2026-12-03T02:00:00Z to let the clock run on from there), not '2026-12-03 02:00'.",
    );
    expect(() => clockFromSetting('2026-13-45T02:00:00Z', '--now')).toThrow(/^--now must be an instant/);
    expect(() => clockFromArgs(['--now'], {})).toThrow('--now needs an instant');
  });

  it('takes --now over WATCHBILL_NOW, and leaves the other options to the command', () => {
    const env = { WATCHBILL_NOW: '2026-11-26T15:00:00Z' };
    const fromEnv = clockFromArgs(['--db', 'x.db'], env);
    expect(fromEnv.clock.now().toISOString()).toBe('2026-11-26T15:00:00.000Z');
    expect(fromEnv.rest).toEqual(['--db', 'x.db']);
    const fromFlag = clockFromArgs(['--db', 'x.db', '--now', '2028-02-29T15:00:00Z', '--json'], env);
    expect(fromFlag.clock.now().toISOString()).toBe('2028-02-29T15:00:00.000Z');
    expect(fromFlag.rest).toEqual(['--db', 'x.db', '--json']);
    expect(clockFromArgs(['--now=2028-02-29T15:00:00Z'], {}).clock.mode).toBe('frozen');
    expect(clockFromArgs([], {}).clock.mode).toBe('real');
  });
});

describe('the command line on a chosen day', { timeout: 30_000 }, () => {
  const temp = tempDir();
  afterAll(() => temp.remove());
  const who = (env: NodeJS.ProcessEnv, ...args: string[]) =>
    spawnSync(
      process.execPath,
      ['bin/watchbill.js', 'who', '--db', temp.file('team.db'), '--pipeline', 'Aggregate Profit', ...args],
      { cwd: appRoot(), encoding: 'utf8', env: { ...process.env, ...env } },
    );

  it('answers "who do I call now?" for the instant WATCHBILL_NOW names, and --now overrides it', () => {
    // Thu 3 Dec 2026 02:00 UTC is inside the Thanksgiving split: Engineer B primary, Engineer A secondary.
    const split = who({ WATCHBILL_NOW: '2026-12-03T02:00:00Z' });
    expect(split.stderr).toBe('');
    expect(split.stdout).toContain('from 2026-12-02 21:00 (America/New_York)');
    expect(split.stdout).toMatch(/On-call primary\s+Engineer B/);
    expect(split.stdout).toMatch(/On-call secondary\s+Engineer A/);
    // New Year's Eve 23:30 in New York: Engineer C holds the holiday cover.
    const newYear = who({ WATCHBILL_NOW: '2026-12-03T02:00:00Z' }, '--now', '2027-01-01T04:30:00Z');
    expect(newYear.stdout).toMatch(/On-call primary\s+Engineer C/);
  });

  it('refuses a malformed WATCHBILL_NOW before opening anything', () => {
    const result = who({ WATCHBILL_NOW: 'tomorrow' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('WATCHBILL_NOW must be an instant with an offset, like 2026-12-03T02:00:00Z');
  });
});
