import { test, expect } from '@playwright/test';
import { EditPom } from './poms/edit-pom.ts';
import { ViewerPom } from './poms/viewer-pom.ts';
import { WorkspacePom } from './poms/workspace-pom.ts';
import { startReviewWorkspace, SHIFT, type ReviewWorkspace } from './poms/review-fixture.ts';
import { CAR } from './poms/workspace-fixture.ts';
import { fixtures } from './support/paths.ts';

const fx = fixtures();
let ws: ReviewWorkspace;

test.beforeAll(async () => {
  ws = await startReviewWorkspace(fx.clip, fx.frames, { tracks: true });
});
test.afterAll(async () => {
  await ws?.stop();
});

test('compare two tracks side by side, by swipe and as a diff, with per-frame stats', async ({ page }) => {
  await page.goto(ws.serve.url);
  const v = new ViewerPom(page);
  const w = new WorkspacePom(page);
  await v.openClip(ws.clip, fx.frames);
  await w.waitProject();
  await expect(w.rows).toHaveCount(2);

  // Track names (not ids) label the side-by-side panes.
  await w.row('shifted').getByTestId('track-name').dblclick();
  await page.getByTestId('track-rename-input').fill('Shifted run');
  await page.getByTestId('track-rename-input').press('Enter');
  await expect(w.row('shifted').getByTestId('track-name')).toHaveText('Shifted run');

  // Side by side: both panes show the same frame, and follow the playhead.
  await page.getByTestId('compare-side-by-side').click();
  await expect(page.getByTestId('pane-label-left')).toHaveText('engine');
  await expect(page.getByTestId('pane-label-right')).toHaveText('Shifted run');
  await expect(page.getByTestId('compare-canvas')).toHaveAttribute('data-left', '0');
  await expect(page.getByTestId('compare-canvas')).toHaveAttribute('data-right', '0');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('compare-canvas')).toHaveAttribute('data-left', '1');
  await expect(page.getByTestId('compare-canvas')).toHaveAttribute('data-right', '1');
  // The panes differ where the car differs: compare a left-pane pixel with the same image pixel in the right pane.
  const panes = await page.getByTestId('compare-canvas').evaluate((c, car) => {
    const el = c as HTMLCanvasElement;
    const ctx = el.getContext('2d')!;
    const pw = Math.floor(el.width / 2);
    const scale = Math.min((pw - 2) / 320, el.height / 192);
    const ox = (pw - 2 - 320 * scale) / 2;
    const oy = (el.height - 192 * scale) / 2;
    const at = (pane: number, x: number, y: number) => [...ctx.getImageData(Math.floor(pane * (pw + 2) + ox + (x + 0.5) * scale), Math.floor(oy + (y + 0.5) * scale), 1, 1).data];
    return { left: at(0, car.x, car.y), right: at(1, car.x, car.y) };
  }, { x: CAR.x + CAR.step + 2, y: CAR.y + 5 });
  expect(panes.left).not.toEqual(panes.right);
  await expect(page.getByTestId('stat-changed')).toContainText(String(2 * SHIFT * CAR.h));
  await expect(page.getByTestId('class-bars').locator('li')).not.toHaveCount(0);
  await expect(page.getByTestId('stat-tc')).toBeVisible();
  if (process.env.VSS_UPDATE_SCREENSHOT) await page.screenshot({ path: 'assets/screenshots/compare.png' });

  // Swipe: main mask left of the split, compare mask right of it; the handle moves the split.
  await page.getByTestId('compare-swipe').click();
  await expect(page.getByTestId('compare-canvas')).toHaveCount(0);
  await expect(w.layer('mask-compare')).toHaveAttribute('data-frame', '1');
  const handle = page.getByTestId('swipe-handle');
  const before = await handle.boundingBox();
  const box = (await w.viewer.boundingBox())!;
  await page.mouse.move(before!.x + before!.width / 2, before!.y + before!.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await handle.boundingBox())!.x).toBeLessThan(before!.x - 50);

  // Diff view: only where the two tracks disagree.
  await page.getByTestId('compare-diff').click();
  await expect(w.layer('diff')).toHaveAttribute('data-frame', '1');
  await expect.poll(() => w.opaquePixels('overlay-diff')).toBeGreaterThan(0);
  await page.getByTestId('compare-off').click();
  await expect(w.layer('mask-compare')).toHaveCount(0);
  // After the swipe, the main mask covers the whole frame again (the swipe's clip is gone),
  // on this frame and after scrubbing.
  await expect.poll(async () => (await w.canvasPixel('overlay-mask', 310, 10))[3]).toBeGreaterThan(0);
  await page.keyboard.press('ArrowRight');
  await expect(w.layer('mask')).toHaveAttribute('data-frame', '2');
  await expect.poll(async () => (await w.canvasPixel('overlay-mask', 310, 180))[3]).toBeGreaterThan(0);

  // With an edit tool active the mask is drawn once: the screen looks the same as without it.
  const plain = await w.screenPixel(20, 10);
  const e = new EditPom(page);
  await e.selectTool('b');
  await e.waitMask(2);
  await expect(w.layer('mask')).toHaveAttribute('data-frame', '-1');
  await expect.poll(async () => (await w.screenPixel(20, 10)).every((c, i) => Math.abs(c - plain[i]!) <= 3)).toBe(true);
  await page.keyboard.press('Escape');
});
