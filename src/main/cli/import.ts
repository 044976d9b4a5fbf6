// `watchbill import engineers|holidays|backup FILE`: the whole file is checked and previewed;
// it applies in one transaction, or changes nothing and says where the file is wrong.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportPreview } from '../../shared/ipc/channels/share';
import type { ImportKind } from '../../shared/ipc/share-schemas';
import { formatProblem } from '../import/problems';
import { parseOptions, type Command } from './command';
import { call, openFromArgs } from './open';

const USAGE = `Usage: watchbill import engineers|holidays|backup FILE --db PATH [--dry-run] [--replace]

  engineers  a CSV with a header row: name, email, colour (time_zone optional); added or updated by name
  holidays   an .ics calendar file; its events become custom holidays
  backup     a Watchbill JSON backup; restored onto an empty database

  --dry-run  show what would change and change nothing
  --replace  engineers: set those missing from the file inactive; holidays: replace the custom holidays;
             backup: replace this whole database (a copy of the file is kept next to it first)`;

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
  async run(argv) {
    const { values, positionals } = parseOptions(argv, {
      db: { type: 'string' },
      empty: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      replace: { type: 'boolean', default: false },
    });
    const [kind, path, ...extra] = positionals;
    if (!kind || !path || extra.length) throw new Error(`say what to import and from which file.\n\n${USAGE}`);
    // The schemas (zod) load here, not with every command.
    const { IMPORT_KINDS } = await import('../../shared/ipc/share-schemas');
    if (!(IMPORT_KINDS as readonly string[]).includes(kind))
      throw new Error(`cannot import '${kind}': choose engineers, holidays or backup.`);
    let content: string;
    try {
      content = readFileSync(path, 'utf8');
    } catch (error) {
      throw new Error(`cannot read ${path}: ${(error as Error).message}`);
    }
    const args = {
      kind: kind as ImportKind,
      filename: basename(path),
      content,
      mode: values.replace ? ('replace' as const) : ('merge' as const),
    };

    const app = await openFromArgs(argv);
    try {
      const preview = await call(app, 'import:preview', args);
      if (!preview.valid) {
        for (const p of preview.problems.slice(0, 20)) console.error(formatProblem(p));
        if (preview.problems.length > 20) console.error(`… and ${preview.problems.length - 20} more problems`);
        console.error('Nothing was imported.');
        return 1;
      }
      if (values['dry-run']) {
        printPreview(preview);
        console.log('Dry run: nothing was changed.');
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
