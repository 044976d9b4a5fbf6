import type { Connection } from '../connection';
import type { Engineer, Id, Unavailability } from '../../../shared/model';

interface EngineerRow {
  id: number;
  name: string;
  email: string | null;
  color: string;
  active: number;
  time_zone: string;
}

const toEngineer = (r: EngineerRow): Engineer => ({
  id: r.id,
  name: r.name,
  email: r.email,
  color: r.color,
  active: r.active === 1,
  timeZone: r.time_zone,
});

export type EngineerDraft = Omit<Engineer, 'id'>;

export function engineersRepository(db: Connection) {
  const all = db.prepare<[], EngineerRow>('SELECT * FROM engineers ORDER BY name COLLATE NOCASE');
  const byId = db.prepare<[number], EngineerRow>('SELECT * FROM engineers WHERE id = ?');
  const byName = db.prepare<[string], EngineerRow>('SELECT * FROM engineers WHERE name = ? COLLATE NOCASE');
  const insert = db.prepare(
    'INSERT INTO engineers (name, email, color, active, time_zone) VALUES (@name, @email, @color, @active, @timeZone)',
  );
  const update = db.prepare(
    'UPDATE engineers SET name = @name, email = @email, color = @color, active = @active, time_zone = @timeZone WHERE id = @id',
  );
  const unavailabilityAll = db.prepare<[], Record<string, unknown>>(
    'SELECT id, engineer_id, start_date, end_date, reason FROM unavailability ORDER BY start_date',
  );
  const insertUnavailability = db.prepare(
    'INSERT INTO unavailability (engineer_id, start_date, end_date, reason) VALUES (?, ?, ?, ?)',
  );

  return {
    list: (): Engineer[] => all.all().map(toEngineer),
    get: (id: Id): Engineer | null => {
      const row = byId.get(id);
      return row ? toEngineer(row) : null;
    },
    findByName: (name: string): Engineer | null => {
      const row = byName.get(name);
      return row ? toEngineer(row) : null;
    },
    insert: (draft: EngineerDraft): Id =>
      Number(insert.run({ ...draft, active: draft.active ? 1 : 0 }).lastInsertRowid),
    update: (engineer: Engineer): void => {
      update.run({ ...engineer, active: engineer.active ? 1 : 0 });
    },
    listUnavailability: (): Unavailability[] =>
      unavailabilityAll.all().map((r) => ({
        id: r.id as number,
        engineerId: r.engineer_id as number,
        startDate: r.start_date as string,
        endDate: r.end_date as string,
        reason: r.reason as string,
      })),
    insertUnavailability: (u: Omit<Unavailability, 'id'>): Id =>
      Number(insertUnavailability.run(u.engineerId, u.startDate, u.endDate, u.reason).lastInsertRowid),
  };
}
