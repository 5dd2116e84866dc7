/**
 * Electron main process (thin): one window, menu, IPC handlers and the app:// and vss-frame://
 * protocols over the same createBackend() the CLI and the review host use. Data lives in
 * app.getPath('userData') unless VSS_HOME says otherwise. Paths arrive from the command line, a
 * second instance, the macOS open-file event (Finder, Dock) and the menus; what is opened goes
 * into the OS recent documents.
 * Bundled to dist/electron/main.cjs by scripts/build-electron.mjs.
 */
import { app, BrowserWindow, Menu, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Events, RecentItem } from '../shared/contract.ts';
import { createBackend, type Backend } from '../backend/api.ts';
import { createVideoService } from '../backend/video/service.ts';
import { pathFromArgv } from './app-origin.ts';
import { dataDirFor, resolveModelsDir } from './app-paths.ts';
import { engineUnsupported } from './platforms.ts';
import { chooseFramesFolder, chooseProjectFolder, chooseVideo } from './dialogs.ts';
import { showAbout, showLicences } from './help.ts';
import { registerIpc } from './ipc.ts';
import { menuTemplate } from './menu.ts';
import { handleProtocols, registerSchemes } from './protocols.ts';
import { createMainWindow, hardenSession } from './window.ts';

const here = __dirname; // dist/electron once bundled
const rendererDir = join(here, '..', 'renderer');

registerSchemes();
if (!app.requestSingleInstanceLock()) app.quit();

let win: BrowserWindow | undefined;
let backend: Backend | undefined;
let dataDir = '';
let engineNote = '';
/** Events for the page held until it has loaded (a path from open-file or argv can come first). */
let pageLoaded = false;
const pending: (() => void)[] = [];

function toPage<E extends 'app.openPath' | 'app.command' | 'app.notice'>(name: E, payload: Events[E]): void {
  const send = () => backend?.emit(name, payload);
  if (pageLoaded && backend) send();
  else pending.push(send);
}

const openInUi = (path: string): void => toPage('app.openPath', { path });

/** The app's recent list, mirrored into the OS's (Dock, jump list, GTK recent files). */
function syncOsRecent(items: RecentItem[]): void {
  if (items.length === 0) app.clearRecentDocuments();
  else app.addRecentDocument(items[0]!.path);
}

function refreshMenu(items: RecentItem[]): void {
  const template = menuTemplate({
    platform: process.platform,
    appName: app.getName(),
    recent: items,
    actions: {
      openVideo: () => void chooseVideo(win).then((p) => p && openInUi(p)),
      openFolder: () => void chooseFramesFolder(win).then((p) => p && openInUi(p)),
      openProject: () => void chooseProjectFolder(win, join(dataDir, 'projects')).then((dir) => dir && toPage('app.command', { command: 'openProject', dir })),
      openPath: openInUi,
      clearRecent: () => void backend?.handle('recent.clear', {}),
      page: (command) => toPage('app.command', { command }),
      showLicences: () => void showLicences(win),
      showAbout: () => void showAbout(win, { appName: app.getName(), version: app.getVersion(), versions: process.versions, platform: process.platform, arch: process.arch, engine: engineNote }),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function onRecentChanged(items: RecentItem[]): void {
  refreshMenu(items);
  syncOsRecent(items);
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession();
  const video = createVideoService();
  const modelsDir = resolveModelsDir(
    { isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath, bundleDir: here, env: process.env },
    existsSync,
  );
  // The engine worker is bundled beside this file (scripts/build-electron.mjs → entry.mjs).
  const workerBuilt = existsSync(join(here, 'entry.mjs'));
  const unsupported = engineUnsupported(process.platform, process.arch);
  dataDir = dataDirFor(process.env, app.getPath('userData'));
  engineNote =
    unsupported ?? (!workerBuilt ? `engine worker missing: ${join(here, 'entry.mjs')} (npm run build:electron)` : modelsDir ? `models: ${modelsDir}` : 'no native-models folder found (set VSS_MODELS_DIR)');
  const b = createBackend({
    dataDir,
    video,
    cacheLimitMB: video.cacheLimitMB,
    transport: 'electron',
    version: app.getVersion(),
    openDialog: () => chooseVideo(win),
    // The handler has checked that the path is absolute and exists: reveal it, never open it.
    showInFolder: (path) => shell.showItemInFolder(path),
    onRecentChanged,
    ...(modelsDir ? { modelsDir } : {}),
    engine: {
      available: !unsupported && workerBuilt && modelsDir !== undefined,
      note: engineNote,
    },
  });
  backend = b;
  handleProtocols(b, rendererDir);
  registerIpc(b, () => win?.webContents);
  refreshMenu((await b.handle('recent.list', {})).items);
  win = createMainWindow(here);
  win.on('closed', () => (win = undefined));
  win.webContents.on('did-finish-load', () => {
    pageLoaded = true;
    for (const send of pending.splice(0)) send();
  });

  // Intel Macs and other platforms without an ONNX Runtime build: say so at start-up.
  if (unsupported) toPage('app.notice', { level: 'warning', message: unsupported });
  const initial = pathFromArgv(process.argv, app.isPackaged);
  if (initial) openInUi(resolve(process.env.INIT_CWD ?? process.cwd(), initial));
}

// macOS: a file dropped on the Dock icon or opened from Finder; may arrive before 'ready'.
app.on('open-file', (e, path) => {
  e.preventDefault();
  openInUi(path);
  win?.focus();
});
app.on('second-instance', (_e, argv, cwd) => {
  const p = pathFromArgv(argv, app.isPackaged);
  if (p) openInUi(resolve(cwd, p));
  if (win?.isMinimized()) win.restore();
  win?.focus();
});
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => void backend?.dispose());
app.on('web-contents-created', (_e, wc) => {
  wc.on('will-attach-webview', (ev) => ev.preventDefault());
});

start().catch((e: unknown) => {
  console.error(`VSS Studio failed to start: ${e instanceof Error ? e.message : String(e)}`);
  app.exit(1);
});
