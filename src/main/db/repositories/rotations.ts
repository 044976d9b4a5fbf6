import type { Connection } from '../connection';
import type { Coverage, Id, Override, Rotation, Segment } from '../../../shared/model';

interface RotationRow {
  id: number;
  name: string;
  time_zone: string;
  start_date: string;
  shift_days: number;
  handoff_time: string;
  coverage_weekdays: string | null;
  coverage_from: string | null;
  coverage_until: string | null;
  allows_double_duty: number;
  archived_at: string | null;
  position: number;
}

/** The columns a rotation's own fields are written to (members live in their own table). */
const toColumns = (r: RotationDraft | Rotation) => ({
  name: r.name,
  timeZone: r.timeZone,
  startDate: r.startDate,
  shiftDays: r.shiftDays,
  handoffTime: r.handoffTime,
  coverageWeekdays: r.coverage.weekdays === null ? null : JSON.stringify(r.coverage.weekdays),
  coverageFrom: r.coverage.hours?.from ?? null,
  coverageUntil: r.coverage.hours?.until ?? null,
  allowsDoubleDuty: r.allowsDoubleDuty ? 1 : 0,
});

const toCoverage = (r: RotationRow): Coverage => ({
  weekdays: r.coverage_weekdays === null ? null : (JSON.parse(r.coverage_weekdays) as number[]),
  hours:
    r.coverage_from !== null && r.coverage_until !== null ? { from: r.coverage_from, until: r.coverage_until } : null,
});

interface OverrideRow {
  id: number;
  rotation_id: number;
  starts_at: string;
  ends_at: string;
  role: Override['role'];
  engineer_id: number;
  kind: Override['kind'];
  reason: string;
  twin_id: number | null;
  created_at: string;
}

const toOverride = (r: OverrideRow): Override => ({
  id: r.id,
  rotationId: r.rotation_id,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  role: r.role,
  engineerId: r.engineer_id,
  kind: r.kind,
  reason: r.reason,
  twinId: r.twin_id,
  createdAt: r.created_at,
});

/** A new rotation: it goes last in the lead's order and starts active. */
export type RotationDraft = Omit<Rotation, 'id' | 'archivedAt' | 'position'>;
export type OverrideDraft = Omit<Override, 'id'>;

/** One journaled schedule edit, as applied: what it added and removed, in full. */
export interface ScheduleEdit {
  id: Id;
  rotationId: Id;
  label: string;
  applied: { add: Override[]; remove: Override[] };
  createdAt: string;
  undone: boolean;
}

export interface ScheduleSnapshot {
  id: Id;
  rotationId: Id;
  rangeStart: string;
  rangeEnd: string;
  publishedAt: string;
  segments: Segment[];
  note: string;
}

interface EditRow {
  id: number;
  rotation_id: number;
  label: string;
  applied: string;
  created_at: string;
  undone: number;
}

const toEdit = (r: EditRow): ScheduleEdit => ({
  id: r.id,
  rotationId: r.rotation_id,
  label: r.label,
  applied: JSON.parse(r.applied) as ScheduleEdit['applied'],
  createdAt: r.created_at,
  undone: r.undone === 1,
});

interface SnapshotRow {
  id: number;
  rotation_id: number;
  range_start: string;
  range_end: string;
  published_at: string;
  segments: string;
  note: string;
}

const toSnapshot = (r: SnapshotRow): ScheduleSnapshot => ({
  id: r.id,
  rotationId: r.rotation_id,
  rangeStart: r.range_start,
  rangeEnd: r.range_end,
  publishedAt: r.published_at,
  segments: JSON.parse(r.segments) as Segment[],
  note: r.note,
});

// Override ids are never reused, so an undo can put an override back under its own id.
const OVERRIDE_ID_HIGH_WATER = 'overrideIdHighWater';

