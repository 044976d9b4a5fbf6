import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/connection';
import { migrations } from '../../src/main/db/migrations';
import { migrate, schemaVersion } from '../../src/main/db/migrations/runner';
import { ledgerRepository } from '../../src/main/db/repositories/ledger';

describe('migration 70: the fairness ledger history', () => {
  it("keeps version 50's engineers and adds past shifts and opening balances that go with their engineer", () => {
    const db = openDatabase(':memory:', { targetVersion: 50 });
    db.exec(`INSERT INTO engineers (id, name, email, color, time_zone) VALUES
               (1, 'Engineer A', '', '#1d4ed8', 'America/New_York'), (2, 'Engineer B', '', '#b45309', 'America/New_York');
             INSERT INTO settings (key, value) VALUES ('fairnessWeights', '{"weekday":1}');`);
    migrate(db, migrations, 'test', 70);
    expect(schemaVersion(db)).toBe(70);
    expect(db.prepare('SELECT count(*) AS n FROM engineers').get()).toEqual({ n: 2 });
    expect(db.prepare("SELECT value FROM settings WHERE key = 'fairnessWeights'").get()).toEqual({
      value: '{"weekday":1}',
    });

    // Today's repository works on today's schema, where history belongs to a rotation (version 90).
    migrate(db, migrations, 'test');
    db.exec(`INSERT INTO rotations (id, name, time_zone, start_date) VALUES (1, 'Team', 'UTC', '2025-01-01')`);
    const repo = ledgerRepository(db);
    repo.addPastShifts(1, [
      {
        engineerId: 1,
        startsAt: '2025-12-04T14:00:00.000Z',
        endsAt: '2025-12-11T14:00:00.000Z',
        role: 'primary',
        source: 'pd.csv',
      },
    ]);
    repo.setOpeningBalance(2, -3.5);
    expect(repo.pastShifts(1)).toEqual([
      {
        id: 1,
        rotationId: 1,
        engineerId: 1,
        startsAt: '2025-12-04T14:00:00.000Z',
        endsAt: '2025-12-11T14:00:00.000Z',
        role: 'primary',
        source: 'pd.csv',
      },
    ]);
    expect(repo.openingBalances()).toEqual({ 2: -3.5 });
    // A shift that ends before it starts, or in an unknown role, is refused by the file itself.
    expect(() =>
      db
        .prepare(
          "INSERT INTO past_shifts (engineer_id, starts_at, ends_at, role, source) VALUES (1, 'b', 'a', 'primary', '')",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO past_shifts (engineer_id, starts_at, ends_at, role, source) VALUES (1, 'a', 'b', 'boss', '')",
        )
        .run(),
    ).toThrow(/CHECK/);
    // An engineer removed takes their history with them.
    db.exec('DELETE FROM engineers WHERE id IN (1, 2)');
    expect(repo.pastShifts(1)).toEqual([]);
    expect(repo.openingBalances()).toEqual({});
    // A balance set to zero is no balance.
    db.exec("INSERT INTO engineers (id, name, email, color, time_zone) VALUES (3, 'C', '', '#111111', 'UTC')");
    repo.setOpeningBalance(3, 2);
    repo.setOpeningBalance(3, 0);
    expect(repo.openingBalances()).toEqual({});
  });
});
