/**
 * The desktop app end to end: launches dist/electron/main.cjs with the clip as argument through
 * Playwright's _electron and runs the main flow. Skips (with the reason) when the Electron binary
 * is not installed, e.g. under ELECTRON_SKIP_BINARY_DOWNLOAD=1.
 */
import { test, expect, _electron as electron, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ViewerPom } from './poms/viewer-pom.ts';
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

test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

test('desktop app opens the clip from the command line and scrubs to exact frames', async () => {
  test.skip('reason' in bin, `Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): ${'reason' in bin ? bin.reason : ''}`);
  if (!('path' in bin)) return;
  expect(existsSync(MAIN), 'run `npm run build` first').toBe(true);
  app = await electron.launch({
    executablePath: bin.path,
    args: [MAIN, fx.clip, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, VSS_HOME: mkdtempSync(join(tmpdir(), 'vss-electron-home-')) },
  });
  const page = await app.firstWindow();
  const v = new ViewerPom(page);
  await expect(v.counter).toHaveText(`frame 0 / ${fx.frames}`);
  await v.press('1');
  await v.expectShown(0);
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
