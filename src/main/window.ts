import { type BrowserWindow, ipcMain } from 'electron';
import { join } from 'node:path';
import { CHANNEL_NAMES } from '../shared/ipc/contract';
import { fail } from '../shared/result';
import { APP_ENTRY_URL, isAppUrl } from './app-protocol';
import type { Dispatch } from './ipc/register';
import { appRoot } from './paths';
import { isTrustedSender, openWindow } from './security';

export function createMainWindow(): BrowserWindow {
  const window = openWindow(
    {
      width: 1280,
      height: 800,
      minWidth: 960,
      minHeight: 600,
      show: false,
      title: 'Watchbill',
      webPreferences: { preload: join(appRoot(), 'out', 'preload', 'index.cjs'), spellcheck: false },
    },
    isAppUrl,
  );
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** One ipcMain handler per channel, each checking that the caller is the app's own page. */
export function bindIpc(dispatch: Dispatch, getWindow: () => BrowserWindow | null): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      const window = getWindow();
      if (!window || !isTrustedSender(event.senderFrame, window.webContents.mainFrame)) {
        return fail('forbidden', `${channel}: the call did not come from Watchbill's own window.`);
      }
      return dispatch(channel, payload);
    });
  }
}
