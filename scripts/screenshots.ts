/**
 * `npm run screenshots`: the README's pictures of the workspace on a real dashcam clip with the
 * default model. Drives the browser review host like a user: opens the clip, runs the engine
 * per-frame and fused from the run panel, then shoots the main views into assets/screenshots/
 * (at 1600×900; the layout, a correction and the shortcut sheet at 1280×720).
 * Needs ../shared/data/videos/solidWhiteRight.mp4 (or VSS_SCREENSHOT_CLIP); skips without it.
 * `npm run screenshots -- superpixel edit` writes only the named pictures (the others are left
 * as they are; the fused run is skipped when no named picture needs it).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, expect, type Page } from '@playwright/test';
import { startServe } from '../e2e/support/serve.ts';

const root = resolve(import.meta.dirname, '..');
const clip = process.env.VSS_SCREENSHOT_CLIP ?? resolve(root, process.env.VSS_DATA_DIR ?? '../shared/data', 'videos/solidWhiteRight.mp4');
const outDir = join(root, 'assets', 'screenshots');
const only = new Set(process.argv.slice(2));
const wanted = (name: string): boolean => only.size === 0 || only.has(name);
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

async function run(page: Page, mode: string, extra: Record<string, string> = {}): Promise<void> {
  const rows = page.getByTestId('track-row');
  const before = await rows.count();
  await page.getByTestId('run-model').selectOption({ label: 'camvid-edge (default)' });
  await page.getByTestId('run-mode').selectOption(mode);
  for (const [k, v] of Object.entries(extra)) await page.getByTestId(`run-${k}`).selectOption(v);
  await page.getByTestId('run-button').click();
  await expect(rows).toHaveCount(before + 1, { timeout: 60_000 });
  await expect(rows.last().getByTestId('track-status')).toContainText('done', { timeout: 300_000 });
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!wanted(name)) return;
  await page.waitForTimeout(400); // let debounced overlays (flow, flicker) settle before the picture
  await page.screenshot({ path: join(outDir, `${name}.png`) });
  console.log(`wrote assets/screenshots/${name}.png`);
}

/** The layout at 1280×720, a correction being painted, and the shortcut sheet. */
async function layoutShots(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.keyboard.press('f');
  await page.getByTestId('status-dismiss').click().catch(() => undefined);
  await shoot(page, 'workspace-1280');
  await page.keyboard.press('b');
  await page.getByTestId('palette-8').click(); // Car
  const box = (await page.getByTestId('viewer').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.35);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.38, { steps: 8 });
  await page.mouse.up();
  await shoot(page, 'edit');
  await page.keyboard.press('Control+z');
  await superpixelShot(page, box);
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcut-sheet')).toBeVisible();
  await shoot(page, 'shortcuts');
  await page.keyboard.press('Escape');
}

/** The superpixel tool: outlines over the frame, and a Shift+click run correcting the pale sky the model calls Pole. */
async function superpixelShot(page: Page, box: { x: number; y: number; width: number; height: number }): Promise<void> {
  if (!wanted('superpixel')) return;
  await page.keyboard.press('s');
  await expect(page.getByTestId('superpixel-layer')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await page.getByTestId('palette-0').click(); // Sky
  await page.keyboard.down('Shift');
  await page.mouse.click(box.x + box.width * 0.35, box.y + box.height * 0.3);
  await page.keyboard.up('Shift');
  await page.mouse.move(box.x + box.width * 0.56, box.y + box.height * 0.62); // the hovered superpixel is tinted
  await shoot(page, 'superpixel');
  await page.keyboard.press('Control+z');
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
    if (['workspace', 'flow', 'compare', 'flicker'].some(wanted)) await run(page, 'fused', { fusion: 'bidirectional' });
    await page.getByTestId('viewer').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+ArrowRight');
    await shoot(page, 'workspace');
    if (wanted('flow')) {
      await page.keyboard.press('o');
      await page.keyboard.press('Shift+O');
      await shoot(page, 'flow');
      await page.keyboard.press('o');
      await page.keyboard.press('Shift+O');
    }
    if (wanted('compare') || wanted('flicker')) {
      // Compare the fused track (main) against per-frame.
      await page.getByTestId('track-row').first().getByTestId('track-compare').check();
      await page.getByTestId('compare-swipe').click();
      await shoot(page, 'compare');
      await page.getByTestId('compare-off').click();
      await page.getByTestId('track-row').first().getByTestId('track-main').check();
      await page.keyboard.press('Shift+L');
      // The flicker layer needs the flow of the previous pair, computed on demand: wait for it.
      const frame = /frame (\d+)/.exec((await page.getByTestId('frame-counter').textContent()) ?? '')?.[1] ?? '';
      await expect(page.getByTestId('overlay-flicker')).toHaveAttribute('data-frame', frame, { timeout: 60_000 });
      await shoot(page, 'flicker');
      await page.keyboard.press('Shift+L');
    }
    await layoutShots(page);
  } finally {
    await browser.close();
    await serve.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

await main();
