import type { Connection } from '../connection';
import type { Id, Override, Rotation } from '../../../shared/model';

interface RotationRow {
  id: number;
  name: string;
  time_zone: string;
  start_date: string;
  shift_days: number;
  handoff_time: string;
}

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

export type RotationDraft = Omit<Rotation, 'id'>;
export type OverrideDraft = Omit<Override, 'id'>;

export function rotationsRepository(db: Connection) {
  const all = db.prepare<[], RotationRow>('SELECT * FROM rotations ORDER BY id');
  const members = db.prepare<[number], { engineer_id: number }>(
    'SELECT engineer_id FROM rotation_members WHERE rotation_id = ? ORDER BY position',
  );
  const insert = db.prepare(
    `INSERT INTO rotations (name, time_zone, start_date, shift_days, handoff_time)
     VALUES (@name, @timeZone, @startDate, @shiftDays, @handoffTime)`,
  );
  const clearMembers = db.prepare('DELETE FROM rotation_members WHERE rotation_id = ?');
  const insertMember = db.prepare('INSERT INTO rotation_members (rotation_id, position, engineer_id) VALUES (?, ?, ?)');
  const overridesOf = db.prepare<[number], OverrideRow>(
    'SELECT * FROM overrides WHERE rotation_id = ? ORDER BY created_at, id',
  );
  const insertOverride = db.prepare(
    `INSERT INTO overrides (rotation_id, starts_at, ends_at, role, engineer_id, kind, reason, twin_id, created_at)
     VALUES (@rotationId, @startsAt, @endsAt, @role, @engineerId, @kind, @reason, @twinId, @createdAt)`,
  );

  const toRotation = (r: RotationRow): Rotation => ({
    id: r.id,
    name: r.name,
    timeZone: r.time_zone,
    startDate: r.start_date,
    shiftDays: r.shift_days,
    handoffTime: r.handoff_time,
    memberIds: members.all(r.id).map((m) => m.engineer_id),
  });

  return {
    list: (): Rotation[] => all.all().map(toRotation),
    insert: db.transaction((draft: RotationDraft): Id => {
      const id = Number(insert.run(draft).lastInsertRowid);
      draft.memberIds.forEach((engineerId, position) => insertMember.run(id, position, engineerId));
      return id;
    }),
    setMembers: db.transaction((rotationId: Id, memberIds: Id[]): void => {
      clearMembers.run(rotationId);
      memberIds.forEach((engineerId, position) => insertMember.run(rotationId, position, engineerId));
    }),
    overrides: (rotationId: Id): Override[] => overridesOf.all(rotationId).map(toOverride),
    insertOverride: (draft: OverrideDraft): Id => Number(insertOverride.run(draft).lastInsertRowid),
  };
}
