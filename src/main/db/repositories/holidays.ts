import type { Connection } from '../connection';
import type { CustomHoliday, HolidayCalendar, HolidayWeight, Id } from '../../../shared/model';

interface CalendarRow {
  id: number;
  name: string;
  country: string;
  region: string | null;
  include_types: string;
  default_weight: number;
}

export interface HolidayCalendarData {
  calendar: HolidayCalendar;
  weights: HolidayWeight[];
  custom: CustomHoliday[];
}

export function holidaysRepository(db: Connection) {
  const first = db.prepare<[], CalendarRow>('SELECT * FROM holiday_calendars ORDER BY id LIMIT 1');
  const insertCalendar = db.prepare(
    `INSERT INTO holiday_calendars (name, country, region, include_types, default_weight)
     VALUES (@name, @country, @region, @includeTypes, @defaultWeight)`,
  );
  const weightsOf = db.prepare<[number], { name: string; weight: number; include: number }>(
    'SELECT name, weight, include FROM holiday_weights WHERE calendar_id = ? ORDER BY name',
  );
  const upsertWeight = db.prepare(
    `INSERT INTO holiday_weights (calendar_id, name, weight, include) VALUES (?, ?, ?, ?)
     ON CONFLICT (calendar_id, name) DO UPDATE SET weight = excluded.weight, include = excluded.include`,
  );
  const deleteCustom = db.prepare('DELETE FROM custom_holidays WHERE id = ?');
  const customOf = db.prepare<[number], CustomHoliday & { calendar_id: number }>(
    'SELECT id, calendar_id, date, name, weight FROM custom_holidays WHERE calendar_id = ? ORDER BY date',
  );
  const insertCustom = db.prepare('INSERT INTO custom_holidays (calendar_id, date, name, weight) VALUES (?, ?, ?, ?)');

  return {
    /** The team's calendar (the first one); null on an empty database. */
    teamCalendar: (): HolidayCalendarData | null => {
      const row = first.get();
      if (!row) return null;
      return {
        calendar: {
          id: row.id,
          name: row.name,
          country: row.country,
          region: row.region,
          includeTypes: JSON.parse(row.include_types) as string[],
          defaultWeight: row.default_weight,
        },
        weights: weightsOf
          .all(row.id)
          .map((w) => ({ calendarId: row.id, name: w.name, weight: w.weight, include: w.include === 1 })),
        custom: customOf
          .all(row.id)
          .map((c) => ({ id: c.id, calendarId: c.calendar_id, date: c.date, name: c.name, weight: c.weight })),
      };
    },
    insertCalendar: (c: Omit<HolidayCalendar, 'id'>): Id =>
      Number(insertCalendar.run({ ...c, includeTypes: JSON.stringify(c.includeTypes) }).lastInsertRowid),
    /** Sets the weight of a named holiday (every year), adding it if it had none. */
    setWeight: (w: HolidayWeight): void => {
      upsertWeight.run(w.calendarId, w.name, w.weight, w.include ? 1 : 0);
    },
    removeCustom: (id: Id): boolean => deleteCustom.run(id).changes > 0,
    insertCustom: (c: Omit<CustomHoliday, 'id'>): Id =>
      Number(insertCustom.run(c.calendarId, c.date, c.name, c.weight).lastInsertRowid),
  };
}
