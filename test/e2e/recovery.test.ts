// A damaged database in the browser: `serve` opens the recovery screen instead of the app,
// lists the automatic backup with what it holds, restores it as a copy and opens the app on
// the copy, leaving the damaged file exactly as it was.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openApp } from '../../src/main/app';
import { FROZEN_NOW, flipBitInSchema, frozenAt } from '../support/app';
import { api } from './support/api';
import { expectVisible, openWatchbill, screenshot, type Session } from './support/browser';

let session: Session;
let damagedBytes: Buffer;

beforeAll(async () => {
  session = await openWatchbill({
    now: FROZEN_NOW.toISOString(),
    prepare: async (databasePath) => {
      const app = openApp({ databasePath, host: 'browser', backups: true, clock: frozenAt(FROZEN_NOW), log: () => {} });
      await app.backups!.idle();
      app.close();
      flipBitInSchema(databasePath);
      damagedBytes = readFileSync(databasePath);
    },
  });
});

afterAll(async () => {
  await session?.close();
});

describe('Recovery from a damaged database (serve)', () => {
  test('lists the backup, restores it as a copy and opens the app on it', async () => {
    const { page, server } = session;
    expect(server.output()).toMatch(/is damaged[\s\S]*watchbill recover --db/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Watchbill cannot open its database' }));
    expect(await page.getByRole('alert').innerText()).toMatch(
      /is damaged \(table rotations has no column handoff_time\)/,
    );
    const row = page.getByTestId('backup-row');
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toMatch(/2026-11-21[\s\S]*4 engineers, 5 pipelines, 1 rotation, 5 covers and swaps/);
    await screenshot(page, 'recovery');

    await row.getByRole('button', { name: 'Restore 2026-11-21 as a copy' }).click();
    await expectVisible(page.getByRole('navigation', { name: 'Screens' }));
    const info = await api<{ databasePath: string }>(page, 'app:info');
    expect(info.databasePath).toBe(join(dirname(server.databasePath), 'test-restored-2026-11-21.db'));
    expect((await api<unknown[]>(page, 'engineers:list')).length).toBe(4);
    expect(readFileSync(server.databasePath).equals(damagedBytes)).toBe(true);
    expect(session.pageErrors).toEqual([]);
  });
});
