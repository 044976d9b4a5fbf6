// Which starts of the desktop app are commands. Kept apart from the command table so the
// desktop app can tell without loading the CLI: it loads it only when it runs a command.
// Every command's `name` is typed from this list, and a test checks each name has a command.
export const COMMAND_NAMES = [
  'serve',
  'schedule',
  'rotations',
  'fairness',
  'plan',
  'who',
  'sla',
  'export',
  'import',
  'publish',
  'drills',
  'recover',
] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

/**
 * Whether a start of the desktop app is a command instead (`watchbill schedule …`,
 * `watchbill --version`): the installed app's executable is also the `watchbill` command.
 * Without a command (or with only --db / --now) it opens the window.
 */
export function isCommandLine(argv: readonly string[]): boolean {
  const [first] = argv;
  if (first === undefined) return false;
  return (
    ['--version', '-v', '--help', '-h', 'help'].includes(first) || (COMMAND_NAMES as readonly string[]).includes(first)
  );
}
