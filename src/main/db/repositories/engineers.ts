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

interface UnavailabilityRow {
  id: number;
  engineer_id: number;
  start_date: string;
  end_date: string;
  reason: string;
}

const toUnavailability = (r: UnavailabilityRow): Unavailability => ({
  id: r.id,
  engineerId: r.engineer_id,
  startDate: r.start_date,
  endDate: r.end_date,
  reason: r.reason,
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
  // Ties on the first day go by id, so a ranged read lists its records in the order the full list does.
  const unavailabilityAll = db.prepare<[], UnavailabilityRow>(
    'SELECT id, engineer_id, start_date, end_date, reason FROM unavailability ORDER BY start_date, id',
  );
  const unavailabilityById = db.prepare<[number], UnavailabilityRow>(
    'SELECT id, engineer_id, start_date, end_date, reason FROM unavailability WHERE id = ?',
  );
  const unavailabilityOverlapping = db.prepare<[number, string, string], UnavailabilityRow>(
    `SELECT id, engineer_id, start_date, end_date, reason FROM unavailability
     WHERE engineer_id = ? AND start_date <= ? AND end_date >= ? ORDER BY start_date`,
  );
  const unavailabilityBetween = db.prepare<[string, string], UnavailabilityRow>(
    `SELECT id, engineer_id, start_date, end_date, reason FROM unavailability
     WHERE start_date <= ? AND end_date >= ? ORDER BY start_date, id`,
  );
  const deleteUnavailability = db.prepare('DELETE FROM unavailability WHERE id = ?');
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
    listUnavailability: (): Unavailability[] => unavailabilityAll.all().map(toUnavailability),
    getUnavailability: (id: Id): Unavailability | null => {
      const row = unavailabilityById.get(id);
      return row ? toUnavailability(row) : null;
    },
    /** One engineer's time away that shares at least a day with [startDate, endDate] (inclusive). */
    unavailabilityOverlapping: (engineerId: Id, startDate: string, endDate: string): Unavailability[] =>
      unavailabilityOverlapping.all(engineerId, endDate, startDate).map(toUnavailability),
    /** Everyone's time away that shares at least a day with [startDate, endDate] (inclusive). */
    unavailabilityBetween: (startDate: string, endDate: string): Unavailability[] =>
      unavailabilityBetween.all(endDate, startDate).map(toUnavailability),
    deleteUnavailability: (id: Id): void => {
      deleteUnavailability.run(id);
    },
    insertUnavailability: (u: Omit<Unavailability, 'id'>): Id =>
      Number(insertUnavailability.run(u.engineerId, u.startDate, u.endDate, u.reason).lastInsertRowid),
  };
}
