// Whether `npm start` can start the desktop app on this Node, and why not: the one rule that
// scripts/start.mjs follows and the README states. Electron's own tooling (the download of
// its runtime, electron-builder's rebuild) declares the Node it needs in the engines field
// of the electron package; the rest of Watchbill runs on older Node too.

/** [major, minor, patch] of a range written ">= X.Y.Z", the form Electron uses; null otherwise. */
function minimumOf(range) {
  const match = /^\s*>=\s*(\d+)\.(\d+)\.(\d+)\s*$/.exec(range ?? '');
  return match ? match.slice(1).map(Number) : null;
}

function atLeast(version, minimum) {
  const parts = version
    .replace(/^v/, '')
    .split('.')
    .map((part) => Number.parseInt(part, 10));
  for (let i = 0; i < 3; i++) {
    if ((parts[i] ?? 0) !== minimum[i]) return (parts[i] ?? 0) > minimum[i];
  }
  return true;
}

/**
 * @param {string} nodeVersion this Node's version, as in process.versions.node
 * @param {{ version: string, engines?: { node?: string } } | null} electron the installed
 *   electron package's package.json, or null when it is not installed
 */
export function desktopSupport(nodeVersion, electron) {
  if (!electron) return { desktop: false, reason: 'the electron package is not installed (run `npm ci`)' };
  const minimum = minimumOf(electron.engines?.node);
  if (minimum && !atLeast(nodeVersion, minimum)) {
    const needed = minimum.join('.');
    return {
      desktop: false,
      reason: `Node ${nodeVersion} is older than ${needed}, which Electron ${electron.version} needs to download its runtime; install Node ${needed} or newer for the desktop app`,
    };
  }
  return { desktop: true, reason: `Electron ${electron.version} on Node ${nodeVersion}` };
}
