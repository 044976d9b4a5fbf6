import { BrowserWindow, ipcMain } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHANNEL_NAMES } from '../shared/ipc/contract';
import { fail } from '../shared/result';
import type { Dispatch } from './ipc/register';
import { appRoot } from './paths';
import { guardContents, isTrustedSender } from './security';

const rendererEntry = () => join(appRoot(), 'out', 'renderer', 'index.html');

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Watchbill',
    webPreferences: {
      preload: join(appRoot(), 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const entryUrl = pathToFileURL(rendererEntry()).href;
  const isAppUrl = (url: string) => url.split('#')[0] === entryUrl;
  guardContents(window.webContents, isAppUrl);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(entryUrl);
  return window;
}

/** One ipcMain handler per channel, each checking that the caller is the app's own page. */
export function bindIpc(dispatch: Dispatch, getWindow: () => BrowserWindow | null): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      const window = getWindow();
      const entryUrl = pathToFileURL(rendererEntry()).href;
      if (
        !window ||
        !isTrustedSender(event.senderFrame, window.webContents.mainFrame, (u) => u.split('#')[0] === entryUrl)
      ) {
        return fail('forbidden', `${channel}: the call did not come from Watchbill's own window.`);
      }
      return dispatch(channel, payload);
    });
  }
}
