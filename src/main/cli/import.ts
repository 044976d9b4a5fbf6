// `watchbill import engineers|holidays|backup|history FILE`: the whole file is checked and previewed;
// it applies in one transaction, or changes nothing and says where the file is wrong.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportPreview } from '../../shared/ipc/channels/share';
import type { ImportKind } from '../../shared/ipc/share-schemas';
import { formatProblem } from '../import/problems';
import { refusedAsNotEmpty } from '../../shared/domain/backup-words';
import { DEFAULT_CLI_DATABASE } from './command';
import { parseDatabaseArgs } from './database-args';
import { parseOptions, type Command } from './command';
import { call, openFromArgs } from './open';
import { rotationNamed } from './rotation-option';

const USAGE = `Usage: watchbill import engineers|holidays|backup|history FILE --db PATH [--dry-run] [--replace]
                                                                       [--rotation NAME]

  engineers  a CSV with a header row: name, email, colour (time_zone optional); added or updated by name
  holidays   an .ics calendar file; its events become custom holidays
  backup     a Watchbill JSON backup; restored onto an empty database, or into a --db file that does not
             exist yet (created without the example team)
  history    a past on-call record, counted in the fairness ledger's carried balances: Watchbill's
             schedule CSV, or a sheet with name,start,end,role (as PagerDuty and Opsgenie export);
             --rotation NAME says which rotation it was (needed when the team has several)

  --dry-run  show what would change and change nothing (a --db file that does not exist is not created)
  --replace  engineers: set those missing from the file inactive; holidays: replace the custom holidays;
             backup: replace this whole database (a copy of the file is kept next to it first);
             history: replace the imported past shifts`;

function printReading({ reading }: ImportPreview): void {
  const delimiter = reading.delimiter
    ? `, fields separated by ${reading.delimiter === 'tab' ? 'tabs' : `${reading.delimiter}s`}`
    : '';
  console.log(`Read as ${reading.encoding}${delimiter}.`);
  if (reading.notice) console.log(reading.notice);
}

function printPreview(preview: ImportPreview): void {
  for (const change of preview.changes) {
    console.log(
      `  ${change.action.padEnd(10)} ${change.what} ${change.label}${change.details.length ? ` (${change.details.join('; ')})` : ''}`,
    );
  }
  console.log(preview.summary);
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import engineers (.csv), holidays (.ics) or a backup (.json): all or nothing',
  usage: USAGE,
  async run(argv, clock) {
    const { values, positionals } = parseOptions(argv, {
      db: { type: 'string' },
      empty: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      replace: { type: 'boolean', default: false },
      rotation: { type: 'string' },
    });
    const [kind, path, ...extra] = positionals;
    if (!kind || !path || extra.length) throw new Error(`say what to import and from which file.\n\n${USAGE}`);
    // The schemas (zod) load here, not with every command.
    const { IMPORT_KINDS } = await import('../../shared/ipc/share-schemas');
    if (!(IMPORT_KINDS as readonly string[]).includes(kind))
      throw new Error(`cannot import '${kind}': choose engineers, holidays, backup or history.`);
    if (values.rotation !== undefined && kind !== 'history')
      throw new Error(`--rotation is for a history import: ${kind} belong to the whole team.`);
    let content: string;
    try {
      // The bytes as they are: the importer finds their encoding (UTF-8, UTF-16, Windows-1252).
      content = readFileSync(path).toString('base64');
    } catch (error) {
      throw new Error(`cannot read ${path}: ${(error as Error).message}`);
    }
    const file = {
      kind: kind as ImportKind,
      filename: basename(path),
      encoding: 'bytes' as const,
      content,
      mode: values.replace ? ('replace' as const) : ('merge' as const),
    };

    const { databasePath, empty } = parseDatabaseArgs(argv, process.env, DEFAULT_CLI_DATABASE);
    const isNew = databasePath !== ':memory:' && !existsSync(databasePath);
    // A backup restores into a new file as it is, without the example team first. A dry run
    // into a file that does not exist yet rehearses on a database in memory, so no file appears.
    const instead = {
      ...(isNew && kind === 'backup' ? { empty: true } : { empty }),
      ...(isNew && values['dry-run'] ? { databasePath: ':memory:' } : {}),
    };
    const app = await openFromArgs(argv, clock, instead);
    try {
      const args = {
        ...file,
        ...(values.rotation !== undefined && {
          rotationId: rotationNamed(await call(app, 'rotations:list', {}), values.rotation).id,
        }),
      };
      const preview = await call(app, 'import:preview', args);
      printReading(preview);
      if (!preview.valid) {
        for (const p of preview.problems.slice(0, 20)) console.error(formatProblem(p));
        if (preview.problems.length > 20) console.error(`… and ${preview.problems.length - 20} more problems`);
        if (refusedAsNotEmpty(preview.problems)) {
          console.error(
            `To replace ${databasePath} with the backup, run again with --replace (a copy of the file is kept first); ` +
              'to restore into a new database, give --db a path that does not exist yet ' +
              '(or one created with --empty).',
          );
        }
        console.error('Nothing was imported.');
        return 1;
      }
      if (values['dry-run']) {
        printPreview(preview);
        console.log(
          isNew
            ? `Dry run: nothing was changed, and ${databasePath} was not created.`
            : 'Dry run: nothing was changed.',
        );
        return 0;
      }
      // --replace is the lead's confirmation for replacing the whole database.
      const result = await call(app, 'import:apply', { ...args, confirmReplace: values.replace });
      printPreview(result);
      if (result.backupPath) console.log(`The database as it was is kept in ${result.backupPath}.`);
      return 0;
    } finally {
      app.close();
    }
  },
};
