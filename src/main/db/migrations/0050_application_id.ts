import type { Migration } from './types';
import { WATCHBILL_APPLICATION_ID } from '../identity';

// Marks the file as Watchbill's in SQLite's header (`application_id`), so a later start can
// tell our files from another program's without guessing from table names. The runner sets
// it in the same transaction as user_version, so a file is marked exactly when it reaches 50.
export const migration0050: Migration = {
  version: 50,
  name: 'application id',
  up(db) {
    db.pragma(`application_id = ${WATCHBILL_APPLICATION_ID}`);
  },
};
