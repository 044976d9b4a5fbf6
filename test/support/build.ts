// Runs once before the unit tests: several of them start the `watchbill` command as a person
// would, and it runs from the build, so build first when src/ changed since the last one.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { appRoot } from '../../src/main/paths';

export default function setup(): void {
  const result = spawnSync(process.execPath, [join(appRoot(), 'scripts', 'build-if-stale.mjs')], {
    cwd: appRoot(),
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`Could not build the app for the CLI tests:\n${result.stdout}${result.stderr}`);
}
