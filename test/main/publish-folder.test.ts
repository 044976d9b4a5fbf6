// The feed folder target (the team's and each person's .ics, replaced whole) and the desktop
// app's keychain store for passwords.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { keychainSecrets, type SafeStorageLike } from '../../src/main/publish/keychain';
import { memorySecrets } from '../../src/main/publish/secrets';
import { tempDir, testApp } from '../support/app';
import { callOk } from './export/support';

const QUARTER = { from: '2026-10-01', to: '2026-12-31' };
const temp = tempDir();
afterEach(() => temp.remove());

const events = (file: string) =>
  new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8'))).getAllSubcomponents('vevent').map((v) => ({
    uid: String(v.getFirstPropertyValue('uid')),
    engineer: v.getFirstPropertyValue('x-watchbill-engineer') as string | null,
  }));

describe('a feed folder', () => {
  it("holds the team's calendar and each person's, and a swap changes exactly its events", async () => {
    const app = testApp();
    try {
      const folder = join(temp.dir, 'shared', 'on-call');
      const target = await callOk(app, 'publish:save-target', { kind: 'folder', name: 'Shared folder', folder });
      expect(target.hasPassword).toBe(true);
      const first = await callOk(app, 'publish:sync', QUARTER);
      expect(first.outcomes[0]).toMatchObject({ status: 'published', updated: 0, removed: 0 });
      expect(readdirSync(folder).sort()).toEqual([
        'engineer-a.ics',
        'engineer-b.ics',
        'engineer-c.ics',
        'engineer-d.ics',
        'team.ics',
      ]);
      const team = events(join(folder, 'team.ics'));
      expect(team).toHaveLength(first.outcomes[0]!.created);
      const mine = events(join(folder, 'engineer-b.ics'));
      expect(mine.length).toBeGreaterThan(3);
      expect(new Set(mine.filter((e) => e.engineer).map((e) => e.engineer))).toEqual(new Set(['Engineer B']));
      expect(mine.every((e) => team.some((t) => t.uid === e.uid))).toBe(true);

      await callOk(app, 'schedule:apply', { operation: { op: 'swap', shiftA: 40, shiftB: 42, reason: 'school' } });
      const second = await callOk(app, 'publish:sync', QUARTER);
      expect(second.summary).toBe('0 created, 5 updated, 0 removed; 0 conflicts');
      expect(events(join(folder, 'team.ics')).map((e) => e.uid)).toEqual(team.map((e) => e.uid));
      // Nothing half-written is left beside the files.
      expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('publishes a saved edit by itself when the target asks for it, without holding up the edit', async () => {
    const app = testApp();
    try {
      const folder = join(temp.dir, 'feed');
      await callOk(app, 'publish:save-target', { kind: 'folder', name: 'Feed', folder, syncOnSave: true });
      await callOk(app, 'publish:sync', QUARTER);
      const before = readFileSync(join(folder, 'team.ics'), 'utf8');
      await callOk(app, 'schedule:apply', { operation: { op: 'swap', shiftA: 40, shiftB: 42, reason: 'school' } });
      // The edit has answered; the publish it started runs after it.
      const deadline = performance.now() + 10_000;
      let status = await callOk(app, 'publish:status', {});
      while (status.targets[0]!.lastSummary !== '0 created, 5 updated, 0 removed; 0 conflicts') {
        if (performance.now() > deadline) throw new Error(`not published after the edit: ${JSON.stringify(status)}`);
        await new Promise((resolve) => setImmediate(resolve));
        status = await callOk(app, 'publish:status', {});
      }
      expect(status.pending).toBe(false);
      expect(readFileSync(join(folder, 'team.ics'), 'utf8')).not.toBe(before);
    } finally {
      await app.close();
    }
  });

  it('says which folder cannot be written, and keeps the change as not yet published', async () => {
    const app = testApp();
    try {
      const blocked = temp.file('a-file');
      writeFileSync(blocked, 'not a folder');
      await callOk(app, 'publish:save-target', { kind: 'folder', name: 'Shared', folder: join(blocked, 'feed') });
      const result = await callOk(app, 'publish:sync', QUARTER);
      expect(result.outcomes[0]).toMatchObject({ status: 'failed' });
      expect(result.outcomes[0]!.error).toMatch(/the feed folder .*a-file\/feed cannot be written \(ENOTDIR\)/);
      expect((await callOk(app, 'publish:status', {})).pending).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe('the desktop keychain store', () => {
  // Stands in for Electron's safeStorage, which needs a running Electron.
  const fakeSafeStorage: SafeStorageLike = {
    isEncryptionAvailable: () => true,
    encryptString: (plain) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x5a)),
    decryptString: (sealed) => Buffer.from([...sealed].map((b) => b ^ 0x5a)).toString(),
  };

  it('writes only the encrypted password, reads it back, and forgets it', () => {
    const file = temp.file('secrets.json');
    const store = keychainSecrets(fakeSafeStorage, file, memorySecrets({}));
    store.set('db:1', 'app-token-123');
    expect(readFileSync(file, 'utf8')).not.toContain('app-token-123');
    expect(keychainSecrets(fakeSafeStorage, file, memorySecrets({})).get('db:1')).toBe('app-token-123');
    store.forget('db:1');
    expect(store.get('db:1')).toBeUndefined();
    expect(existsSync(file)).toBe(true);
  });

  it('keeps the password in memory only when the OS offers no encryption', () => {
    const file = temp.file('secrets.json');
    const store = keychainSecrets({ ...fakeSafeStorage, isEncryptionAvailable: () => false }, file, memorySecrets({}));
    store.set('db:1', 'app-token-123');
    expect(store.kind).toBe('memory');
    expect(store.get('db:1')).toBe('app-token-123');
    expect(existsSync(file)).toBe(false);
  });
});
