/**
 * `npm run screenshots`: the README's pictures of the workspace on a real dashcam clip with the
 * default model. Drives the browser review host like a user: opens the clip, runs the engine
 * per-frame and fused from the run panel, then shoots the main views into assets/screenshots/.
 * Needs ../shared/data/videos/solidWhiteRight.mp4 (or VSS_SCREENSHOT_CLIP); skips without it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, expect, type Page } from '@playwright/test';
import { startServe } from '../e2e/support/serve.ts';

const root = resolve(import.meta.dirname, '..');
const clip = process.env.VSS_SCREENSHOT_CLIP ?? resolve(root, process.env.VSS_DATA_DIR ?? '../shared/data', 'videos/solidWhiteRight.mp4');
const outDir = join(root, 'assets', 'screenshots');
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

async function run(page: Page, mode: string, extra: Record<string, string> = {}): Promise<void> {
  const rows = page.getByTestId('track-row');
  const before = await rows.count();
  await page.getByTestId('run-model').selectOption({ label: 'camvid-lite (default)' });
  await page.getByTestId('run-mode').selectOption(mode);
  for (const [k, v] of Object.entries(extra)) await page.getByTestId(`run-${k}`).selectOption(v);
  await page.getByTestId('run-button').click();
  await expect(rows).toHaveCount(before + 1, { timeout: 60_000 });
  await expect(rows.last().getByTestId('track-status')).toContainText('done', { timeout: 300_000 });
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400); // let debounced overlays (flow, flicker) settle before the picture
  await page.screenshot({ path: join(outDir, `${name}.png`) });
  console.log(`wrote assets/screenshots/${name}.png`);
}

async function main(): Promise<void> {
  if (!existsSync(clip)) {
    console.log(`screenshots: skipped, no clip at ${clip} (set VSS_SCREENSHOT_CLIP or VSS_DATA_DIR)`);
    return;
  }
  const home = mkdtempSync(join(tmpdir(), 'vss-shots-'));
  const serve = await startServe(home);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(serve.url);
    await page.getByTestId('open-path-input').fill(clip);
    await page.getByTestId('open-button').click();
    await expect(page.getByTestId('frame-counter')).toContainText('frame 0 /', { timeout: 60_000 });
    await expect(page.getByTestId('project-name')).not.toHaveAttribute('data-project-id', '', { timeout: 30_000 });
    await run(page, 'per-frame');
    await run(page, 'fused', { fusion: 'bidirectional' });
    await page.getByTestId('viewer').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+ArrowRight');
    await shoot(page, 'workspace');
    await page.keyboard.press('o');
    await page.keyboard.press('Shift+O');
    await shoot(page, 'flow');
    await page.keyboard.press('o');
    await page.keyboard.press('Shift+O');
    // Compare the fused track (main) against per-frame.
    await page.getByTestId('track-row').first().getByTestId('track-compare').check();
    await page.getByTestId('compare-swipe').click();
    await shoot(page, 'compare');
    await page.getByTestId('compare-off').click();
    await page.getByTestId('track-row').first().getByTestId('track-main').check();
    await page.keyboard.press('Shift+L');
    await shoot(page, 'flicker');
  } finally {
    await browser.close();
    await serve.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

await main();
