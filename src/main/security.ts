// The guards every window gets: the renderer is untrusted content that may only talk to
// the main process through the validated bridge. Every window is made by openWindow, so a
// new one cannot be created without them (test/main/desktop-hardening.test.ts checks).
import {
  app,
  BrowserWindow,
  shell,
  type BrowserWindowConstructorOptions,
  type Session,
  type WebContents,
  type WebFrameMain,
} from 'electron';
import { isAppUrl } from './app-protocol';

/** The settings no window may loosen, whatever its options say. */
const LOCKED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
} as const;

/** Where a window may navigate to; anything else is refused. */
export type NavigationPolicy = (url: string) => boolean;

/** The only place a window is created: locked preferences, then every guard. */
export function openWindow(options: BrowserWindowConstructorOptions, mayNavigateTo: NavigationPolicy): BrowserWindow {
  const window = new BrowserWindow({
    ...options,
    webPreferences: { ...options.webPreferences, ...LOCKED_WEB_PREFERENCES },
  });
  guardContents(window.webContents, mayNavigateTo);
  return window;
}

/** Nothing the app does needs the camera, notifications, the clipboard or any other permission. */
function denyPermissions(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

/**
 * Refuses every navigation the policy does not allow, by link, script, redirect or in a
 * subframe; refuses webviews and new windows (http(s) links open in the browser instead);
 * refuses every permission.
 */
export function guardContents(contents: WebContents, mayNavigateTo: NavigationPolicy): void {
  const refuseElsewhere = (event: { url: string; preventDefault(): void }) => {
    if (!mayNavigateTo(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', refuseElsewhere);
  contents.on('will-redirect', refuseElsewhere);
  contents.on('will-frame-navigate', refuseElsewhere);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  denyPermissions(contents.session);
}

/** Only the app's own top-level page may call the bridge, never a subframe or other origin. */
export function isTrustedSender(frame: WebFrameMain | null, mainFrame: WebFrameMain): boolean {
  return frame !== null && frame === mainFrame && isAppUrl(frame.url);
}

export function enforceSingleInstance(onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', onSecondInstance);
  return true;
}
