// The desktop app's hardening against Electron's security checklist, checked where Electron
// cannot start: the packaging configuration as electron-builder itself reads and validates
// it, and the app's start-up run against a stand-in of Electron's API. Each test names what
// a packaged app would lose if it failed.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Paths from '../../src/main/paths';

type Listener = (...args: unknown[]) => void;
type NavigationEvent = { url: string; preventDefault: () => void };

// The renderer folder the app serves: a small one of the test's own, so nothing depends on a build.
const renderer = await vi.hoisted(async () => {
  const { mkdirSync, mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const parent = mkdtempSync(join(tmpdir(), 'watchbill-renderer-'));
  const root = join(parent, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<div id="root"></div>');
  writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(parent, 'secret.txt'), 'not for the renderer');
  return { parent, root };
});

const electron = vi.hoisted(() => {
  const log: string[] = [];
  class FakeSession {
    permissionRequest?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    permissionCheck?: (...args: unknown[]) => boolean;
    setPermissionRequestHandler(handler: FakeSession['permissionRequest']) {
      this.permissionRequest = handler;
    }
    setPermissionCheckHandler(handler: FakeSession['permissionCheck']) {
      this.permissionCheck = handler;
    }
  }
  class FakeContents {
    listeners = new Map<string, Listener>();
    openHandler?: (details: { url: string }) => { action: string };
    session = new FakeSession();
    mainFrame = { url: '' };
    on(name: string, listener: Listener) {
      this.listeners.set(name, listener);
      return this;
    }
    setWindowOpenHandler(handler: FakeContents['openHandler']) {
      this.openHandler = handler;
    }
    async printToPDF() {
      return Buffer.from('%PDF-1.7');
    }
  }
  class BrowserWindow {
    static all: BrowserWindow[] = [];
    webContents = new FakeContents();
    url?: string;
    constructor(public options: { webPreferences?: Record<string, unknown> }) {
      BrowserWindow.all.push(this);
    }
    once() {}
    on() {}
    show() {}
    destroy() {}
    loadURL(url: string) {
      log.push(`load ${url}`);
      this.url = url;
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
  }
  const protocol = {
    privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
    handlers: new Map<string, (request: Request) => Promise<Response>>(),
  };
  const lifecycle = { start: undefined as undefined | (() => Promise<void>) };
  return {
    log,
    BrowserWindow,
    protocol,
    lifecycle,
    netFetch: vi.fn(async (url: string) => {
      const body = readFileSync(new URL(url));
      return new Response(body, { headers: { 'Content-Type': url.endsWith('.js') ? 'text/javascript' : 'text/html' } });
    }),
    shell: { openExternal: vi.fn() },
  };
});

vi.mock('electron', () => ({
  app: {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    on: vi.fn(),
    getPath: () => '/nonexistent/userData',
    // The app starts in whenReady().then(start): keep start to run it when the test says.
    whenReady: () => ({
      then: (start: () => Promise<void>) => {
        electron.log.push('whenReady');
        electron.lifecycle.start = start;
      },
    }),
    exit: vi.fn(),
    quit: vi.fn(),
  },
  BrowserWindow: electron.BrowserWindow,
  protocol: {
    registerSchemesAsPrivileged: (schemes: (typeof electron.protocol.privileged)[number][]) => {
      electron.log.push('registerSchemesAsPrivileged');
      electron.protocol.privileged.push(...schemes);
    },
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
      electron.log.push(`handle ${scheme}`);
      electron.protocol.handlers.set(scheme, handler);
    },
  },
  net: { fetch: electron.netFetch },
  // No keychain here: calendar passwords stay in memory.
  safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
  shell: electron.shell,
  ipcMain: { handle: vi.fn() },
  dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn() },
  Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: vi.fn() },
}));

vi.mock('../../src/main/paths', async (importOriginal) => ({
  ...(await importOriginal<typeof Paths>()),
  rendererDir: () => renderer.root,
}));

// The database is not what this file tests: the app behind the window is a stand-in.
vi.mock('../../src/main/app', () => ({
  openHost: () => ({ dispatch: vi.fn(), close: vi.fn() }),
  appVersion: () => '0.0.0-test',
}));

const { APP_ENTRY_URL, rendererFile } = await import('../../src/main/app-protocol');
const { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } = await import('../../src/main/csp');
const { electronPdfRenderer } = await import('../../src/main/electron-pdf');
const { openWindow } = await import('../../src/main/security');

const root = join(import.meta.dirname, '..', '..');
afterAll(() => rmSync(renderer.parent, { recursive: true, force: true }));

