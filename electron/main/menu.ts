/** Application menu: File › Open Video…, Open Frames Folder…, Open Recent, Quit (plus the standard Edit/View roles). */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { RecentItem } from '../shared/contract.ts';

export interface MenuActions {
  open(): void;
  openFolder(): void;
  openPath(path: string): void;
  clearRecent(): void;
}

export function buildMenu(recent: RecentItem[], actions: MenuActions): void {
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : [...recent.map((r) => ({ label: r.path, click: () => actions.openPath(r.path) })), { type: 'separator' }, { label: 'Clear Recent', click: actions.clearRecent }];
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Open Video…', accelerator: 'CmdOrCtrl+O', click: actions.open },
        { label: 'Open Frames Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: actions.openFolder },
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
