import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate, type MenuActions } from './menu.ts';

function recorder(): { actions: MenuActions; calls: string[] } {
  const calls: string[] = [];
  const actions: MenuActions = {
    openVideo: () => calls.push('openVideo'),
    openFolder: () => calls.push('openFolder'),
    openProject: () => calls.push('openProject'),
    openPath: (p) => calls.push(`openPath ${p}`),
    clearRecent: () => calls.push('clearRecent'),
    page: (c) => calls.push(`page ${c}`),
    showLicences: () => calls.push('showLicences'),
    showAbout: () => calls.push('showAbout'),
  };
  return { actions, calls };
}

const submenu = (m: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] => (Array.isArray(m?.submenu) ? m.submenu : []);
const top = (t: MenuItemConstructorOptions[], label: string) => t.find((m) => (m.label ?? '').replace('&', '') === label);
const item = (t: MenuItemConstructorOptions[], menu: string, label: string) => submenu(top(t, menu)).find((i) => i.label === label);
const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label ?? i.role ?? i.type);
/** Clicks a template item as Electron would (the handler ignores its arguments). */
const click = (i: MenuItemConstructorOptions | undefined) => (i?.click as (() => void) | undefined)?.();

test('File: Open Video/Frames Folder/Project, Open Recent, Import Labels…, Export…, Close, and Quit outside macOS', () => {
  const { actions, calls } = recorder();
  const t = menuTemplate({ platform: 'linux', appName: 'VSS Studio', recent: [{ path: '/v/a.mp4', openedAt: '2026-01-01' }], actions });
  assert.deepEqual(labels(submenu(top(t, 'File'))), ['Open Video…', 'Open Frames Folder…', 'Open Project…', 'Open Recent', 'separator', 'Import Labels…', 'Export…', 'separator', 'Close', 'separator', 'quit']);
  for (const l of ['Open Video…', 'Open Frames Folder…', 'Open Project…', 'Import Labels…', 'Export…', 'Close']) click(item(t, 'File', l));
  const recent = submenu(item(t, 'File', 'Open Recent'));
  click(recent[0]);
  click(recent.find((r) => r.label === 'Clear Recent'));
  assert.deepEqual(calls, ['openVideo', 'openFolder', 'openProject', 'page import', 'page export', 'page close', 'openPath /v/a.mp4', 'clearRecent']);
  assert.equal(item(t, 'File', 'Export…')?.accelerator, 'CmdOrCtrl+E');
  assert.equal(item(t, 'File', 'Import Labels…')?.accelerator, 'CmdOrCtrl+I');
  assert.equal(item(t, 'File', 'Close')?.accelerator, 'CmdOrCtrl+W');
  const empty = menuTemplate({ platform: 'linux', appName: 'VSS Studio', recent: [], actions });
  assert.deepEqual(submenu(item(empty, 'File', 'Open Recent')).map((i) => [i.label, i.enabled]), [['No Recent Files', false]]);
});

test('Edit: Undo and Redo go to the page (mask history or text field), the clipboard keeps its roles', () => {
  for (const [platform, redo] of [['linux', 'Ctrl+Y'], ['win32', 'Ctrl+Y'], ['darwin', 'Shift+Cmd+Z']] as const) {
    const { actions, calls } = recorder();
    const t = menuTemplate({ platform, appName: 'VSS Studio', recent: [], actions });
    assert.equal(item(t, 'Edit', 'Undo')?.accelerator, 'CmdOrCtrl+Z');
    assert.equal(item(t, 'Edit', 'Redo')?.accelerator, redo);
    assert.equal(item(t, 'Edit', 'Undo')?.role, undefined, 'not the text-only undo role');
    click(item(t, 'Edit', 'Undo'));
    click(item(t, 'Edit', 'Redo'));
    assert.deepEqual(calls, ['page undo', 'page redo']);
    assert.deepEqual(submenu(top(t, 'Edit')).filter((i) => i.role).map((i) => i.role), ['cut', 'copy', 'paste', 'selectAll']);
  }
});

test('Help: Keyboard Shortcuts, Licences and About (About in the app menu on macOS)', () => {
  const { actions, calls } = recorder();
  const t = menuTemplate({ platform: 'win32', appName: 'VSS Studio', recent: [], actions });
  assert.deepEqual(labels(submenu(top(t, 'Help'))), ['Keyboard Shortcuts', 'Licences', 'separator', 'About VSS Studio']);
  for (const l of ['Keyboard Shortcuts', 'Licences', 'About VSS Studio']) click(item(t, 'Help', l));
  assert.deepEqual(calls, ['page shortcuts', 'showLicences', 'showAbout']);
  assert.deepEqual(labels(t), ['&File', '&Edit', 'viewMenu', '&Help'], 'no app menu or Window menu outside macOS');
});

test('macOS: the app menu (About, Services, Hide, Quit) first, a Window menu, no Quit or About elsewhere', () => {
  const { actions, calls } = recorder();
  const t = menuTemplate({ platform: 'darwin', appName: 'VSS Studio', recent: [], actions });
  assert.deepEqual(labels(t), ['VSS Studio', '&File', '&Edit', 'viewMenu', 'windowMenu', '&Help']);
  assert.deepEqual(labels(submenu(t[0])), ['About VSS Studio', 'separator', 'services', 'separator', 'hide', 'hideOthers', 'unhide', 'separator', 'quit']);
  click(submenu(t[0])[0]);
  assert.deepEqual(calls, ['showAbout']);
  assert.ok(!submenu(top(t, 'File')).some((i) => i.role === 'quit'));
  assert.deepEqual(labels(submenu(top(t, 'Help'))), ['Keyboard Shortcuts', 'Licences']);
});

test('every accelerator is used once per platform', () => {
  for (const platform of ['linux', 'darwin', 'win32'] as const) {
    const t = menuTemplate({ platform, appName: 'VSS Studio', recent: [], actions: recorder().actions });
    const keys = t.flatMap(submenu).map((i) => i.accelerator).filter((k): k is string => !!k);
    assert.equal(new Set(keys).size, keys.length, `${platform}: ${keys.join(', ')}`);
  }
});
