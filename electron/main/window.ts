/**
 * The main window with the locked-down settings: context isolation, sandbox, no Node in the page,
 * web security, CSP on every app response, no navigation, no new windows, no permissions.
 */
import { BrowserWindow, session, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { APP_CSP, APP_INDEX_URL, isAppUrl } from './app-origin.ts';
import { windowIcon } from './app-paths.ts';

export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    if (isAppUrl(details.url)) headers['Content-Security-Policy'] = [APP_CSP];
    callback({ responseHeaders: headers });
  });
}

export function createMainWindow(preloadDir: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 500,
    backgroundColor: '#15171b',
    title: 'VSS Studio',
    icon: windowIcon(preloadDir),
    show: false,
    webPreferences: {
      preload: join(preloadDir, 'preload.cjs'),
      ...SAFE_WEB_PREFERENCES,
    },
  });
  lockNavigation(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_INDEX_URL);
  return win;
}

/** No navigation away from the loaded page, no redirects, no new windows (https links open in the browser). */
export function lockNavigation(wc: WebContents): void {
  wc.on('will-navigate', (e, url) => {
    if (url !== wc.getURL()) e.preventDefault();
  });
  wc.on('will-redirect', (e) => e.preventDefault());
  wc.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** The settings every window of the app uses: isolated, sandboxed, no Node in the page. */
export const SAFE_WEB_PREFERENCES = { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, spellcheck: false } as const;
