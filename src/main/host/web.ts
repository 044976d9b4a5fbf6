// The browser host: the same handlers as the desktop app, over HTTP on 127.0.0.1 only.
// Every request must carry the per-start secret (a cookie set from the start URL, or a
// bearer header); API calls must also come from our own Origin, and the Host header must
// be ours, which shuts out other local users, other web pages and DNS rebinding.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Dispatch } from '../ipc/register';
import { CONTENT_SECURITY_POLICY } from '../csp';

const COOKIE = 'watchbill_secret';
const MAX_BODY_BYTES = 10 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface WebHostOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
  /** Fixed secret for tests; a random one otherwise. */
  secret?: string;
}

export interface WebHost {
  server: Server;
  port: number;
  secret: string;
  /** The address to open: it carries the secret the browser needs. */
  url: string;
  close(): Promise<void>;
}

function sameSecret(given: string | undefined, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A request the host cannot read (a broken %-escape, an unparsable address): answered 400 with `message`. */
class MalformedRequest extends Error {}

/** decodeURIComponent throws a URIError on a broken escape such as `%E0%A4%A`; that is the client's mistake. */
function decode(value: string, where: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new MalformedRequest(`Bad request: the ${where} has a malformed %-escape.`);
  }
}

function cookieSecret(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return decode(value.join('='), `cookie ${COOKIE}`);
  }
  return undefined;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Referrer-Policy': 'no-referrer',
  });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const secret = options.secret ?? randomBytes(24).toString('base64url');
  let origin = '';
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const serveStatic = (res: ServerResponse, pathname: string) => {
    const relative = normalize(decode(pathname, 'address')).replace(/^([/\\])+/, '');
    const file = join(options.rendererDir, relative || 'index.html');
    if (!file.startsWith(options.rendererDir + sep) && file !== options.rendererDir) return send(res, 404, 'Not found');
    const target = existsSync(file) && statSync(file).isFile() ? file : join(options.rendererDir, 'index.html');
    if (!existsSync(target)) return send(res, 500, 'The renderer is not built: run `npm run build` first.');
    res.writeHead(200, {
      'Content-Type': MIME[extname(target)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Referrer-Policy': 'no-referrer',
    });
    createReadStream(target).pipe(res);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 403, 'Forbidden: unexpected Host.');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      throw new MalformedRequest('Bad request: the address cannot be read.');
    }

    // The start URL: trade the secret in the address for a cookie, then drop it from the address.
    if (url.searchParams.has('secret')) {
      if (!sameSecret(url.searchParams.get('secret') ?? undefined, secret))
        return send(res, 403, 'Forbidden: wrong secret.');
      res.writeHead(303, {
        Location: '/',
        'Set-Cookie': `${COOKIE}=${encodeURIComponent(secret)}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
      });
      return res.end();
    }

    const bearer = req.headers.authorization?.replace(/^Bearer /, '');
    if (!sameSecret(cookieSecret(req), secret) && !sameSecret(bearer, secret)) {
      return send(res, 403, 'Forbidden: open Watchbill with the address printed when it started.');
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'Use POST.');
      const requestOrigin = req.headers.origin;
      if (requestOrigin !== undefined && !allowedOrigins.has(requestOrigin))
        return send(res, 403, 'Forbidden: foreign origin.');
      let payload: unknown;
      try {
        const body = await readBody(req);
        payload = body ? JSON.parse(body) : {};
      } catch {
        return send(
          res,
          400,
          JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'The request body is not JSON.' } }),
          MIME['.json'],
        );
      }
      const result = await options.dispatch(decode(url.pathname.slice('/api/'.length), 'channel name'), payload);
      return send(res, 200, JSON.stringify(result), MIME['.json']);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
    return serveStatic(res, url.pathname);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof MalformedRequest) {
        if (!res.headersSent) send(res, 400, error.message);
        else res.end();
        return;
      }
      console.error('Watchbill browser host:', error);
      if (!res.headersSent) send(res, 500, 'Internal error.');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));
  return {
    server,
    port,
    secret,
    url: `${origin}/?secret=${encodeURIComponent(secret)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
