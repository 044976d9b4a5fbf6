// Electron cannot start on this machine, so the desktop shell is checked against a stand-in
// of Electron's API: the window's security settings, the sender check on every channel
// and the menu structure (test/main/desktop-hardening.test.ts checks every guard).
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const created: { options: Record<string, unknown>; url?: string; openHandler?: (d: { url: string }) => unknown }[] =
    [];
  const mainFrame = { url: '' };
  const destroyedCount = { n: 0 };
  const dialogAnswer = {
    save: { canceled: false, filePath: '' } as { canceled: boolean; filePath?: string },
    open: { canceled: false, filePaths: [] as string[] },
  };
  class BrowserWindow {
    webContents = {
      mainFrame,
      session: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
      on: (name: string, listener: (...args: unknown[]) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: (d: { url: string }) => unknown) =>
        (created[created.length - 1]!.openHandler = handler),
      printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 plan')),
    };
    destroy() {
      destroyedCount.n += 1;
    }
    constructor(options: Record<string, unknown>) {
      created.push({ options });
    }
    once() {}
    on() {}
    loadURL(url: string) {
      created[created.length - 1]!.url = url;
      mainFrame.url = url;
      return Promise.resolve();
    }
  }
  return {
    handlers,
    destroyedCount,
    dialogAnswer,
    listeners,
    created,
    mainFrame,
    module: {
      app: { isPackaged: false, requestSingleInstanceLock: () => true, on: vi.fn() },
      BrowserWindow,
      ipcMain: {
        handle: (channel: string, handler: (event: unknown, payload: unknown) => unknown) =>
          handlers.set(channel, handler),
      },
      shell: { openExternal: vi.fn() },
      dialog: {
        showMessageBox: vi.fn(),
        showSaveDialog: vi.fn(async () => dialogAnswer.save),
        showOpenDialog: vi.fn(async () => dialogAnswer.open),
      },
      Menu: { buildFromTemplate: (template: unknown) => template },
    },
  };
});
vi.mock('electron', () => electron.module);

const { createMainWindow, bindIpc } = await import('../../src/main/window');
const { buildMenu } = await import('../../src/main/menu');
const { parseDatabaseArgs } = await import('../../src/main/cli/database-args');
const { electronPdfRenderer } = await import('../../src/main/electron-pdf');
const { fileDialogHandlers } = await import('../../src/main/file-dialogs');
const { tempDir, testApp } = await import('../support/app');
const { readFileSync, writeFileSync } = await import('node:fs');

describe('the desktop window', () => {
  beforeEach(() => electron.created.splice(0));

  it('is sandboxed and context-isolated, without Node, and loads the built renderer', () => {
    createMainWindow();
    const [window] = electron.created;
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(String((window!.options.webPreferences as { preload: string }).preload)).toMatch(
      /out[\\/]preload[\\/]index\.cjs$/,
    );
    expect(window!.url).toBe('app://watchbill/index.html');
  });

  it('answers only the app’s own main frame', async () => {
    const window = createMainWindow();
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'ran' }));
    bindIpc(dispatch, () => window as never);
    const handler = electron.handlers.get('engineers:list')!;
    expect(await handler({ senderFrame: electron.mainFrame }, {})).toEqual({ ok: true, value: 'ran' });
    const other = { url: 'https://example.com/' };
    expect(await handler({ senderFrame: other }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler({ senderFrame: null }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});

describe('the application menu', () => {
  it('has File, Edit with undo and redo, View and Help with About', () => {
    const template = buildMenu({
      sendCommand: vi.fn(),
      databasePath: '/tmp/w.db',
      version: '1.0.0',
      getWindow: () => null,
    }) as unknown as {
      label?: string;
      role?: string;
      submenu: { label?: string; role?: string }[];
    }[];
    const top = template.map((m) => m.label ?? m.role);
    expect(top).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'help']));
    const sendCommand = vi.fn();
    const withCommands = buildMenu({
      sendCommand,
      databasePath: '/tmp/w.db',
      version: '1.0.0',
      getWindow: () => null,
    }) as unknown as {
      label?: string;
      submenu: { label?: string; accelerator?: string; click?: () => void }[];
    }[];
    const edit = withCommands.find((m) => m.label === 'Edit')!.submenu;
    const undo = edit.find((i) => i.label === 'Undo')!;
    const redo = edit.find((i) => i.label === 'Redo')!;
    expect([undo.accelerator, redo.accelerator]).toEqual(['CmdOrCtrl+Z', 'Shift+CmdOrCtrl+Z']);
    undo.click!();
    redo.click!();
    expect(sendCommand.mock.calls).toEqual([['edit:undo'], ['edit:redo']]);
    expect(template.find((m) => m.role === 'help')!.submenu.map((i) => i.label)).toContain('About Watchbill');
  });
});

