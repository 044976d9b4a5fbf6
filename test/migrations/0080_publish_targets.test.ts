import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/connection';
import { migrations } from '../../src/main/db/migrations';
import { migrate, schemaVersion } from '../../src/main/db/migrations/runner';
import { publishRepository } from '../../src/main/db/repositories/publish';

describe('migration 80: publish targets and the database id', () => {
  it('gives an older file a random id of its own, keeps its settings, and keeps targets without passwords', () => {
    const made = [1, 2].map(() => {
      const db = openDatabase(':memory:', { targetVersion: 50 });
      db.exec(`INSERT INTO settings (key, value) VALUES ('fairnessWeights', '{"weekend":2}')`);
      migrate(db, migrations, 'test', 80);
      expect(schemaVersion(db)).toBe(80);
      expect(db.prepare("SELECT value FROM settings WHERE key = 'fairnessWeights'").pluck().get()).toBe(
        '{"weekend":2}',
      );
      return { db, repo: publishRepository(db) };
    });
    const [a, b] = made.map(({ repo }) => repo.databaseId());
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(b).not.toBe(a);
    // Asked again, the same id.
    expect(made[0]!.repo.databaseId()).toBe(a);

    const { db, repo } = made[0]!;
    const id = repo.saveTarget(undefined, {
      name: 'Team calendar',
      kind: 'caldav',
      calendarUrl: 'https://dav.example.com/cal/team/',
      username: 'lead',
      folder: null,
      syncOnSave: true,
    });
    expect(repo.target(id)).toMatchObject({ name: 'Team calendar', syncOnSave: true, pending: false, range: null });
    expect(
      db
        .prepare('PRAGMA table_info(publish_targets)')
        .all()
        .map((c) => (c as { name: string }).name),
    ).not.toContain('password');
    expect(() =>
      db.prepare("INSERT INTO publish_targets (name, kind, folder) VALUES ('No server', 'caldav', NULL)").run(),
    ).toThrow(/CHECK/);
    repo.putRecord(id, {
      uid: 'shift-1@x',
      href: 'https://dav.example.com/cal/team/shift-1_x.ics',
      etag: '"1"',
      hash: 'h',
      startsAt: '2026-10-01T13:00:00.000Z',
      endsAt: '2026-10-08T13:00:00.000Z',
    });
    repo.removeTarget(id);
    expect(db.prepare('SELECT count(*) FROM published_events').pluck().get()).toBe(0);
  });
});
