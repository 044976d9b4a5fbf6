import type { Migration } from './types';

// The fairness ledger's history from before Watchbill: on-call shifts imported from another
// tool's or another file's schedule, and balances the lead typed by hand. Both count towards
// the balance carried into a period; the carry-over policy itself is a setting.
export const migration0070: Migration = {
  version: 70,
  name: 'Fairness ledger history',
  up(db) {
    db.exec(`
      CREATE TABLE past_shifts (
        id          INTEGER PRIMARY KEY,
        engineer_id INTEGER NOT NULL REFERENCES engineers(id) ON DELETE CASCADE,
        starts_at   TEXT NOT NULL,
        ends_at     TEXT NOT NULL,
        role        TEXT NOT NULL CHECK (role IN ('primary', 'secondary')),
        source      TEXT NOT NULL,
        CHECK (ends_at > starts_at)
      );
      CREATE INDEX past_shifts_by_start ON past_shifts (starts_at);

      CREATE TABLE opening_balances (
        engineer_id INTEGER PRIMARY KEY REFERENCES engineers(id) ON DELETE CASCADE,
        balance     REAL NOT NULL
      );
    `);
  },
};
