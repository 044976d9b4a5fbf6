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
