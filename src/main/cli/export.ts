// `watchbill export ics|csv|plan|json`: the Export screen's files from the terminal, through
// the same channels, written to -o FILE or to standard output.
import { writeFileSync } from 'node:fs';
import type { ExportFile } from '../../shared/ipc/channels/share';
import type { WatchbillApp } from '../app';
import { dateOption, parseOptions, type Command } from './command';
import { call, openFromArgs } from './open';
import { rotationNamed } from './rotation-option';

const USAGE = `Usage: watchbill export ics|csv|plan|json --db PATH [options] [-o FILE]

  ics    calendar file: the shifts, holidays and drills (--engineer NAME: one person's shifts, in every rotation)
  csv    spreadsheet: --table schedule|fairness|ownership (default schedule), a rotation column first;
         --no-bom for tools that dislike it
  plan   the management plan for a quarter, a section per rotation: --format md|html|pdf (default md);
         --from DATE picks the quarter
  json   a backup of the whole database

  --rotation NAME         only this rotation (default: all of them, the active ones and any archived in the range)
  --from DATE --to DATE   local dates of the rotation (the team's with several), both included
                          (default: the current quarter)
  -o FILE                 write here (a PDF needs -o); default: standard output`;

async function engineerIdOf(app: WatchbillApp, name: string | undefined): Promise<number | undefined> {
  if (name === undefined) return undefined;
  const engineers = await call(app, 'engineers:list', {});
  const found = engineers.find((e) => e.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  if (!found)
    throw new Error(
      `There is no engineer named '${name}' (there are: ${engineers.map((e) => e.name).join(', ') || 'none'}).`,
    );
  return found.id;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the schedule as .ics or .csv, the plan as Markdown/HTML/PDF, or a JSON backup',
  usage: USAGE,
  async run(argv, clock) {
    const { values, positionals } = parseOptions(argv, {
      db: { type: 'string' },
      empty: { type: 'boolean', default: false },
      from: { type: 'string' },
      to: { type: 'string' },
      engineer: { type: 'string' },
      rotation: { type: 'string' },
      table: { type: 'string', default: 'schedule' },
      format: { type: 'string', default: 'md' },
      'no-bom': { type: 'boolean', default: false },
      output: { type: 'string', short: 'o' },
    });
    const [what, ...extra] = positionals;
    if (!what || extra.length) throw new Error(`say what to export: ics, csv, plan or json.\n\n${USAGE}`);
    const from = dateOption('--from', values.from);
    const to = dateOption('--to', values.to);
    if ((from === undefined) !== (to === undefined) && what !== 'plan')
      throw new Error('give both --from and --to, or neither (for the current quarter).');

    const app = await openFromArgs(argv, clock);
    try {
      let file: ExportFile;
      const rotationIds =
        values.rotation === undefined
          ? undefined
          : [rotationNamed(await call(app, 'rotations:list', {}), values.rotation).id];
      switch (what) {
        case 'ics':
          file = await call(app, 'export:ics', {
            rotationIds,
            from,
            to,
            engineerId: await engineerIdOf(app, values.engineer),
          });
          break;
        case 'csv':
          file = await call(app, 'export:csv', {
            table: values.table as 'schedule',
            rotationIds,
            from,
            to,
            bom: !values['no-bom'],
          });
          break;
        case 'plan':
          if (values.format === 'pdf' && !values.output) throw new Error('a PDF is binary: give -o FILE to write it.');
          file = await call(app, 'export:plan', { rotationIds, quarterOf: from, format: values.format as 'md' });
          break;
        case 'json':
          file = await call(app, 'export:backup', {});
          break;
        default:
          throw new Error(`cannot export '${what}': choose ics, csv, plan or json.`);
      }
      const bytes =
        file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : Buffer.from(file.content, 'utf8');
      if (values.output) {
        writeFileSync(values.output, bytes);
        console.error(`Wrote ${values.output} (${bytes.length} bytes).`);
      } else {
        process.stdout.write(bytes);
      }
      return 0;
    } finally {
      app.close();
    }
  },
};
