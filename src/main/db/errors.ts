export type DatabaseErrorCode =
  'not_sqlite' | 'foreign' | 'empty' | 'newer_version' | 'corrupt' | 'locked' | 'cannot_open';

/** A database that cannot be used as it is; the message says which file and why. */
export class DatabaseError extends Error {
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}

const CONSTRAINT_WORDS: Record<string, string> = {
  SQLITE_CONSTRAINT_UNIQUE: 'it would make two entries the same',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'it would make two entries the same',
  SQLITE_CONSTRAINT_CHECK: 'a value is outside what is allowed',
  SQLITE_CONSTRAINT_NOTNULL: 'a required value is missing',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'it refers to something that does not exist, or that something else still uses',
};

/**
 * The reason in words when `error` is SQLite refusing a write that breaks one of the schema's
 * rules (better-sqlite3 carries the extended code, e.g. SQLITE_CONSTRAINT_UNIQUE); null for
 * any other error. The statement was rolled back, so nothing was changed.
 */
export function constraintReason(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) return null;
  return CONSTRAINT_WORDS[code] ?? 'it breaks a rule of the saved data';
}
