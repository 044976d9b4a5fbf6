import type { CommandName } from './command-line';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { HostClock } from '../clock';

export interface Command {
  name: CommandName;
  summary: string;
  usage: string;
  /** Resolves to the process exit code. `clock` is the host's one clock (`--now`, WATCHBILL_NOW). */
  run(argv: string[], clock: HostClock): Promise<number>;
}

/** Strict option parsing: an unknown or malformed option is an error that names it. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  return parseArgs({ args: argv, options, strict: true, allowPositionals: true });
}

export const DEFAULT_CLI_DATABASE = 'watchbill.db';

const DATE_OPTION = /^\d{4}-\d{2}-\d{2}$/;

/** A date given as an option (`--from`, `--to`), checked the one way every command checks it. */
export function dateOption(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && (!DATE_OPTION.test(value) || Number.isNaN(Date.parse(value)))) {
    throw new Error(`${flag} must be a date as YYYY-MM-DD, not '${value}'.`);
  }
  return value;
}
