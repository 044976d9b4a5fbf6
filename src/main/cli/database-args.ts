import { resolve } from 'node:path';

export interface DatabaseArgs {
  databasePath: string;
  empty: boolean;
}

/**
 * Where the database is and whether a new one starts empty: `--db PATH` wins over
 * WATCHBILL_DB, which wins over the host's default; `--empty` or WATCHBILL_EMPTY=1 skips
 * the example team. Shared by the desktop app and the CLI so both read the same way.
 */
export function parseDatabaseArgs(argv: string[], env: NodeJS.ProcessEnv, fallback: string): DatabaseArgs {
  let databasePath = env.WATCHBILL_DB || fallback;
  let empty = env.WATCHBILL_EMPTY === '1';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--db' && argv[i + 1]) databasePath = argv[++i]!;
    else if (arg.startsWith('--db=')) databasePath = arg.slice('--db='.length);
    else if (arg === '--empty') empty = true;
  }
  return { databasePath: databasePath === ':memory:' ? databasePath : resolve(databasePath), empty };
}
