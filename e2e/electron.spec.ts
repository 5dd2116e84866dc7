/**
 * The desktop app end to end: launches dist/electron/main.cjs with the clip as argument and a
 * fresh VSS_HOME through Playwright's _electron and runs the same main flow as the browser specs,
 * with the same page objects (they take a Page; the resource URLs follow the page's origin):
 * open and scrub to exact frames, run the tiny engine bundle from the run panel, toggle an
 * overlay, paint + undo + redo, export label PNGs and check them on disk; and the desktop menus.
 * Skips (with the reason) when the Electron binary is not installed, e.g. under
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1; electron/main/main-stub.test.ts covers the bundled main's IPC
 * and vss-frame:// routes without it.
 */
import { test, expect, _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeLabelPng } from '../electron/backend/project/label-png.ts';
import { autoProjectDir } from '../electron/backend/workspace/project-home.ts';
import { EditPom } from './poms/edit-pom.ts';
import { ExportPom } from './poms/export-pom.ts';
import { ViewerPom } from './poms/viewer-pom.ts';
import { WorkspacePom } from './poms/workspace-pom.ts';
import { CLIP } from './support/clip.ts';
import { fixtures } from './support/paths.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MAIN = join(ROOT, 'dist', 'electron', 'main.cjs');

function electronBinary(): { path: string } | { reason: string } {
  try {
    const p: unknown = createRequire(import.meta.url)('electron');
    if (typeof p === 'string' && existsSync(p)) return { path: p };
    return { reason: `no executable at ${String(p)}` };
  } catch (e) {
    return { reason: (e instanceof Error ? e.message : String(e)).split('\n')[0]! };
  }
}

const bin = electronBinary();
const fx = fixtures();
let app: ElectronApplication | undefined;

