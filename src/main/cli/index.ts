// `watchbill <command>`: one table of commands, each with its own options, so later issues
// add a command by adding one entry.
import { appVersion } from '../paths';
import { clockFromArgs } from '../clock';
import { drillsCommand } from './drills';
import { exportCommand } from './export';
import { importCommand } from './import';
import { planCommands } from './who-and-sla';
import { publishCommand } from './publish';
import { recoverCommand } from './recover';
import { rotationsCommand } from './rotations';
import { fairnessCommand, planCommand, scheduleCommand } from './schedule';
import { serveCommand } from './serve';
import { DEFAULT_CLI_DATABASE, type Command } from './command';
import { parseDatabaseArgs } from './database-args';
import { describeRecovery, isRecoverable } from '../recovery';
import { closePdfBrowsers } from '../export/pdf';

const commands: Command[] = [
  serveCommand,
  scheduleCommand,
  rotationsCommand,
  fairnessCommand,
  planCommand,
  ...planCommands,
  exportCommand,
  importCommand,
  publishCommand,
  drillsCommand,
  recoverCommand,
];

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: watchbill <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  --help     show help (also: watchbill <command> --help)',
    '  --version  print the version',
    '',
    'The database is --db PATH, else $WATCHBILL_DB, else ./watchbill.db.',
    '"Now" is the real clock, or --now INSTANT (else $WATCHBILL_NOW): 2026-12-03T02:00:00Z freezes it there,',
    '@2026-12-03T02:00:00Z starts it there and lets it run.',
  ].join('\n');
}

/** The commands' names, as the table holds them (test/main/desktop-command.test.ts compares). */
export const commandNames = (): string[] => commands.map((c) => c.name);

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    console.log(appVersion());
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name === undefined ? 1 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`watchbill: unknown command '${name}'.\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage);
    return 0;
  }
  try {
    const { clock, rest: options } = clockFromArgs(rest, process.env);
    return await command.run(options, clock);
  } catch (error) {
    console.error(`watchbill ${name}: ${(error as Error).message}`);
    // A refused file: show the way back right there.
    if (isRecoverable(error))
      console.error(describeRecovery(parseDatabaseArgs(rest, process.env, DEFAULT_CLI_DATABASE).databasePath));
    return 1;
  } finally {
    // A PDF's Chromium is kept for the next one; a command has no next one.
    closePdfBrowsers();
  }
}
