// Automatic backups and the way back: a backup on start, one a day while running, the last
// 7 days and 4 weeks kept, and restoring one as a new file (also from recovery mode and the
// command line), never over the refused file.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openAppOrRecovery, openHost, type WatchbillApp } from '../../src/main/app';
import { BACKUP_CHECK_EVERY_MS } from '../../src/main/automatic-backups';
import { backupsFolderOf, datesToKeep, listBackups } from '../../src/main/db/backups';
import { appRoot } from '../../src/main/paths';
import type { RecoveryStatus, RestoredBackup } from '../../src/shared/ipc/channels/recovery';
import { FROZEN_NOW, flipBitInSchema, frozenAt, handClock, tempDir, testApp } from '../support/app';

const temp = tempDir();
afterEach(() => {
  vi.useRealTimers();
  temp.remove();
});

async function value<T>(answer: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new Error(result.error?.message);
  return result.value as T;
}

/** A seeded database with today's backup beside it, closed. */
async function teamWithBackup(name = 'team.db'): Promise<string> {
  const file = temp.file(name);
  const app = testApp({ databasePath: file, backups: true });
  await app.backups!.idle();
  app.close();
  return file;
}

describe('automatic backups', () => {
  it('writes one on start, named with the team’s date, that restores as a new file with everything in it', async () => {
    const file = temp.file('team.db');
    const app = testApp({ databasePath: file, backups: true });
    expect(await app.backups!.idle()).toBe(join(backupsFolderOf(file), 'watchbill-2026-11-21.db'));
    const [backup] = listBackups(file);
    expect(backup).toMatchObject({ name: 'watchbill-2026-11-21.db', date: '2026-11-21', problem: null });
    expect(backup!.counts).toMatchObject({ engineers: 4, pipelines: 5, rotations: 1, overrides: 5, risks: 6 });

    const restored = await value<RestoredBackup>(app.dispatch('recovery:restore', { name: 'watchbill-2026-11-21.db' }));
    app.close();
    expect(restored).toMatchObject({ path: join(temp.dir, 'team-restored-2026-11-21.db'), reopened: false });
    expect(restored.message).toMatch(/watchbill serve --db/);
    const copy = testApp({ databasePath: restored.path });
    expect(copy.firstStart).toBe('existing');
    expect(copy.repos.engineers.list()).toHaveLength(4);
    copy.close();
    // A second restore of the same backup never overwrites the first copy.
    const again = openAppOrRecovery({
      databasePath: file,
      host: 'browser',
      clock: frozenAt(FROZEN_NOW),
      log: () => {},
    });
    const second = await value<RestoredBackup>(again.dispatch('recovery:restore', { name: 'watchbill-2026-11-21.db' }));
    again.close();
    expect(second.path).toBe(join(temp.dir, 'team-restored-2026-11-21-2.db'));
  });

  it('writes one a day while running and keeps the last 7 days and the last backup of 4 weeks', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const clock = handClock(new Date('2026-11-01T15:00:00.000Z')); // a Sunday, 10:00 in New York
    const file = temp.file('team.db');
    const app: WatchbillApp = testApp({ databasePath: file, backups: true, clock });
    await app.backups!.idle();
    for (let day = 1; day < 40; day += 1) {
      clock.set(new Date(clock.now().getTime() + 24 * 3600_000));
      vi.advanceTimersByTime(BACKUP_CHECK_EVERY_MS);
      await app.backups!.idle();
    }
    vi.advanceTimersByTime(BACKUP_CHECK_EVERY_MS); // the same day again: nothing new
    await app.backups!.idle();
    app.close();
    // The last day is Thursday 10 December; the weeks before end on Sundays 29 and 22 November.
    expect(readdirSync(backupsFolderOf(file)).sort()).toEqual([
      'watchbill-2026-11-22.db',
      'watchbill-2026-11-29.db',
      ...['04', '05', '06', '07', '08', '09', '10'].map((d) => `watchbill-2026-12-${d}.db`),
    ]);
  });

  it('keeps the newest of each week when backups were irregular', () => {
    const lastWeek = ['08', '09', '10', '11', '12', '13', '14'].map((d) => `2026-11-${d}`);
    const kept = datesToKeep([
      '2026-10-01',
      '2026-10-02',
      '2026-10-06',
      '2026-10-13',
      '2026-10-14',
      '2026-10-20',
      ...lastWeek,
    ]);
    // The 7 newest days (Sunday 8 to Saturday 14 November), then the newest of the weeks
    // before that have backups: 19–25 October (the 20th) and 12–18 October (the 14th).
    expect([...kept].sort()).toEqual(['2026-10-14', '2026-10-20', ...lastWeek]);
  });
});

describe('recovery mode', () => {
  it('lists the backups of a damaged file, restores one as a copy and opens it, leaving the file as it was', async () => {
    const file = await teamWithBackup();
    flipBitInSchema(file);
    const before = readFileSync(file);
    const host = openHost({ databasePath: file, host: 'browser', clock: frozenAt(FROZEN_NOW), log: () => {} });
    expect(host.current().mode).toBe('recovery');

    const status = await value<RecoveryStatus>(host.dispatch('recovery:status', {}));
    expect(status.refused).toMatchObject({ code: 'corrupt' });
    expect(status.refused!.message).toMatch(/damaged \(table rotations has no column handoff_time\)/);
    expect(status.backups.map((b) => [b.name, b.counts?.engineers])).toEqual([['watchbill-2026-11-21.db', 4]]);
    const refusedCall = await host.dispatch('engineers:list', {});
    expect(refusedCall).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(JSON.stringify(refusedCall)).toMatch(/recovery mode.*damaged/);

    const restored = await value<RestoredBackup>(
      host.dispatch('recovery:restore', { name: 'watchbill-2026-11-21.db' }),
    );
    expect(restored.reopened).toBe(true);
    expect(host.current().mode).toBe('app');
    expect(await value<unknown[]>(host.dispatch('engineers:list', {}))).toHaveLength(4);
    host.close();
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses to restore anything but a backup by its name', async () => {
    const file = await teamWithBackup();
    const host = openHost({ databasePath: file, host: 'browser', clock: frozenAt(FROZEN_NOW), log: () => {} });
    expect(await host.dispatch('recovery:restore', { name: '../team.db' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await host.dispatch('recovery:restore', { name: 'watchbill-2020-01-01.db' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringMatching(/no backup named watchbill-2020-01-01\.db/) },
    });
    host.close();
  });
});

describe('recovery from the command line', { timeout: 30_000 }, () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/watchbill.js', ...args], { cwd: appRoot(), encoding: 'utf8' });

  it('lists the backups under a refusal with the command that restores one, which makes a copy', async () => {
    const file = await teamWithBackup();
    flipBitInSchema(file);
    const before = readFileSync(file);
    const refused = run('sla', '--db', file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/is damaged/);
    expect(refused.stderr).toMatch(
      /watchbill-2026-11-21\.db {2}4 engineers, 5 pipelines, 1 rotation, 5 covers and swaps/,
    );
    expect(refused.stderr).toContain(`watchbill recover --db "${file}" --restore watchbill-2026-11-21.db`);

    const target = join(temp.dir, 'back.db');
    const restored = run('recover', '--db', file, '--restore', 'watchbill-2026-11-21.db', '--to', target);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain(`Restored watchbill-2026-11-21.db to ${target}`);
    expect(run('sla', '--db', target).status).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
