import { test, expect } from '@playwright/test';
import { ViewerPom } from './poms/viewer-pom.ts';
import { fixtures } from './support/paths.ts';

const fx = fixtures();

test.beforeEach(async ({ page }) => {
  await page.goto(fx.url);
});

test('opens the clip by path and scrubs by keyboard to the exact frames', async ({ page }) => {
  const v = new ViewerPom(page);
  await v.openClip(fx.clip, fx.frames);
  await expect(page.getByTestId('video-facts')).toContainText('320×192 · 25 fps');
  await page.getByTestId('section-toggle-video').click(); // the Video section starts collapsed
  await expect(page.getByTestId('info-panel')).toContainText('320 × 192');
  await v.press('1');
  await expect.poll(async () => (await v.view()).scale).toBe(1);
  const last = fx.frames - 1;
  const steps: [string, number][] = [
    ['ArrowRight', 1],
    ['ArrowRight', 2],
    ['Shift+ArrowRight', 12],
    ['ArrowLeft', 11],
    ['Shift+ArrowLeft', 1],
    ['End', last],
    ['ArrowRight', last],
    ['Shift+ArrowLeft', last - 10],
    ['Home', 0],
    ['ArrowLeft', 0],
  ];
  for (const [key, expected] of steps) {
    await v.press(key);
    await v.expectShown(expected, fx.frames);
  }
  await expect(page.getByTestId('timecode')).toHaveText('00:00:00.000');
  await v.press('End');
  await expect(page.getByTestId('timecode')).toHaveText(`00:00:0${(last / 25).toFixed(3)}`);
});

test('clicking the timeline jumps to the frame under the pointer', async ({ page }, testInfo) => {
  const v = new ViewerPom(page);
  await v.openClip(fx.clip, fx.frames);
  await v.press('1');
  for (const target of [37, 5, fx.frames - 1, 0, 23]) {
    await v.clickTimeline(target, fx.frames);
    await v.expectShown(target, fx.frames);
  }
  // Dragging along the track scrubs continuously and lands where the pointer stops.
  const box = (await v.track.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, y, { steps: 5 });
  await page.mouse.move(box.x + (40 / (fx.frames - 1)) * box.width, y, { steps: 3 });
  await page.mouse.up();
  await v.expectShown(40, fx.frames);
  await v.press('f');
  await v.expectShown(40);
  await page.screenshot({ path: testInfo.outputPath('viewer.png') });
  // VSS_UPDATE_SCREENSHOT=1 refreshes the screenshot in the docs.
  if (process.env.VSS_UPDATE_SCREENSHOT) await page.screenshot({ path: 'assets/screenshots/viewer.png' });
});

test('bad input shows a one-line message and the app keeps working', async ({ page }) => {
  const v = new ViewerPom(page);
  await v.open(fx.missing);
  await expect(v.banner).toBeVisible();
  await expect(v.banner).toContainText('missing.mp4');
  expect((await v.banner.innerText()).trim().split('\n')).toHaveLength(2); // message + dismiss "×"
  await v.open(fx.fakeMp4);
  await expect(v.banner).toContainText('not-a-video.mp4');
  await v.open('   ');
  await expect(v.banner).toContainText('Type the path');
  await v.openClip(fx.clip, fx.frames);
  await expect(v.banner).toHaveCount(0);
  await v.press('ArrowRight');
  await v.expectShown(1, fx.frames);
});

test('zoom about the cursor, pan and fit keep the pixels right; 1:1 is exact', async ({ page }) => {
  const v = new ViewerPom(page);
  await v.openClip(fx.clip, fx.frames);
  await v.press('Shift+ArrowRight');
  await v.expectShown(10);
  await v.press('1');
  await expect.poll(async () => (await v.view()).scale).toBe(1);
  const box = (await v.canvas.boundingBox())!;
  const cx = box.x + box.width / 2 + 30;
  const cy = box.y + box.height / 2 - 20;
  const before = await v.view();
  await page.mouse.move(cx, cy);
  await page.mouse.wheel(0, -300);
  await expect.poll(async () => (await v.view()).scale).toBeGreaterThan(1.2);
  const after = await v.view();
  // The image point under the cursor stays under the cursor.
  const ix = (cx - box.x - before.x) / before.scale;
  const ixAfter = (cx - box.x - after.x) / after.scale;
  expect(Math.abs(ix - ixAfter)).toBeLessThan(0.01);
  await v.expectShown(10);
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx - 40, cy + 25, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await v.view()).x).toBeCloseTo(after.x - 40, 5);
  await v.expectShown(10);
  await page.getByTestId('fit-button').click();
  await v.expectShown(10);
  await page.getByTestId('one-to-one-button').click();
  await expect.poll(async () => (await v.view()).scale).toBe(1);
  await v.expectShown(10);
  await expect(page.getByTestId('zoom-level')).toHaveText('100%');
  // 1:1 shows the decoded bytes unchanged: no smoothing, no colour conversion.
  expect(await v.matchesServedFrame()).toBe(true);
});

test('Space plays at the clip rate and pauses', async ({ page }) => {
  const v = new ViewerPom(page);
  await v.openClip(fx.clip, fx.frames);
  await v.press('Space');
  await expect(v.playButton).toHaveText('Pause');
  await expect(page.getByTestId('achieved-fps')).toBeVisible();
  await expect.poll(() => v.index()).toBeGreaterThan(8);
  await v.press('Space');
  await expect(v.playButton).toHaveText('Play');
  const stoppedAt = await v.index();
  expect(stoppedAt).toBeLessThan(fx.frames - 1);
  await v.expectShown(stoppedAt);
  await v.animationFrames(15);
  expect(await v.index()).toBe(stoppedAt);
  // Playing from the end restarts at frame 0 and stops at the last frame.
  await v.press('End');
  await v.press('Space');
  await expect(v.playButton).toHaveText('Play', { timeout: 10_000 });
  await v.expectShown(fx.frames - 1, fx.frames);
});
