import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/connection';
import { WATCHBILL_APPLICATION_ID } from '../../src/main/db/identity';
import { migrations } from '../../src/main/db/migrations';
import { migrate, schemaVersion } from '../../src/main/db/migrations/runner';

describe('migration 50: the Watchbill mark', () => {
  it('marks a version-30 file as Watchbill’s and keeps its rows', () => {
    const db = openDatabase(':memory:', { targetVersion: 30 });
    db.exec(`INSERT INTO engineers (id, name, color, time_zone) VALUES (1, 'Engineer A', '#123456', 'UTC');`);
    expect(db.pragma('application_id', { simple: true })).toBe(0);
    migrate(db, migrations, 'test', 50);
    expect(schemaVersion(db)).toBe(50);
    expect(db.pragma('application_id', { simple: true })).toBe(WATCHBILL_APPLICATION_ID);
    expect(Buffer.from([0x57, 0x42, 0x69, 0x6c]).readUInt32BE(0)).toBe(WATCHBILL_APPLICATION_ID); // 'WBil'
    expect(db.prepare('SELECT name FROM engineers').all()).toEqual([{ name: 'Engineer A' }]);
  });

  it('marks a new database from the start', () => {
    const db = openDatabase(':memory:');
    expect(db.pragma('application_id', { simple: true })).toBe(WATCHBILL_APPLICATION_ID);
  });
});
