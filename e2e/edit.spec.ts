import { test, expect } from '@playwright/test';
import { EditPom } from './poms/edit-pom.ts';
import { ViewerPom } from './poms/viewer-pom.ts';
import { useSharedWorkspace, TRACK } from './poms/workspace-fixture.ts';
import { fixtures } from './support/paths.ts';

const fx = fixtures();
const ws = useSharedWorkspace();
const CAR_COLOR = [64, 0, 128];
const SKY_COLOR = [128, 128, 128];


const near = (px: number[], rgb: number[]) => rgb.every((c, i) => Math.abs(px[i]! - c) <= 3) && px[3]! > 0;

test('paint a brush stroke, undo and redo it (canvas pixels, correction marker, labels on the host)', async ({ page }, testInfo) => {
  await page.goto(ws().serve.url);
  const v = new ViewerPom(page);
  const e = new EditPom(page);
  await v.openClip(ws().clip, fx.frames);
  await expect(e.projectName).toContainText('drive-');
  await e.selectTool('b');
  await page.keyboard.press('9'); // 9th class: Car
  await e.waitMask(0);
  expect(near(await e.maskPixel(100, 30), SKY_COLOR)).toBe(true);
  await e.expectCorrected(false);
  await e.drag([{ x: 60, y: 30 }, { x: 100, y: 30 }, { x: 140, y: 34 }]);
  await expect.poll(async () => near(await e.maskPixel(100, 30), CAR_COLOR)).toBe(true);
  await e.expectCorrected(true);
  await expect.poll(() => e.labelAt(TRACK, 0, 100, 30)).toBe(8);
  await page.screenshot({ path: testInfo.outputPath('edit.png') });

  await page.keyboard.press('Control+z');
  await expect.poll(async () => near(await e.maskPixel(100, 30), SKY_COLOR)).toBe(true);
  await e.expectCorrected(false);
  await expect.poll(() => e.labelAt(TRACK, 0, 100, 30)).toBe(0);

  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => near(await e.maskPixel(100, 30), CAR_COLOR)).toBe(true);
  await e.expectCorrected(true);
  await expect.poll(() => e.labelAt(TRACK, 0, 100, 30)).toBe(8);
  // a whole drag was one step: one undo removes all of it
  await page.keyboard.press('Control+z');
  await expect.poll(() => e.labelAt(TRACK, 0, 140, 34)).toBe(0);
  await expect.poll(() => e.labelAt(TRACK, 0, 60, 30)).toBe(0);

  // L locks the frame against later engine runs (and unlocks it)
  const lock = page.getByTestId('lock-toggle');
  await v.press('ArrowRight');
  await v.expectShown(1);
  await expect(lock).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('l');
  await expect(lock).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('l');
  await expect(lock).toHaveAttribute('aria-pressed', 'false');
});

test('polygon and flood fill; propagate a correction to the next frames as one step', async ({ page }) => {
  await page.goto(ws().serve.url);
  const v = new ViewerPom(page);
  const e = new EditPom(page);
  await v.openClip(ws().clip, fx.frames);
  await e.selectTool('p');
  await page.keyboard.press('0'); // 10th class: Pedestrian
  await e.waitMask(0);
  for (const [x, y] of [[120, 10], [200, 10], [200, 40], [120, 40]] as const) await e.click(x, y);
  await page.keyboard.press('Enter');
  await expect.poll(() => e.labelAt(TRACK, 0, 160, 25)).toBe(9);
  await e.selectTool('u');
  await page.keyboard.press('2'); // Building
  await e.click(300, 5);
  await expect.poll(() => e.labelAt(TRACK, 0, 250, 80)).toBe(1);
  // the hover readout under the still cursor follows the fill (it showed Sky before the click)
  await expect(page.getByTestId('hover-readout')).toHaveAttribute('data-class', '1');
  await expect(page.getByTestId('hover-readout')).toContainText('Building');
  await page.keyboard.press('Control+z');
  await expect.poll(() => e.labelAt(TRACK, 0, 250, 80)).toBe(0);

  // propagate the polygon (the last step on frame 0) to frames 1..3 (a region of the clip that
  // stays put: the index blocks there do not change before frame 8)
  await page.getByLabel('Frames forward').fill('3');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('propagate-counts')).toContainText('1:');
  await v.press('ArrowRight');
  await v.expectShown(1);
  await expect.poll(async () => (await e.maskPixel(160, 25)).slice(0, 3)).toEqual([255, 0, 255]);
  const pedestrianShare = page.getByTestId('class-bars').locator('li[data-class="9"]');
  await expect(page.getByTestId('class-bars').locator('li')).not.toHaveCount(0);
  await expect(pedestrianShare).toHaveCount(0); // the track's own labels of frame 1 have no pedestrian
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(() => e.labelAt(TRACK, 1, 160, 25)).toBe(9);
  await expect.poll(() => e.labelAt(TRACK, 3, 160, 25)).toBe(9);
  await e.expectCorrected(true);
  // the frame stats of the shown frame follow the applied propagation
  await expect(pedestrianShare).toHaveCount(1);
  // the propagation is one undo step over all its frames
  await page.keyboard.press('Control+z');
  await expect.poll(() => e.labelAt(TRACK, 1, 160, 25)).toBe(0);
  await expect.poll(() => e.labelAt(TRACK, 3, 160, 25)).toBe(0);
  await expect.poll(() => e.labelAt(TRACK, 0, 160, 25)).toBe(9);
});
