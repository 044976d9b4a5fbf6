// Whether the built CLI (out/main/cli.js) is missing or older than the sources it is built
// from. Only a checkout has src/; an installed or packaged copy is always taken as built.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Files whose change means the build must run again; the newest one is named. */
function newestSource(root) {
  let newest = { path: join(root, 'electron.vite.config.ts'), mtimeMs: 0 };
  const sources = [
    newest.path,
    ...readdirSync(join(root, 'src'), { recursive: true }).map((f) => join(root, 'src', f)),
  ];
  for (const path of sources) {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isFile() && stat.mtimeMs > newest.mtimeMs) newest = { path, mtimeMs: stat.mtimeMs };
  }
  return newest;
}

/** Why the build cannot be used (one sentence without a full stop), or null when it is current. */
export function staleBuildReason(root) {
  if (!existsSync(join(root, 'src'))) return null;
  const built = statSync(join(root, 'out', 'main', 'cli.js'), { throwIfNoEntry: false });
  if (!built) return 'the app is not built yet';
  const source = newestSource(root);
  if (source.mtimeMs > built.mtimeMs) return `the build is older than ${relative(root, source.path)}`;
  return null;
}
