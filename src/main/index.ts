// Electron app lifecycle only: everything else is shared with the browser host and the CLI.
import { app, type BrowserWindow, dialog, Menu, safeStorage } from 'electron';
import { join } from 'node:path';
import { openHost, type Host } from './app';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { DatabaseError } from './db/errors';
import { electronPdfRenderer } from './electron-pdf';
import { fileDialogHandlers } from './file-dialogs';
import { setPdfRenderer } from './export/pdf';
import { buildMenu } from './menu';
import { keychainSecrets } from './publish/keychain';
import { memorySecrets } from './publish/secrets';
import { appRoot, appVersion, rendererDir } from './paths';
import { enforceSingleInstance } from './security';
import { bindIpc, createMainWindow } from './window';
import { parseDatabaseArgs } from './cli/database-args';
import { isCommandLine } from './cli/command-line';
import { clockFromArgs, isClockError } from './clock';

let mainWindow: BrowserWindow | null = null;
let watchbill: Host | null = null;

/** The better-sqlite3 build for Electron lives apart from the Node build the tests use. */
function electronNativeBinding(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : join(appRoot(), 'native', 'electron', 'better_sqlite3.node');
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  const args = parseDatabaseArgs(process.argv.slice(1), process.env, join(app.getPath('userData'), 'watchbill.db'));
  try {
    const { clock } = clockFromArgs(process.argv.slice(1), process.env);
    watchbill = openHost({
      clock,
      databasePath: args.databasePath,
      empty: args.empty,
      host: 'electron',
      nativeBinding: electronNativeBinding(),
      fileHandlers: fileDialogHandlers(() => mainWindow),
      backups: true,
      jobs: { warm: true },
      // Calendar servers' passwords: encrypted by the OS keychain, in the app's folder, never in the database.
      secrets: keychainSecrets(safeStorage, join(app.getPath('userData'), 'publish-secrets.json'), memorySecrets()),
    });
  } catch (error) {
    const detail =
      error instanceof DatabaseError || isClockError(error)
        ? (error as Error).message
        : String((error as Error)?.stack ?? error);
    dialog.showErrorBox('Watchbill cannot open its database', detail);
    app.exit(1);
    return;
  }
  serveRenderer(rendererDir());
  setPdfRenderer(electronPdfRenderer);
  bindIpc(watchbill.dispatch, () => mainWindow);
  Menu.setApplicationMenu(
    buildMenu({
      databasePath: args.databasePath,
      version: appVersion(),
      getWindow: () => mainWindow,
      sendCommand: (command) => mainWindow?.webContents.send('watchbill:command', command),
    }),
  );
  mainWindow = createMainWindow();
  mainWindow.on('closed', () => (mainWindow = null));
}

/** What follows the executable: `electron .` in a checkout puts the app's folder first. */
const userArgs = process.argv.slice(app.isPackaged ? 1 : 2);

/**
 * The installed app is also the `watchbill` command (Linux packages link it as
 * /usr/bin/watchbill): started with a command, it runs it in this process, prints, and exits
 * without a window or the single-instance lock, so it works while the app is open.
 */
async function runCommandLine(): Promise<void> {
  // Loaded only here: the window never pays for the CLI, nor the CLI for the window.
  const [{ main }, { setCliNativeBinding }] = await Promise.all([import('./cli/index'), import('./cli/runtime')]);
  setCliNativeBinding(electronNativeBinding());
  app.exit(await main(userArgs));
}

if (isCommandLine(userArgs)) {
  // No window will open: Chromium need not look for a display.
  app.commandLine.appendSwitch('ozone-platform', 'headless');
  void runCommandLine();
} else if (enforceSingleInstance(focusMainWindow)) {
  registerAppScheme();
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow && watchbill) mainWindow = createMainWindow();
  });
  app.on('will-quit', () => watchbill?.close());
  void app.whenReady().then(start);
} else {
  app.quit();
}
