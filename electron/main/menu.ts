/**
 * The application menu as a template (pure: only electron's types, unit-tested). index.ts applies
 * it with Menu.buildFromTemplate and rebuilds it when the recent list changes.
 *   macOS app menu: About, Services, Hide, Quit. File: Open Video…, Open Frames Folder…,
 *   Open Project…, Open Recent, Export…, Close (the open video and project; Quit elsewhere).
 *   Edit: Undo/Redo go to the page, which undoes the mask history, or the text in a focused text
 *   field; the clipboard items keep their roles. View and Window: standard roles.
 *   Help: Keyboard Shortcuts, Licences, About (in the app menu on macOS).
 * The accelerators match the page's own keys (renderer/src/edit/tool-keys.ts); the page handles
 * those keys first, so a key does not act twice.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Events, RecentItem } from '../shared/contract.ts';

/** The commands the page carries out (the 'app.command' event); Open Project carries its folder. */
export type PageCommand = Exclude<Events['app.command']['command'], 'openProject'>;

export interface MenuActions {
  openVideo(): void;
  openFolder(): void;
  openProject(): void;
  openPath(path: string): void;
  clearRecent(): void;
  page(command: PageCommand): void;
  showLicences(): void;
  showAbout(): void;
}

export interface MenuInput {
  platform: NodeJS.Platform;
  appName: string;
  recent: RecentItem[];
  actions: MenuActions;
}

const SEP: MenuItemConstructorOptions = { type: 'separator' };

function recentMenu(recent: RecentItem[], a: MenuActions): MenuItemConstructorOptions[] {
  if (recent.length === 0) return [{ label: 'No Recent Files', enabled: false }];
  return [...recent.map((r) => ({ label: r.path, click: () => a.openPath(r.path) })), SEP, { label: 'Clear Recent', click: a.clearRecent }];
}

function fileMenu(m: MenuInput, mac: boolean): MenuItemConstructorOptions {
  const a = m.actions;
  return {
    label: '&File',
    submenu: [
      { label: 'Open Video…', accelerator: 'CmdOrCtrl+O', click: a.openVideo },
      { label: 'Open Frames Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: a.openFolder },
      { label: 'Open Project…', accelerator: 'CmdOrCtrl+Alt+O', click: a.openProject },
      { label: 'Open Recent', submenu: recentMenu(m.recent, a) },
      SEP,
      { label: 'Import Labels…', accelerator: 'CmdOrCtrl+I', click: () => a.page('import') },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => a.page('export') },
      SEP,
      { label: 'Close', accelerator: 'CmdOrCtrl+W', click: () => a.page('close') },
      ...(mac ? [] : [SEP, { role: 'quit' } as const]),
    ],
  };
}

function editMenu(m: MenuInput, mac: boolean): MenuItemConstructorOptions {
  const a = m.actions;
  return {
    label: '&Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => a.page('undo') },
      { label: 'Redo', accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y', click: () => a.page('redo') },
      SEP,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
}

function helpMenu(m: MenuInput, mac: boolean): MenuItemConstructorOptions {
  const a = m.actions;
  return {
    role: 'help',
    label: '&Help',
    submenu: [
      { label: 'Keyboard Shortcuts', accelerator: 'F1', click: () => a.page('shortcuts') },
      { label: 'Licences', click: a.showLicences },
      ...(mac ? [] : [SEP, { label: `About ${m.appName}`, click: a.showAbout }]),
    ],
  };
}

function appMenu(m: MenuInput): MenuItemConstructorOptions {
  return {
    label: m.appName,
    submenu: [
      { label: `About ${m.appName}`, click: m.actions.showAbout },
      SEP,
      { role: 'services' },
      SEP,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      SEP,
      { role: 'quit' },
    ],
  };
}

export function menuTemplate(m: MenuInput): MenuItemConstructorOptions[] {
  const mac = m.platform === 'darwin';
  return [
    ...(mac ? [appMenu(m)] : []),
    fileMenu(m, mac),
    editMenu(m, mac),
    { role: 'viewMenu' },
    ...(mac ? [{ role: 'windowMenu' } as const] : []),
    helpMenu(m, mac),
  ];
}
