import type { Connection } from '../connection';
import { backupRepository } from './backup';
import { drillsRepository } from './drills';
import { engineersRepository } from './engineers';
import { holidaysRepository } from './holidays';
import { ledgerRepository } from './ledger';
import { pipelinesRepository } from './pipelines';
import { publishRepository } from './publish';
import { reviewsRepository } from './reviews';
import { risksRepository } from './risks';
import { rotationsRepository } from './rotations';
import { runbooksRepository } from './runbooks';
import { settingsRepository } from './settings';
import { slasRepository } from './slas';

/** Every repository over one connection; services receive this, never the connection itself. */
export function createRepositories(db: Connection) {
  return {
    engineers: engineersRepository(db),
    pipelines: pipelinesRepository(db),
    rotations: rotationsRepository(db),
    holidays: holidaysRepository(db),
    runbooks: runbooksRepository(db),
    slas: slasRepository(db),
    risks: risksRepository(db),
    reviews: reviewsRepository(db),
    settings: settingsRepository(db),
    ledger: ledgerRepository(db),
    backup: backupRepository(db),
    drills: drillsRepository(db),
    publish: publishRepository(db),
    /** Runs several repository writes as one transaction. */
    transaction: <T>(work: () => T): T => db.transaction(work)(),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
