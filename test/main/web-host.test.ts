import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import { startWebHost, type WebHost } from '../../src/main/host/web';
import { tempDir, testApp } from '../support/app';

const temp = tempDir();
let app: WatchbillApp;
let host: WebHost;

beforeAll(async () => {
  mkdirSync(temp.file('renderer'));
  writeFileSync(temp.file('renderer/index.html'), '<!doctype html><title>Watchbill</title>');
  app = testApp();
  host = await startWebHost({ dispatch: app.dispatch, rendererDir: temp.file('renderer') });
});
afterAll(async () => {
  await host.close();
  app.close();
  temp.remove();
});

const api = (channel: string, init: RequestInit = {}) =>
  fetch(`http://127.0.0.1:${host.port}/api/${channel}`, { method: 'POST', body: '{}', ...init });

describe('the browser host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?secret=/);
  });

  it('refuses requests without the secret with 403', async () => {
    expect((await api('engineers:list')).status).toBe(403);
    expect((await fetch(`http://127.0.0.1:${host.port}/`)).status).toBe(403);
    expect((await api('engineers:list', { headers: { Authorization: 'Bearer wrong' } })).status).toBe(403);
  });

  it('refuses a foreign Origin even with the secret', async () => {
    const response = await api('engineers:list', {
      headers: { Authorization: `Bearer ${host.secret}`, Origin: 'http://evil.example' },
    });
    expect(response.status).toBe(403);
  });

  it('trades the start address for a cookie that opens the app and the API', async () => {
    const start = await fetch(host.url, { redirect: 'manual' });
    expect(start.status).toBe(303);
    const cookie = start.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`http://127.0.0.1:${host.port}/`, { headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const engineers = await api('engineers:list', {
      headers: { Cookie: cookie.split(';')[0]!, Origin: `http://127.0.0.1:${host.port}` },
    });
    const body = (await engineers.json()) as { ok: boolean; value: { name: string }[] };
    expect(body.ok).toBe(true);
    expect(body.value.map((e) => e.name)).toContain('Engineer A');
  });

  it('answers bad JSON and bad payloads with invalid_input', async () => {
    const auth = { Authorization: `Bearer ${host.secret}` };
    const notJson = await api('engineers:save', { headers: auth, body: '{name:' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const bad = await api('engineers:save', {
      headers: auth,
      body: JSON.stringify({ name: 'Eve', color: 'red', timeZone: 'UTC' }),
    });
    expect(await bad.json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/color/) },
    });
    expect(app.repos.engineers.findByName('Eve')).toBeNull();
  });

  it('refuses a request for another Host name (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/engineers:list',
          method: 'POST',
          headers: { Host: 'attacker.example', Authorization: `Bearer ${host.secret}` },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('answers a malformed %-escape in the address or the cookie with 400 and a plain message', async () => {
    const { request } = await import('node:http');
    const raw = (path: string, headers: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: host.port, path, method: 'GET', headers }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    const printed = vi.spyOn(console, 'error');
    try {
      const auth = { Authorization: `Bearer ${host.secret}` };
      const path = await raw('/%E0%A4%A', auth);
      expect(path).toEqual({ status: 400, body: 'Bad request: the address has a malformed %-escape.' });
      const channel = await raw('/api/%E0%A4%A', auth);
      expect(channel.status).toBe(405);
      // Before authentication: the cookie is read to decide whether the caller may come in.
      const cookie = await raw('/', { Cookie: 'watchbill_secret=%E0%A4%A' });
      expect(cookie).toEqual({
        status: 400,
        body: 'Bad request: the cookie watchbill_secret has a malformed %-escape.',
      });
      expect(printed).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
    }
  });

  it('answers a malformed %-escape in a channel name with 400', async () => {
    const response = await api('%E0%A4%A', { headers: { Authorization: `Bearer ${host.secret}` } });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('Bad request: the channel name has a malformed %-escape.');
  });
});