describe('where the database is', () => {
  it('is --db, else WATCHBILL_DB, else the default, and --empty asks for no example team', () => {
    expect(parseDatabaseArgs([], {}, '/data/watchbill.db')).toEqual({
      databasePath: '/data/watchbill.db',
      empty: false,
    });
    expect(parseDatabaseArgs([], { WATCHBILL_DB: '/env.db' }, '/d.db').databasePath).toBe('/env.db');
    expect(parseDatabaseArgs(['--db', '/arg.db', '--empty'], { WATCHBILL_DB: '/env.db' }, '/d.db')).toEqual({
      databasePath: '/arg.db',
      empty: true,
    });
  });
});

describe('the plan as PDF in the desktop app', () => {
  it('prints the HTML in a hidden window without scripts, and closes it', async () => {
    electron.created.splice(0);
    const pdf = await electronPdfRenderer.htmlToPdf('<h1>Plan — Q4</h1>');
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 plan');
    const [window] = electron.created;
    expect(window!.options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true } });
    expect(Buffer.from(window!.url!.split(',')[1]!, 'base64').toString()).toBe('<h1>Plan — Q4</h1>');
    expect(electron.destroyedCount.n).toBe(1);
  });
});

describe('native file dialogs', () => {
  const temp = tempDir();
  const files = fileDialogHandlers(() => null);

  it('saves an export where the lead chose, text or base64', async () => {
    electron.dialogAnswer.save = { canceled: false, filePath: temp.file('plan.pdf') };
    const saved = await files['files:save-as']({
      suggestedName: 'plan.pdf',
      mimeType: 'application/pdf',
      encoding: 'base64',
      content: Buffer.from('%PDF-1.7').toString('base64'),
    });
    expect(saved).toEqual({ saved: true, path: temp.file('plan.pdf') });
    expect(readFileSync(temp.file('plan.pdf'), 'latin1')).toBe('%PDF-1.7');
  });

  it('writes nothing when the dialog is cancelled', async () => {
    electron.dialogAnswer.save = { canceled: true };
    expect(
      await files['files:save-as']({ suggestedName: 'a.csv', mimeType: 'text/csv', encoding: 'utf8', content: 'x' }),
    ).toEqual({ saved: false, path: null });
  });

  it('reads the chosen file for an import as its bytes, for the importer to find their encoding', async () => {
    const bytes = Buffer.from('name;email\r\nS\xf8ren,soren@example.com\r\n', 'latin1');
    writeFileSync(temp.file('team.csv'), bytes);
    electron.dialogAnswer.open = { canceled: false, filePaths: [temp.file('team.csv')] };
    expect(await files['files:open']({ title: 'Import engineers', extensions: ['csv'] })).toEqual({
      filename: 'team.csv',
      encoding: 'bytes',
      content: bytes.toString('base64'),
    });
  });

  it('are not offered by the browser host, which downloads instead', async () => {
    const app = testApp();
    const result = await app.dispatch('files:open', { title: 'x', extensions: ['csv'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    app.close();
  });
});
