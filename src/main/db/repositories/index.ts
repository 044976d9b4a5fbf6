import type { Connection } from '../connection';
import { engineersRepository } from './engineers';
import { holidaysRepository } from './holidays';
import { pipelinesRepository } from './pipelines';
import { planRepository } from './plan';
import { rotationsRepository } from './rotations';
import { settingsRepository } from './settings';

/** Every repository over one connection; services receive this, never the connection itself. */
export function createRepositories(db: Connection) {
  return {
    engineers: engineersRepository(db),
    pipelines: pipelinesRepository(db),
    rotations: rotationsRepository(db),
    holidays: holidaysRepository(db),
    plan: planRepository(db),
    settings: settingsRepository(db),
    /** Runs several repository writes as one transaction. */
    transaction: <T>(work: () => T): T => db.transaction(work)(),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
