import type { Connection } from '../connection';

export function settingsRepository(db: Connection) {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const write = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    get: <T>(key: string): T | undefined => {
      const row = read.get(key);
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    set: (key: string, value: unknown): void => {
      write.run(key, JSON.stringify(value));
    },
  };
}