test.beforeEach(() => {
  test.skip('reason' in bin, `Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): ${'reason' in bin ? bin.reason : ''}`);
});
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Launches the built app on the clip with a fresh data folder; returns its window and VSS_HOME. */
async function launch(): Promise<{ page: Page; home: string }> {
  if (!('path' in bin)) throw new Error('no Electron binary');
  expect(existsSync(MAIN), 'run `npm run build` first').toBe(true);
  const home = mkdtempSync(join(tmpdir(), 'vss-electron-home-'));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'VSS_MODELS_DIR' && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  app = await electron.launch({
    executablePath: bin.path,
    args: [MAIN, fx.clip, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    // Not the repo: the app must find native-models and its engine worker from its own location.
    cwd: tmpdir(),
    env: { ...env, VSS_HOME: home },
  });
  const page = await app.firstWindow();
  return { page, home };
}

test('desktop app opens the clip from the command line and scrubs to exact frames', async () => {
  const { page } = await launch();
  const v = new ViewerPom(page);
  await expect(v.counter).toHaveText(`frame 0 / ${fx.frames}`);
  await v.press('1');
  await v.expectShown(0);
  expect(await v.matchesServedFrame()).toBe(true);
  for (const [key, expected] of [['ArrowRight', 1], ['Shift+ArrowRight', 11], ['End', fx.frames - 1], ['Home', 0]] as const) {
    await v.press(key);
    await v.expectShown(expected, fx.frames);
  }
  await v.clickTimeline(30, fx.frames);
  await v.expectShown(30, fx.frames);
  // Bad input keeps the app working; the path field works in the desktop app too.
  await v.open(fx.fakeMp4);
  await expect(v.banner).toContainText('not-a-video.mp4');
  await v.openClip(fx.clip, fx.frames);
  // The page has no Node and no raw ipcRenderer: only the narrow bridge.
  const exposed = await page.evaluate(() => ({ require: typeof (globalThis as { require?: unknown }).require, keys: Object.keys((globalThis as { vss?: object }).vss ?? {}).sort() }));
  expect(exposed.require).toBe('undefined');
  expect(exposed.keys).toEqual(['call', 'frameBase', 'frameQuery', 'on', 'pathForFile', 'transport']);
});

test('desktop app runs the engine, shows an overlay, edits with undo/redo and exports label PNGs', async () => {
  test.setTimeout(180_000);
  const { page, home } = await launch();
  const v = new ViewerPom(page);
  const w = new WorkspacePom(page);
  const e = new EditPom(page);
  const x = new ExportPom(page);
  await expect(v.counter).toHaveText(`frame 0 / ${fx.frames}`);
  await w.waitProject();

  // Run the tiny bundle in dff mode from the run panel: one key-frame marker per summary key frame.
  await w.chooseRun('test-tiny/split', 'dff', { keyInterval: 5 });
  await w.runButton.click();
  await expect(w.rows).toHaveCount(1);
  const trackId = await w.newestTrackId();
  expect(trackId).toBe('dff-k-5');
  await expect(w.row(trackId)).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  const summary = JSON.parse(await readFile(join(autoProjectDir(home, fx.clip), 'tracks', trackId, 'summary.json'), 'utf8')) as { keyFrames: number[] };
  expect(summary.keyFrames.length).toBeGreaterThan(1);
  await expect(w.keyMarkers).toHaveCount(summary.keyFrames.length);
  await expect(page.getByTestId('tc-sparkline')).toBeVisible();

  // The new track's mask is on; turning it off changes what is on screen (labels via vss-frame://).
  await expect(w.layer('mask')).toHaveAttribute('data-frame', '0');
  await expect.poll(() => w.opaquePixels('overlay-mask')).toBeGreaterThan(0);
  const masked = await w.viewerShot();
  await w.overlayByKey('mask', 'm', false);
  await expect(w.layer('mask')).toHaveAttribute('data-frame', '-1');
  expect((await w.viewerShot()).equals(masked)).toBe(false);

  // A brush stroke across frame 0, undo, redo: the corrected labels follow on the backend.
  const at = { x: 100, y: 30 };
  const before = await e.labelAt(trackId, 0, at.x, at.y);
  const [key, painted] = before === 8 ? ['1', 0] : ['9', 8];
  await e.selectTool('b');
  await page.keyboard.press(key);
  await e.waitMask(0);
  await e.drag([{ x: 60, y: 30 }, at, { x: 140, y: 30 }]);
  await expect.poll(() => e.labelAt(trackId, 0, at.x, at.y)).toBe(painted);
  await e.expectCorrected(true);
  await page.keyboard.press('Control+z');
  await expect.poll(() => e.labelAt(trackId, 0, at.x, at.y)).toBe(before);
  await e.expectCorrected(false);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => e.labelAt(trackId, 0, at.x, at.y)).toBe(painted);
  await page.keyboard.press('Escape');

  // Export label ids of frames 0-2 (with the correction) into the default folder; check the files.
  await x.open();
  const out = await x.run('labels', { from: 0, to: 2 });
  expect((await readdir(out)).sort()).toEqual(['000000.png', '000001.png', '000002.png', 'classes.json']);
  expect(decodeLabelPng(await readFile(join(out, '000000.png'))).data[at.y * CLIP.width + at.x]).toBe(painted);
});

/** Clicks an application menu item by its labels (the '&' mnemonic marks are ignored), as the user would. */
async function clickMenu(menu: string, item: string): Promise<void> {
  await app!.evaluate(({ Menu }, [m, i]) => {
    const top = Menu.getApplicationMenu()?.items.find((x) => x.label.replace('&', '') === m);
    const hit = top?.submenu?.items.find((x) => x.label === i);
    if (!hit) throw new Error(`no menu item ${m} › ${i}`);
    hit.click();
  }, [menu, item] as const);
}

test('desktop menus: Help › Licences opens the notices, File › Export… reaches the page, File › Close goes back to the start', async () => {
  const { page } = await launch();
  const v = new ViewerPom(page);
  const w = new WorkspacePom(page);
  await expect(v.counter).toHaveText(`frame 0 / ${fx.frames}`);
  await w.waitProject();

  const licences = app!.waitForEvent('window');
  await clickMenu('Help', 'Licences');
  const notices = await licences;
  await expect(notices.locator('body')).toContainText('licences and third-party notices');
  await expect(notices.locator('body')).toContainText('GNU General Public License');

  await clickMenu('File', 'Export…');
  await expect(page.getByText('Nothing to export yet')).toBeVisible();

  await clickMenu('File', 'Close');
  await expect(v.counter).toHaveText('no video');
});
