// `watchbill <command>`: one table of commands, each with its own options, so later issues
// add a command by adding one entry.
import { appVersion } from '../paths';
import { drillsCommand } from './drills';
import { exportCommand } from './export';
import { importCommand } from './import';
import { planCommands } from './plan-commands';
import { fairnessCommand, planCommand, scheduleCommand } from './schedule';
import { serveCommand } from './serve';
import type { Command } from './command';

const commands: Command[] = [
  serveCommand,
  scheduleCommand,
  fairnessCommand,
  planCommand,
  ...planCommands,
  exportCommand,
  importCommand,
  drillsCommand,
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
  ].join('\n');
}

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
    return await command.run(rest);
  } catch (error) {
    console.error(`watchbill ${name}: ${(error as Error).message}`);
    return 1;
  }
}
