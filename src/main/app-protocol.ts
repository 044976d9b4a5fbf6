// The desktop app serves its renderer from app://watchbill/ instead of file://: a page on
// file:// may read any other file:// URL on the disk, while this scheme answers only with
// the files of the built renderer folder.
import { net, protocol } from 'electron';
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './csp';

const APP_SCHEME = 'app';
const APP_HOST = 'watchbill';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Must run before the app is ready. Standard: relative URLs, storage and a real origin work
 * as on https; secure: a secure context like https. Not corsEnabled, so no other origin may
 * read the app's files.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The app's own page (whatever its #fragment): the only place windows may navigate to. */
export function isAppUrl(url: string): boolean {
  return url.split('#')[0] === APP_ENTRY_URL;
}

/**
 * The file inside `root` that an app:// URL names, or null when it names none: another
 * scheme or host, a malformed %-escape, a NUL byte, or a path that climbs out of `root`.
 */
export function rendererFile(url: string, root: string): string | null {
  let parsed: URL;
  let path: string;
  try {
    parsed = new URL(url);
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || path.includes('\0')) return null;
  // Decoded, `..%2F` and `..%5C` become separators: check where the path really lands.
  const file = join(root, path === '/' ? 'index.html' : path);
  const inside = relative(root, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return file;
}

const notFound = () =>
  new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });

/** Answers app:// requests from `root` (after ready); everything else is 404. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = request.method === 'GET' ? rendererFile(request.url, root) : null;
    if (!file || !existsSync(file) || !statSync(file).isFile()) return notFound();
    // net.fetch reads the file (also inside app.asar) and sets its Content-Type.
    const response = await net.fetch(pathToFileURL(file).href);
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
