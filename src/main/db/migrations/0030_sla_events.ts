import type { Migration } from './types';

// The events that start an SLA's clock ("within 6 hours of experiment start"): kept, so the
// deadline they set shows on the SLA screen and on Today until it has passed.
export const migration0030: Migration = {
  version: 30,
  name: 'SLA events',
  up(db) {
    db.exec(`
      CREATE TABLE sla_events (
        id     INTEGER PRIMARY KEY,
        sla_id INTEGER NOT NULL REFERENCES slas(id) ON DELETE CASCADE,
        at     TEXT NOT NULL,
        label  TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX sla_events_sla ON sla_events(sla_id, at);
    `);
  },
};
