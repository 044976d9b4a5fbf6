// The installed desktop app is also the `watchbill` command: its executable started with a
// command runs it and exits, with no window and without taking the single-instance lock (so
// it works while the app is open). Checked against a stand-in of Electron's API.
import { afterAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  exit: vi.fn(),
  appendSwitch: vi.fn(),
  requestSingleInstanceLock: vi.fn(() => true),
  whenReady: vi.fn(() => new Promise(() => {})),
}));

vi.mock('electron', () => ({
  app: {
    isPackaged: true,
    commandLine: { appendSwitch: electron.appendSwitch },
    requestSingleInstanceLock: electron.requestSingleInstanceLock,
    whenReady: electron.whenReady,
    on: vi.fn(),
    exit: electron.exit,
    quit: vi.fn(),
    getPath: () => '/nonexistent/userData',
  },
  BrowserWindow: vi.fn(),
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  net: { fetch: vi.fn() },
  safeStorage: { isEncryptionAvailable: () => false },
  shell: { openExternal: vi.fn() },
  ipcMain: { handle: vi.fn() },
  dialog: { showErrorBox: vi.fn() },
  Menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() },
}));

const argv = process.argv;
afterAll(() => {
  process.argv = argv;
});

describe('the installed app as the watchbill command', () => {
  it('prints the version and exits 0 for `watchbill --version`, opening no window', async () => {
    const printed = vi.spyOn(console, 'log').mockImplementation(() => {});
    process.argv = ['/opt/Watchbill/watchbill', '--version'];
    // Where Electron says the installed app's resources are (the Electron build of SQLite).
    Object.defineProperty(process, 'resourcesPath', { value: '/opt/Watchbill/resources', configurable: true });
    await import('../../src/main/index');
    await vi.waitFor(() => expect(electron.exit).toHaveBeenCalledWith(0));
    expect(printed).toHaveBeenCalledWith(expect.stringMatching(/^\d+\.\d+\.\d+/));
    // No display is needed and no window, lock or app start is asked for.
    expect(electron.appendSwitch).toHaveBeenCalledWith('ozone-platform', 'headless');
    expect(electron.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(electron.whenReady).not.toHaveBeenCalled();
    printed.mockRestore();
  });
});

describe('which starts are commands', () => {
  it('treats a command or --version/--help as the CLI, and nothing, --db or --now as the window', async () => {
    const { isCommandLine, COMMAND_NAMES } = await import('../../src/main/cli/command-line');
    const { commandNames } = await import('../../src/main/cli/index');
    // Every command of the table is known to the desktop app as one, and no other name.
    expect([...COMMAND_NAMES].sort()).toEqual(commandNames().sort());
    expect(isCommandLine(['schedule', '--from', '2027-01-01'])).toBe(true);
    expect(isCommandLine(['--version'])).toBe(true);
    expect(isCommandLine(['help'])).toBe(true);
    expect(isCommandLine([])).toBe(false);
    expect(isCommandLine(['--db', '/tmp/team.db'])).toBe(false);
    expect(isCommandLine(['--now', '2026-12-03T02:00:00Z'])).toBe(false);
    expect(isCommandLine(['--no-sandbox'])).toBe(false);
  });
});
