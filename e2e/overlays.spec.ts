import { test, expect } from '@playwright/test';
import { ViewerPom } from './poms/viewer-pom.ts';
import { WorkspacePom } from './poms/workspace-pom.ts';
import { startReviewWorkspace, SHIFT, type ReviewWorkspace } from './poms/review-fixture.ts';
import { CAR } from './poms/workspace-fixture.ts';
import { fixtures } from './support/paths.ts';

const fx = fixtures();
let ws: ReviewWorkspace;
const SKY = [128, 128, 128];
const ROAD = [128, 64, 128];

test.beforeAll(async () => {
  ws = await startReviewWorkspace(fx.clip, fx.frames, { tracks: true });
});
test.afterAll(async () => {
  await ws?.stop();
});

const near = (px: number[], rgb: number[]) => rgb.every((c, i) => Math.abs(px[i]! - c) <= 3) && px[3]! > 0;

test('each overlay toggles by key and button, changes the screen and shows its legend', async ({ page }) => {
  await page.goto(ws.serve.url);
  const v = new ViewerPom(page);
  const w = new WorkspacePom(page);
  await v.openClip(ws.clip, fx.frames);
  await w.waitProject();
  await expect(w.rows).toHaveCount(2);
  await page.keyboard.press('End');
  await page.keyboard.press('Home');

  // Mask (M): class colours at known spots, legend, hover readout, hidden class, opacity.
  await w.overlayByKey('mask', 'm', false);
  await expect(w.layer('mask')).toHaveAttribute('data-frame', '-1');
  const plain = await w.viewerShot();
  await w.overlayByKey('mask', 'm', true);
  await expect(w.layer('mask')).toHaveAttribute('data-frame', '0');
  await expect(page.getByTestId('class-legend')).toBeVisible();
  await expect.poll(async () => near(await w.canvasPixel('overlay-mask', 20, 10), SKY)).toBe(true);
  expect(near(await w.canvasPixel('overlay-mask', 20, 180), ROAD)).toBe(true);
  expect(near(await w.canvasPixel('overlay-mask', CAR.x + 5, CAR.y + 5), [64, 0, 128])).toBe(true);
  expect((await w.viewerShot()).equals(plain)).toBe(false);
  const p = await w.pointAt(20, 10);
  await page.mouse.move(p.x, p.y);
  await expect(page.getByTestId('hover-readout')).toContainText('Sky');
  await expect(page.getByTestId('hover-readout')).toContainText('78%'); // fake confidence 200/255
  await page.getByTestId('class-0').click();
  await expect.poll(async () => (await w.canvasPixel('overlay-mask', 20, 10))[3]).toBe(0);
  await page.getByTestId('class-0').click();
  await expect.poll(async () => near(await w.canvasPixel('overlay-mask', 20, 10), SKY)).toBe(true);
  const a0 = (await w.canvasPixel('overlay-mask', 20, 10))[3]!;
  await page.getByTestId('opacity-slider').fill('1');
  await expect.poll(async () => (await w.canvasPixel('overlay-mask', 20, 10))[3]).toBeGreaterThan(a0);
  // Scrubbing: the mask follows the frame (the car moved 2 px per frame).
  await page.getByTestId('opacity-slider').blur();
  await page.keyboard.press('ArrowRight');
  await expect(w.layer('mask')).toHaveAttribute('data-frame', '1');

  // Confidence (C): a heat colour everywhere, with its legend.
  await page.getByTestId('overlay-toggle-confidence').click();
  await expect(w.layer('confidence')).toHaveAttribute('data-frame', '1');
  await expect(page.getByTestId('confidence-legend')).toBeVisible();
  expect((await w.canvasPixel('overlay-confidence', 20, 10))[3]).toBeGreaterThan(0);
  await w.overlayByKey('confidence', 'c', false);
  await expect(w.layer('confidence')).toHaveCount(0);

  // Optical flow (O) and arrows (Shift+O): the colour-wheel image and the wheel legend.
  await w.overlayByKey('flow', 'o', true);
  await expect(w.layer('flow')).toHaveAttribute('data-frame', '1', { timeout: 20_000 });
  await expect(page.getByTestId('flow-wheel')).toBeVisible();
  expect((await w.canvasPixel('overlay-flow', 160, 96))[3]).toBeGreaterThan(0);
  await w.overlayByKey('flowArrows', 'Shift+O', true);
  await expect(w.layer('flow-arrows')).toHaveAttribute('data-frame', '1');
  await w.overlayByKey('flow', 'o', false);
  await w.overlayByKey('flowArrows', 'Shift+O', false);
  await expect(w.layer('flow')).toHaveCount(0);

  // Flicker (Shift+L): label flips against the flow-warped previous frame, with its legend.
  await w.overlayByKey('flicker', 'Shift+L', true);
  await expect(w.layer('flicker')).toHaveAttribute('data-frame', '1', { timeout: 20_000 });
  await expect(page.getByTestId('flicker-legend')).toBeVisible();
  await expect.poll(() => w.opaquePixels('overlay-flicker')).toBeGreaterThan(0);
  await w.overlayByKey('flicker', 'Shift+L', false);

  // Track diff (D): main "engine" vs compare "shifted" disagree exactly on the car's edges.
  await w.row('shifted').getByTestId('track-compare').check();
  await page.getByTestId('compare-off').click();
  await w.overlayByKey('diff', 'd', true);
  await expect(w.layer('diff')).toHaveAttribute('data-frame', '1');
  await expect(page.getByTestId('diff-legend')).toBeVisible();
  const x0 = CAR.x + CAR.step; // car of frame 1 in the main track
  await expect.poll(async () => (await w.canvasPixel('overlay-diff', x0 + 2, CAR.y + 5))[3]).toBeGreaterThan(0);
  expect((await w.canvasPixel('overlay-diff', x0 + SHIFT + 2, CAR.y + 5))[3]).toBe(0);
  expect((await w.canvasPixel('overlay-diff', 20, 10))[3]).toBe(0);
  await expect(page.getByTestId('stat-changed')).toContainText(String(2 * SHIFT * CAR.h));
  if (process.env.VSS_UPDATE_SCREENSHOT) {
    await w.overlayByKey('flowArrows', 'Shift+O', true);
    await expect(w.layer('flow-arrows')).toHaveAttribute('data-frame', '1');
    await page.screenshot({ path: 'assets/screenshots/overlays.png' });
  }
});
