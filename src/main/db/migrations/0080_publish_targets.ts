import type { Migration } from './types';

// Publishing to a calendar server or a feed folder. Every event UID carries a random id made
// here once per database, so two teams' calendars imported side by side never collide.
// A target keeps its settings but never its password; `published_events` is what Watchbill
// put there (uid → where, the server's ETag, a hash of what was sent), the only things a
// later publish may update or delete.
export const migration0080: Migration = {
  version: 80,
  name: 'publish targets and database id',
  up(db) {
    db.exec(`
      INSERT INTO settings (key, value)
        VALUES ('databaseId', json_quote(lower(hex(randomblob(8)))))
        ON CONFLICT (key) DO NOTHING;

      CREATE TABLE publish_targets (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) BETWEEN 1 AND 80),
        kind          TEXT NOT NULL CHECK (kind IN ('caldav', 'folder')),
        calendar_url  TEXT,
        username      TEXT,
        folder        TEXT,
        sync_on_save  INTEGER NOT NULL DEFAULT 0 CHECK (sync_on_save IN (0, 1)),
        -- The local dates the last publish covered: what publishing after an edit keeps in step.
        range_from    TEXT,
        range_to      TEXT,
        -- A change not yet on the target (the server was unreachable): retried until it goes through.
        pending       INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1)),
        last_error    TEXT,
        last_published_at TEXT,
        last_summary  TEXT, -- the last publish in words: "12 created, 3 updated, 1 removed; 0 conflicts"
        CHECK ((kind = 'caldav' AND calendar_url IS NOT NULL AND username IS NOT NULL)
               OR (kind = 'folder' AND folder IS NOT NULL))
      );

      CREATE TABLE published_events (
        target_id  INTEGER NOT NULL REFERENCES publish_targets (id) ON DELETE CASCADE,
        uid        TEXT NOT NULL,
        href       TEXT NOT NULL,
        etag       TEXT,
        hash       TEXT NOT NULL,
        starts_at  TEXT NOT NULL,
        ends_at    TEXT NOT NULL,
        PRIMARY KEY (target_id, uid)
      );
    `);
  },
};
