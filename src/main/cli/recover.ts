import { restoreBackupCopy } from '../db/backups';
import { describeRecovery } from '../recovery';
import { DEFAULT_CLI_DATABASE, parseOptions, type Command } from './command';
import { parseDatabaseArgs } from './database-args';
import { resolve } from 'node:path';

export const recoverCommand: Command = {
  name: 'recover',
  summary: "list a database's automatic backups, and restore one as a new file",
  usage: [
    'Usage: watchbill recover [--db PATH] [--restore NAME [--to PATH]]',
    '',
    '  --db PATH       the database whose backups (in PATH.backups/) to list',
    '  --restore NAME  copy that backup (watchbill-YYYY-MM-DD.db) to a new file; PATH itself is never overwritten',
    '  --to PATH       where the copy goes (a file that does not exist yet; default: beside the database)',
  ].join('\n'),
  async run(argv) {
    const { values } = parseOptions(argv, {
      db: { type: 'string' },
      restore: { type: 'string' },
      to: { type: 'string' },
    });
    const { databasePath } = parseDatabaseArgs(argv, process.env, DEFAULT_CLI_DATABASE);
    if (values.restore === undefined) {
      if (values.to !== undefined) throw new Error('--to needs --restore NAME: which backup to copy there.');
      console.log(describeRecovery(databasePath));
      return 0;
    }
    const path = restoreBackupCopy(
      databasePath,
      values.restore,
      values.to === undefined ? undefined : resolve(values.to),
    );
    console.log(`Restored ${values.restore} to ${path}. ${databasePath} was left as it was.`);
    console.log(`Open the copy with: watchbill serve --db ${JSON.stringify(path)}`);
    return 0;
  },
};