export function rotationsRepository(db: Connection) {
  const all = db.prepare<[], RotationRow>('SELECT * FROM rotations ORDER BY position, id');
  const members = db.prepare<[number], { engineer_id: number }>(
    'SELECT engineer_id FROM rotation_members WHERE rotation_id = ? ORDER BY position',
  );
  const insert = db.prepare(
    `INSERT INTO rotations (name, time_zone, start_date, shift_days, handoff_time, coverage_weekdays, coverage_from,
       coverage_until, allows_double_duty, position)
     VALUES (@name, @timeZone, @startDate, @shiftDays, @handoffTime, @coverageWeekdays, @coverageFrom,
       @coverageUntil, @allowsDoubleDuty, (SELECT COALESCE(MAX(position) + 1, 0) FROM rotations))`,
  );
  const setArchived = db.prepare('UPDATE rotations SET archived_at = ? WHERE id = ?');
  const setPosition = db.prepare('UPDATE rotations SET position = ? WHERE id = ?');
  const clearMembers = db.prepare('DELETE FROM rotation_members WHERE rotation_id = ?');
  const insertMember = db.prepare('INSERT INTO rotation_members (rotation_id, position, engineer_id) VALUES (?, ?, ?)');
  const overridesOf = db.prepare<[number], OverrideRow>(
    'SELECT * FROM overrides WHERE rotation_id = ? ORDER BY created_at, id',
  );
  const overridesTouchingRange = db.prepare<[number, string, string], OverrideRow>(
    'SELECT * FROM overrides WHERE rotation_id = ? AND starts_at < ? AND ends_at > ? ORDER BY created_at, id',
  );
  const overridesEndingAfter = db.prepare<[number, string], OverrideRow>(
    'SELECT * FROM overrides WHERE rotation_id = ? AND ends_at > ? ORDER BY created_at, id',
  );
  const insertOverride = db.prepare(
    `INSERT INTO overrides (rotation_id, starts_at, ends_at, role, engineer_id, kind, reason, twin_id, created_at)
     VALUES (@rotationId, @startsAt, @endsAt, @role, @engineerId, @kind, @reason, @twinId, @createdAt)`,
  );

  const byId = db.prepare<[number], RotationRow>('SELECT * FROM rotations WHERE id = ?');
  const update = db.prepare(
    `UPDATE rotations SET name = @name, time_zone = @timeZone, start_date = @startDate, shift_days = @shiftDays,
       handoff_time = @handoffTime, coverage_weekdays = @coverageWeekdays, coverage_from = @coverageFrom,
       coverage_until = @coverageUntil, allows_double_duty = @allowsDoubleDuty WHERE id = @id`,
  );
  const overrideById = db.prepare<[number], OverrideRow>('SELECT * FROM overrides WHERE id = ?');
  const insertOverrideWithId = db.prepare(
    `INSERT INTO overrides (id, rotation_id, starts_at, ends_at, role, engineer_id, kind, reason, twin_id, created_at)
     VALUES (@id, @rotationId, @startsAt, @endsAt, @role, @engineerId, @kind, @reason, NULL, @createdAt)`,
  );
  const setTwin = db.prepare('UPDATE overrides SET twin_id = ? WHERE id = ?');
  const setReason = db.prepare('UPDATE overrides SET reason = ? WHERE id = ?');
  const deleteOverride = db.prepare('DELETE FROM overrides WHERE id = ?');
  const maxOverrideId = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM overrides');
  const readHighWater = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const writeHighWater = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const insertEdit = db.prepare(
    'INSERT INTO schedule_edits (rotation_id, label, applied, created_at) VALUES (?, ?, ?, ?)',
  );
  const dropUndone = db.prepare('DELETE FROM schedule_edits WHERE rotation_id = ? AND undone = 1');
  const lastDone = db.prepare<[number], EditRow>(
    'SELECT * FROM schedule_edits WHERE rotation_id = ? AND undone = 0 ORDER BY id DESC LIMIT 1',
  );
  const firstUndone = db.prepare<[number], EditRow>(
    'SELECT * FROM schedule_edits WHERE rotation_id = ? AND undone = 1 ORDER BY id ASC LIMIT 1',
  );
  const markUndone = db.prepare('UPDATE schedule_edits SET undone = ? WHERE id = ?');
  const insertSnapshot = db.prepare(
    `INSERT INTO schedule_snapshots (rotation_id, range_start, range_end, published_at, segments, note)
     VALUES (@rotationId, @rangeStart, @rangeEnd, @publishedAt, @segments, @note)`,
  );
  const snapshotsOf = db.prepare<[number], SnapshotRow>(
    'SELECT * FROM schedule_snapshots WHERE rotation_id = ? ORDER BY published_at DESC, id DESC',
  );
  const snapshotById = db.prepare<[number], SnapshotRow>('SELECT * FROM schedule_snapshots WHERE id = ?');

  const toRotation = (r: RotationRow): Rotation => ({
    id: r.id,
    name: r.name,
    timeZone: r.time_zone,
    startDate: r.start_date,
    shiftDays: r.shift_days,
    handoffTime: r.handoff_time,
    memberIds: members.all(r.id).map((m) => m.engineer_id),
    coverage: toCoverage(r),
    allowsDoubleDuty: r.allows_double_duty === 1,
    archivedAt: r.archived_at,
    position: r.position,
  });

  return {
    /** Every rotation, archived ones too, in the lead's order. */
    list: (): Rotation[] => all.all().map(toRotation),
    /** The rotations that still plan and answer: not archived, in the lead's order. */
    active: (): Rotation[] =>
      all
        .all()
        .filter((r) => r.archived_at === null)
        .map(toRotation),
    insert: db.transaction((draft: RotationDraft): Id => {
      const id = Number(insert.run(toColumns(draft)).lastInsertRowid);
      draft.memberIds.forEach((engineerId, position) => insertMember.run(id, position, engineerId));
      return id;
    }),
    setMembers: db.transaction((rotationId: Id, memberIds: Id[]): void => {
      clearMembers.run(rotationId);
      memberIds.forEach((engineerId, position) => insertMember.run(rotationId, position, engineerId));
    }),
    overrides: (rotationId: Id): Override[] => overridesOf.all(rotationId).map(toOverride),
    /**
     * Only the overrides that touch [from, to): all a computation inside that range needs.
     * Without `to`, every one from `from` on.
     */
    overridesTouching: (rotationId: Id, from: string, to?: string): Override[] =>
      (to === undefined
        ? overridesEndingAfter.all(rotationId, from)
        : overridesTouchingRange.all(rotationId, to, from)
      ).map(toOverride),
    insertOverride: (draft: OverrideDraft): Id => Number(insertOverride.run(draft).lastInsertRowid),
    get: (id: Id): Rotation | null => {
      const row = byId.get(id);
      return row ? toRotation(row) : null;
    },
    /** Changes the rotation itself; overrides stay, so the schedule re-plans around them. */
    update: db.transaction((rotation: Rotation): void => {
      update.run({ id: rotation.id, ...toColumns(rotation) });
      clearMembers.run(rotation.id);
      rotation.memberIds.forEach((engineerId, position) => insertMember.run(rotation.id, position, engineerId));
    }),
    /** Archives (at `at`) or brings back a rotation; nothing else about it changes. */
    setArchived: (id: Id, at: string | null): void => {
      setArchived.run(at, id);
    },
    /** Puts the rotations in the order given (every rotation's id, once). */
    reorder: db.transaction((ids: readonly Id[]): void => {
      ids.forEach((id, position) => setPosition.run(position, id));
    }),
    getOverride: (id: Id): Override | null => {
      const row = overrideById.get(id);
      return row ? toOverride(row) : null;
    },
    setOverrideReason: (id: Id, reason: string): void => {
      setReason.run(reason, id);
    },
    /** The next id for a new override: above every id ever used. */
    nextOverrideId: (): Id => {
      const stored = readHighWater.get(OVERRIDE_ID_HIGH_WATER);
      const next = Math.max((maxOverrideId.get()?.id ?? 0) + 1, stored ? Number(JSON.parse(stored.value)) + 1 : 1);
      writeHighWater.run(OVERRIDE_ID_HIGH_WATER, JSON.stringify(next));
      return next;
    },
    /** Removes and adds overrides exactly as given (ids, precedence and twins kept). Call inside a transaction. */
    writeChange: (applied: { add: Override[]; remove: Override[] }): void => {
      for (const o of applied.remove) deleteOverride.run(o.id);
      for (const o of applied.add) insertOverrideWithId.run(o);
      // Twins point at each other, so links are set once both rows exist.
      for (const o of applied.add) if (o.twinId !== null) setTwin.run(o.twinId, o.id);
    },
    /** Journals a new edit; a new edit drops whatever could have been redone. */
    journal: (rotationId: Id, label: string, applied: ScheduleEdit['applied'], createdAt: string): Id => {
      dropUndone.run(rotationId);
      return Number(insertEdit.run(rotationId, label, JSON.stringify(applied), createdAt).lastInsertRowid);
    },
    lastDoneEdit: (rotationId: Id): ScheduleEdit | null => {
      const row = lastDone.get(rotationId);
      return row ? toEdit(row) : null;
    },
    nextUndoneEdit: (rotationId: Id): ScheduleEdit | null => {
      const row = firstUndone.get(rotationId);
      return row ? toEdit(row) : null;
    },
    markEditUndone: (id: Id, undone: boolean): void => {
      markUndone.run(undone ? 1 : 0, id);
    },
    insertSnapshot: (snapshot: Omit<ScheduleSnapshot, 'id'>): Id =>
      Number(insertSnapshot.run({ ...snapshot, segments: JSON.stringify(snapshot.segments) }).lastInsertRowid),
    snapshots: (rotationId: Id): ScheduleSnapshot[] => snapshotsOf.all(rotationId).map(toSnapshot),
    getSnapshot: (id: Id): ScheduleSnapshot | null => {
      const row = snapshotById.get(id);
      return row ? toSnapshot(row) : null;
    },
  };
}
