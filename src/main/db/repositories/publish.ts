import { randomBytes } from 'node:crypto';
import type { Connection } from '../connection';
import type { PublishTarget } from '../../../shared/ipc/channels/publish';
import type { PublishTargetKind } from '../../../shared/ipc/publish-schemas';
import type { Id, IsoDate } from '../../../shared/model';

interface TargetRow {
  id: number;
  name: string;
  kind: PublishTargetKind;
  calendar_url: string | null;
  username: string | null;
  folder: string | null;
  sync_on_save: number;
  range_from: string | null;
  range_to: string | null;
  pending: number;
  last_error: string | null;
  last_published_at: string | null;
  last_summary: string | null;
}

/** A target as stored: everything but whether a password is at hand (the secrets know that). */
export type StoredTarget = Omit<PublishTarget, 'hasPassword'>;

export interface TargetDraft {
  name: string;
  kind: PublishTargetKind;
  calendarUrl: string | null;
  username: string | null;
  folder: string | null;
  syncOnSave: boolean;
}

/** What Watchbill put on a target for one event: the only things a later publish may touch. */
export interface PublishedRecord {
  uid: string;
  href: string;
  etag: string | null;
  hash: string;
  startsAt: string;
  endsAt: string;
}

const toTarget = (r: TargetRow): StoredTarget => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  calendarUrl: r.calendar_url,
  username: r.username,
  folder: r.folder,
  syncOnSave: r.sync_on_save === 1,
  pending: r.pending === 1,
  lastError: r.last_error,
  lastPublishedAt: r.last_published_at,
  lastSummary: r.last_summary,
  range: r.range_from && r.range_to ? { from: r.range_from, to: r.range_to } : null,
});

const DATABASE_ID_KEY = 'databaseId';

export function publishRepository(db: Connection) {
  const selectTargets = db.prepare<[], TargetRow>('SELECT * FROM publish_targets ORDER BY name');
  const selectTarget = db.prepare<[number], TargetRow>('SELECT * FROM publish_targets WHERE id = ?');
  const selectRecords = db.prepare<
    [number],
    { uid: string; href: string; etag: string | null; hash: string; starts_at: string; ends_at: string }
  >(
    'SELECT uid, href, etag, hash, starts_at, ends_at FROM published_events WHERE target_id = ? ORDER BY starts_at, uid',
  );
  const upsertRecord = db.prepare(
    `INSERT INTO published_events (target_id, uid, href, etag, hash, starts_at, ends_at)
     VALUES (@targetId, @uid, @href, @etag, @hash, @startsAt, @endsAt)
     ON CONFLICT (target_id, uid) DO UPDATE SET href = excluded.href, etag = excluded.etag, hash = excluded.hash,
       starts_at = excluded.starts_at, ends_at = excluded.ends_at`,
  );
  const deleteRecord = db.prepare('DELETE FROM published_events WHERE target_id = ? AND uid = ?');

  return {
    /**
     * The random id made once per database (migration 80) that every event UID carries. A
     * backup restored from before it has none, so one is made then.
     */
    databaseId(): string {
      const row = db
        .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
        .get(DATABASE_ID_KEY);
      if (row) return JSON.parse(row.value) as string;
      const made = randomBytes(8).toString('hex');
      db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(DATABASE_ID_KEY, JSON.stringify(made));
      return made;
    },
    targets: (): StoredTarget[] => selectTargets.all().map(toTarget),
    target: (id: Id): StoredTarget | null => {
      const row = selectTarget.get(id);
      return row ? toTarget(row) : null;
    },
    saveTarget(id: Id | undefined, draft: TargetDraft): Id {
      const values = {
        name: draft.name,
        kind: draft.kind,
        calendarUrl: draft.calendarUrl,
        username: draft.username,
        folder: draft.folder,
        syncOnSave: draft.syncOnSave ? 1 : 0,
      };
      if (id === undefined) {
        return Number(
          db
            .prepare(
              `INSERT INTO publish_targets (name, kind, calendar_url, username, folder, sync_on_save)
               VALUES (@name, @kind, @calendarUrl, @username, @folder, @syncOnSave)`,
            )
            .run(values).lastInsertRowid,
        );
      }
      db.prepare(
        `UPDATE publish_targets SET name = @name, kind = @kind, calendar_url = @calendarUrl, username = @username,
           folder = @folder, sync_on_save = @syncOnSave WHERE id = @id`,
      ).run({ ...values, id });
      return id;
    },
    removeTarget: (id: Id): boolean => db.prepare('DELETE FROM publish_targets WHERE id = ?').run(id).changes > 0,
    /** The server or folder moved: what was published there is no longer Watchbill's to touch here. */
    forgetRecords: (targetId: Id): void => {
      db.prepare('DELETE FROM published_events WHERE target_id = ?').run(targetId);
    },
    records: (targetId: Id): PublishedRecord[] =>
      selectRecords.all(targetId).map((r) => ({
        uid: r.uid,
        href: r.href,
        etag: r.etag,
        hash: r.hash,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
      })),
    putRecord: (targetId: Id, record: PublishedRecord): void => {
      upsertRecord.run({ targetId, ...record });
    },
    dropRecord: (targetId: Id, uid: string): void => {
      deleteRecord.run(targetId, uid);
    },
    markPending(targetId: Id, range: { from: IsoDate; to: IsoDate } | null, error: string | null): void {
      db.prepare(
        `UPDATE publish_targets SET pending = 1, last_error = ?, range_from = coalesce(?, range_from),
           range_to = coalesce(?, range_to) WHERE id = ?`,
      ).run(error, range?.from ?? null, range?.to ?? null, targetId);
    },
    markPublished(targetId: Id, range: { from: IsoDate; to: IsoDate }, at: string, summary: string): void {
      db.prepare(
        `UPDATE publish_targets SET pending = 0, last_error = NULL, range_from = ?, range_to = ?,
           last_published_at = ?, last_summary = ? WHERE id = ?`,
      ).run(range.from, range.to, at, summary, targetId);
    },
  };
}

export type PublishRepository = ReturnType<typeof publishRepository>;
