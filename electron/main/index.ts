/**
 * Electron main process (thin): one window, menu, IPC handlers and the app:// and vss-frame://
 * protocols over the same createBackend() the CLI and the review host use.
 * Bundled to dist/electron/main.cjs by scripts/build-electron.mjs.
 */
import { app, BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RecentItem } from '../shared/contract.ts';
import { createBackend, type Backend } from '../backend/api.ts';
import { createVideoService } from '../backend/video/service.ts';
import { pathFromArgv } from './app-origin.ts';
import { resolveModelsDir } from './app-paths.ts';
import { engineUnsupported } from './platforms.ts';
import { chooseFramesFolder, chooseVideo } from './dialogs.ts';
import { registerIpc } from './ipc.ts';
import { buildMenu } from './menu.ts';
import { handleProtocols, registerSchemes } from './protocols.ts';
import { createMainWindow, hardenSession } from './window.ts';

const here = __dirname; // dist/electron once bundled
const rendererDir = join(here, '..', 'renderer');

registerSchemes();
if (!app.requestSingleInstanceLock()) app.quit();

let win: BrowserWindow | undefined;
let backend: Backend | undefined;

function openInUi(path: string): void {
  backend?.emit('app.openPath', { path });
}

function refreshMenu(items: RecentItem[]): void {
  buildMenu(items, {
    open: () => void chooseVideo(win).then((p) => p && openInUi(p)),
    openFolder: () => void chooseFramesFolder(win).then((p) => p && openInUi(p)),
    openPath: openInUi,
    clearRecent: () => void backend?.handle('recent.clear', {}),
  });
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
  const b = createBackend({
    video,
    cacheLimitMB: video.cacheLimitMB,
    transport: 'electron',
    version: app.getVersion(),
    openDialog: () => chooseVideo(win),
    onRecentChanged: refreshMenu,
    ...(modelsDir ? { modelsDir } : {}),
    engine: {
      available: !unsupported && workerBuilt && modelsDir !== undefined,
      note: unsupported ?? !workerBuilt ? `engine worker missing: ${join(here, 'entry.mjs')} (npm run build:electron)` : modelsDir ? `models: ${modelsDir}` : 'no native-models folder found (set VSS_MODELS_DIR)',
    },
  });
  backend = b;
  handleProtocols(b, rendererDir);
  registerIpc(b, () => win?.webContents);
  refreshMenu((await b.handle('recent.list', {})).items);
  win = createMainWindow(here);
  win.on('closed', () => (win = undefined));

  // Intel Macs and other platforms without an ONNX Runtime build: say so once the page listens.
  if (unsupported) win.webContents.once('did-finish-load', () => b.emit('app.notice', { level: 'warning', message: unsupported }));

  const initial = pathFromArgv(process.argv, app.isPackaged);
  if (initial) {
    const abs = resolve(process.env.INIT_CWD ?? process.cwd(), initial);
    win.webContents.once('did-finish-load', () => openInUi(abs));
  }
}

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
