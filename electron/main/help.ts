/**
 * Help › Licences (a read-only window on THIRD-PARTY-NOTICES.txt, served by app:// from the
 * renderer folder where `npm run build:notices` writes it) and About (a native message box).
 */
import { BrowserWindow, dialog } from 'electron';
import { APP_ORIGIN } from './app-origin.ts';
import { lockNavigation, SAFE_WEB_PREFERENCES } from './window.ts';

export const LICENCES_URL = `${APP_ORIGIN}/THIRD-PARTY-NOTICES.txt`;

let licences: BrowserWindow | undefined;

/** Opens the licences window, or brings the open one forward. */
export function showLicences(parent: BrowserWindow | undefined): BrowserWindow {
  if (licences && !licences.isDestroyed()) {
    licences.focus();
    return licences;
  }
  const w = new BrowserWindow({ width: 760, height: 720, title: 'Licences', autoHideMenuBar: true, backgroundColor: '#ffffff', ...(parent ? { parent } : {}), webPreferences: { ...SAFE_WEB_PREFERENCES } });
  licences = w;
  lockNavigation(w.webContents);
  w.on('closed', () => (licences = undefined));
  void w.loadURL(LICENCES_URL);
  return w;
}

export interface AboutInfo {
  appName: string;
  version: string;
  versions: Partial<Record<'electron' | 'chrome' | 'node', string>>;
  platform: string;
  arch: string;
  /** Where the engine runs, or why it cannot (app.info's engine note). */
  engine: string;
}

/** The About box's text (pure, unit-tested). */
export function aboutText(a: AboutInfo): { message: string; detail: string } {
  const detail = [
    `Version ${a.version} (${a.platform}-${a.arch})`,
    `Electron ${a.versions.electron ?? '?'}, Chromium ${a.versions.chrome ?? '?'}, Node ${a.versions.node ?? '?'}`,
    `Engine: ${a.engine}`,
    '',
    'Semantic segmentation of driving video: review, correct and export.',
    'Licences of the bundled software and models: Help › Licences.',
  ].join('\n');
  return { message: a.appName, detail };
}

export async function showAbout(parent: BrowserWindow | undefined, info: AboutInfo): Promise<void> {
  const { message, detail } = aboutText(info);
  const opts = { type: 'info' as const, title: `About ${info.appName}`, message, detail, buttons: ['OK'] };
  if (parent) await dialog.showMessageBox(parent, opts);
  else await dialog.showMessageBox(opts);
}
