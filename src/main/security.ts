// The guards every window gets: the renderer is untrusted content that may only talk to
// the main process through the validated bridge.
import { app, session, shell, type WebContents, type WebFrameMain } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';

export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

/** Denies navigation away from the app and new windows; http(s) links open in the browser. */
export function guardContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Only the app's own top-level page may call the bridge, never a subframe or other origin. */
export function isTrustedSender(
  frame: WebFrameMain | null,
  mainFrame: WebFrameMain,
  isAppUrl: (url: string) => boolean,
): boolean {
  return frame !== null && frame === mainFrame && isAppUrl(frame.url);
}

export function enforceSingleInstance(onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', onSecondInstance);
  return true;
}