describe('the packaged app’s fuses', () => {
  // electron-builder's own loader and schema: a misspelt option fails here, not silently.
  const loadConfig = async () => {
    const { getConfig, validateConfiguration } = await import('app-builder-lib/out/util/config/config');
    const { DebugLogger } = await import('builder-util');
    const config = await getConfig(root, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    return config;
  };

  it.each([
    ['runAsNode', false, 'ELECTRON_RUN_AS_NODE would turn the app into a plain Node'],
    ['enableCookieEncryption', true, 'cookies would be stored in plain text'],
    ['enableNodeOptionsEnvironmentVariable', false, 'NODE_OPTIONS could inject code'],
    ['enableNodeCliInspectArguments', false, '--inspect could attach a debugger'],
    ['enableEmbeddedAsarIntegrityValidation', true, 'a modified app.asar would load'],
    ['onlyLoadAppFromAsar', true, 'an app folder beside app.asar would load instead'],
    ['grantFileProtocolExtraPrivileges', false, 'file:// pages would keep their extra rights'],
  ] as const)('sets %s to %s (otherwise %s)', async (fuse, value, _risk) => {
    const config = await loadConfig();
    expect(config.electronFuses?.[fuse]).toBe(value);
  });

  it('names the Linux executable watchbill, so the deb package installs the `watchbill` command', async () => {
    const config = await loadConfig();
    expect(config.linux?.executableName).toBe('watchbill');
  });

  it('packs the app into an asar archive, which the asar fuses rely on', async () => {
    const config = await loadConfig();
    expect(config.asar).not.toBe(false);
  });
});

describe('the desktop app’s start-up', () => {
  beforeAll(async () => {
    await import('../../src/main/index');
    await electron.lifecycle.start!();
  });

  it('registers app:// as a standard, secure scheme before the app is ready', () => {
    expect(electron.protocol.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(electron.protocol.privileged[0]!.privileges).not.toHaveProperty('corsEnabled');
    expect(electron.log.indexOf('registerSchemesAsPrivileged')).toBeLessThan(electron.log.indexOf('whenReady'));
  });

  it('serves app:// before the window loads the renderer from it, never from file://', () => {
    const [window] = electron.BrowserWindow.all;
    expect(window!.url).toBe('app://watchbill/index.html');
    expect(electron.log.indexOf('handle app')).toBeGreaterThan(-1);
    expect(electron.log.indexOf('handle app')).toBeLessThan(electron.log.indexOf(`load ${APP_ENTRY_URL}`));
    expect(electron.log.filter((entry) => entry.startsWith('load file:'))).toEqual([]);
  });

  it('serves the built renderer with the content security policy', async () => {
    const serve = electron.protocol.handlers.get('app')!;
    electron.netFetch.mockClear();
    const page = await serve(new Request(APP_ENTRY_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toBe('<div id="root"></div>');
    expect(electron.netFetch).toHaveBeenCalledWith(pathToFileURL(join(renderer.root, 'index.html')).href);
  });
});

describe('app:// answers only with files of the renderer folder', () => {
  const serve = (url: string, method = 'GET') => electron.protocol.handlers.get('app')!(new Request(url, { method }));

  it('serves index.html for / and an asset by its path', async () => {
    expect(await (await serve('app://watchbill/')).text()).toBe('<div id="root"></div>');
    const asset = await serve('app://watchbill/assets/app.js');
    expect([asset.status, await asset.text(), asset.headers.get('Content-Type')]).toEqual([
      200,
      'export {};',
      'text/javascript',
    ]);
    expect(asset.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'app://watchbill/..%2Fsecret.txt',
    'app://watchbill/assets/..%2F..%2Fsecret.txt',
    'app://watchbill/%2E%2E%2Fsecret.txt',
    'app://watchbill/..%5C..%5Csecret.txt',
    `app://watchbill/${encodeURIComponent(join(renderer.parent, 'secret.txt'))}`,
    'app://watchbill/%E0%A4%A',
    'app://watchbill/index.html%00.js',
    'app://elsewhere/index.html',
    'app://watchbill/assets',
    'app://watchbill/missing.js',
  ])('refuses %s with 404 and reads nothing', async (url) => {
    electron.netFetch.mockClear();
    const response = await serve(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('not for the renderer');
    expect(electron.netFetch).not.toHaveBeenCalled();
  });

  it('refuses anything but GET', async () => {
    expect((await serve(APP_ENTRY_URL, 'POST')).status).toBe(404);
  });

  it('never resolves a path outside the folder, whatever the escape', () => {
    for (const sneaky of ['/../secret.txt', '/a/../../secret.txt', '/%2e%2e/secret.txt']) {
      const file = rendererFile(`app://watchbill${sneaky}`, renderer.root);
      expect(file === null || file.startsWith(renderer.root)).toBe(true);
    }
  });
});

describe('every window is guarded', () => {
  const windows = {
    'the main window': async () => {
      const { createMainWindow } = await import('../../src/main/window');
      createMainWindow();
      return electron.BrowserWindow.all.at(-1)!;
    },
    'the PDF window': async () => {
      await electronPdfRenderer.htmlToPdf('<h1>Plan</h1><a href="https://example.com/">x</a>');
      return electron.BrowserWindow.all.at(-1)!;
    },
  };
  const attempts = (window: InstanceType<typeof electron.BrowserWindow>, event: string, url: string) => {
    const preventDefault = vi.fn();
    const listener = window.webContents.listeners.get(event);
    expect(listener, `${event} has no guard`).toBeTypeOf('function');
    listener!({ url, preventDefault } satisfies NavigationEvent);
    return preventDefault.mock.calls.length > 0 ? 'refused' : 'allowed';
  };

  describe.each(Object.entries(windows))('%s', (_name, open) => {
    it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])(
      'refuses %s away from the app',
      async (event) => {
        const window = await open();
        for (const url of [
          'https://example.com/',
          'file:///etc/passwd',
          'app://watchbill/other.html',
          'data:text/html,x',
        ]) {
          expect(attempts(window, event, url), url).toBe('refused');
        }
      },
    );

    it('refuses webviews, new windows and every permission', async () => {
      const window = await open();
      const preventDefault = vi.fn();
      window.webContents.listeners.get('will-attach-webview')!({ preventDefault });
      expect(preventDefault).toHaveBeenCalled();
      electron.shell.openExternal.mockClear();
      expect(window.webContents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
      expect(window.webContents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
      expect(electron.shell.openExternal.mock.calls).toEqual([['https://example.com/']]);
      const answer = vi.fn();
      window.webContents.session.permissionRequest!(window.webContents, 'media', answer);
      expect(answer).toHaveBeenCalledWith(false);
      expect(window.webContents.session.permissionCheck!(window.webContents, 'clipboard-read')).toBe(false);
    });

    it('is sandboxed and context-isolated, without Node or webviews', async () => {
      const window = await open();
      expect(window.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
      });
    });
  });

  it('lets the main window reach only the app’s own page', async () => {
    const window = await windows['the main window']();
    expect(attempts(window, 'will-navigate', `${APP_ENTRY_URL}#today`)).toBe('allowed');
  });

  it('lets the PDF window go nowhere, not even to the app', async () => {
    const window = await windows['the PDF window']();
    expect(attempts(window, 'will-navigate', APP_ENTRY_URL)).toBe('refused');
  });

  it('keeps the locked settings even when a window asks to loosen them', () => {
    openWindow({ webPreferences: { sandbox: false, nodeIntegration: true, contextIsolation: false } }, () => true);
    expect(electron.BrowserWindow.all.at(-1)!.options.webPreferences).toMatchObject({
      sandbox: true,
      nodeIntegration: false,
      contextIsolation: true,
    });
  });

  it('has one place that creates windows, so no window can miss the guards', () => {
    const makers: string[] = [];
    const visit = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) visit(path);
        else if (/new (BrowserWindow|BrowserView|WebContentsView)\b/.test(readFileSync(path, 'utf8')))
          makers.push(path);
      }
    };
    visit(join(root, 'src', 'main'));
    expect(makers).toEqual([join(root, 'src', 'main', 'security.ts')]);
  });
});

describe('the content security policy in the page', () => {
  const directives = (policy: string) => new Map(policy.split(/;\s*/).map((d) => [d.split(' ')[0]!, d] as const));

  it('is the header’s policy, less what only a header can carry', () => {
    const header = directives(CONTENT_SECURITY_POLICY);
    const meta = directives(META_CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(meta).toEqual(header);
    expect(meta.get('script-src')).toBe("script-src 'self'");
  });

  it('is written first into the head of index.html by the renderer build', async () => {
    const { default: config } = await import('../../electron.vite.config');
    const renderer = (config as { renderer: { plugins: { name: string; transformIndexHtml?: unknown }[] } }).renderer;
    const plugin = renderer.plugins.find((p) => p.name === 'watchbill-csp-meta');
    expect(plugin, 'the renderer build lost the CSP meta plugin').toBeDefined();
    const tags = (plugin!.transformIndexHtml as () => unknown)();
    expect(tags).toEqual([
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ]);
  });
});
