// A real CalDAV server for the publish tests: Debian's Radicale on 127.0.0.1, on a free port,
// with a throw-away storage folder and a plain password file. stop() and start() again keep
// the storage, so a test can take the server away and bring the same calendar back.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBasicAuthHeaders, makeCalendar } from 'tsdav';

export const RADICALE = process.env.RADICALE_PATH ?? '/usr/bin/radicale';
export const radicaleAvailable = () => existsSync(RADICALE);

export interface Radicale {
  /** http://127.0.0.1:PORT */
  origin: string;
  user: string;
  password: string;
  /** Makes a calendar collection for the user and answers its URL (with a trailing slash). */
  makeCalendar(name: string): Promise<string>;
  authHeaders(): Record<string, string>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its storage. */
  remove(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** Waits for the port to answer (or not to), checking again as soon as the last check ended. */
async function until(port: number, open: boolean, what: string, child: ChildProcess | null): Promise<void> {
  const deadline = performance.now() + 20_000;
  while ((await accepts(port)) !== open) {
    if (child && child.exitCode !== null) throw new Error(`Radicale exited with ${child.exitCode} before ${what}.`);
    if (performance.now() > deadline) throw new Error(`Radicale did not ${what} on port ${port} in 20 s.`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export async function startRadicale(options: { user?: string; password?: string } = {}): Promise<Radicale> {
  if (!radicaleAvailable())
    throw new Error(`Radicale is not installed at ${RADICALE}: apt-get install radicale, or set RADICALE_PATH.`);
  const user = options.user ?? 'lead';
  const password = options.password ?? 'radicale-test-secret-4b1d';
  const dir = mkdtempSync(join(tmpdir(), 'watchbill-radicale-'));
  const users = join(dir, 'users');
  writeFileSync(users, `${user}:${password}\n`);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let log = '';

  const start = async () => {
    child = spawn(
      RADICALE,
      [
        '--config',
        '',
        '--server-hosts',
        `127.0.0.1:${port}`,
        '--storage-filesystem-folder',
        join(dir, 'collections'),
        '--auth-type',
        'htpasswd',
        '--auth-htpasswd-filename',
        users,
        '--auth-htpasswd-encryption',
        'plain',
        '--rights-type',
        'owner_only',
        '--logging-level',
        'warning',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4_000)));
    try {
      await until(port, true, 'start', child);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${log}`);
    }
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
    await until(port, false, 'stop', null);
  };
  const authHeaders = () => getBasicAuthHeaders({ username: user, password });

  await start();
  return {
    origin,
    user,
    password,
    authHeaders,
    async makeCalendar(name) {
      const url = `${origin}/${user}/${name}/`;
      const [response] = await makeCalendar({
        url,
        props: { 'd:displayname': name },
        headers: authHeaders(),
      });
      if (!response?.ok) throw new Error(`MKCALENDAR ${url} answered ${response?.status} ${response?.statusText}`);
      return url;
    },
    start,
    stop,
    async remove() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ServerObject {
  href: string;
  etag: string;
  ics: string;
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#13;/g, '\r')
    .replace(/&amp;/g, '&');

/**
 * Reads a calendar back with a plain CalDAV REPORT over fetch, independently of the client
 * Watchbill publishes with: every object's href, ETag and calendar data.
 */
export async function readCalendar(calendarUrl: string, headers: Record<string, string>): Promise<ServerObject[]> {
  const response = await fetch(calendarUrl, {
    method: 'REPORT',
    headers: { ...headers, Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
    body: `<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><D:getetag/><C:calendar-data/></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"/></C:comp-filter></C:filter>
</C:calendar-query>`,
  });
  if (response.status !== 207) throw new Error(`REPORT ${calendarUrl} answered ${response.status}`);
  const xml = await response.text();
  const objects: ServerObject[] = [];
  for (const [, body] of xml.matchAll(/<(?:\w+:)?response>([\s\S]*?)<\/(?:\w+:)?response>/g)) {
    const href = /<(?:\w+:)?href>([^<]*)</.exec(body!)?.[1];
    const etag = /<(?:\w+:)?getetag>([^<]*)</.exec(body!)?.[1];
    const data = /<(?:\w+:)?calendar-data[^>]*>([\s\S]*?)<\/(?:\w+:)?calendar-data>/.exec(body!)?.[1];
    if (href && etag && data)
      objects.push({ href: new URL(href, calendarUrl).href, etag: unescapeXml(etag), ics: unescapeXml(data) });
  }
  return objects;
}
