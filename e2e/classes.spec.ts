/**
 * The class editor: rename, recolour, add, hide, refuse to remove a used class, undo / redo,
 * everything visible in the legend, the palette, the mask and the hover readout and kept across a
 * reopen; and mapping a model's classes onto the project's.
 */
import { test, expect } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openProject } from '../electron/backend/project/open.ts';
import { encodeLabelPng } from '../electron/backend/project/label-png.ts';
import { stemOf } from '../electron/backend/project/test-fixtures.ts';
import { CLIP } from './support/clip.ts';
import { ClassesPom } from './poms/classes-pom.ts';
import { EditPom } from './poms/edit-pom.ts';
import { ViewerPom } from './poms/viewer-pom.ts';
import { WorkspacePom } from './poms/workspace-pom.ts';
import { CAR, startWorkspace, type Workspace } from './poms/workspace-fixture.ts';
import { fixtures } from './support/paths.ts';

const fx = fixtures();
const near = (px: number[], rgb: number[]) => rgb.every((c, i) => Math.abs(px[i]! - c) <= 3) && px[3]! > 0;
let ws: Workspace | undefined;

// Each test starts its own review host and restarts it once.
test.beforeEach(() => test.slow());
test.afterEach(async () => {
  await ws?.stop();
  ws = undefined;
});

test('rename, recolour, add and hide classes: legend, palette, mask and hover follow, and a reopen keeps them', async ({ page }, testInfo) => {
  ws = await startWorkspace(fx.clip, fx.frames);
  await page.goto(ws.serve.url);
  const v = new ViewerPom(page);
  const w = new WorkspacePom(page);
  const c = new ClassesPom(page);
  await v.openClip(ws.clip, fx.frames);
  await w.waitProject();
  await c.open();

  await c.rename(8, 'Vehicle');
  await c.recolor(8, '#ffcc00');
  await expect.poll(async () => near(await w.canvasPixel('overlay-mask', CAR.x + 5, CAR.y + 5), [255, 204, 0])).toBe(true);
  const added = await c.add();
  expect(added).toBe(12); // 0..10 are taken and 11 is the void id
  await c.rename(added, 'Animal');
  await c.toggleHidden(0);
  await expect.poll(() => c.legendHidden(0)).toBe(true);
  await expect.poll(async () => (await w.canvasPixel('overlay-mask', 20, 10))[3]).toBe(0);

  await c.remove(3);
  await expect(c.error).toContainText('class "Road" cannot be removed: track "engine" may hold it');
  await expect(c.legend(3)).toBeVisible();
  await c.undo();
  await expect(c.legend(added)).toContainText('Class 12');
  await c.redo();
  await expect(c.legend(added)).toContainText('Animal');
  await page.screenshot({ path: testInfo.outputPath('class-editor.png') });
  await c.close();

  const p = await w.pointAt(CAR.x + 5, CAR.y + 5);
  await page.mouse.move(p.x, p.y);
  await expect(page.getByTestId('hover-readout')).toContainText('Vehicle');
  await expect(page.getByTestId('class-bars').locator('[data-class="8"]')).toContainText('Vehicle'); // frame stats
  await new EditPom(page).selectTool('b');
  await page.keyboard.press('9');
  await expect(page.getByTestId('current-class')).toContainText('Vehicle');
  await page.keyboard.press('Escape');

  // The view (hidden classes) is saved a moment after it changes; a restart before that loses it.
  const savedView = async (): Promise<unknown> => JSON.parse(await readFile(join(ws!.projectDir, 'view.json'), 'utf8').catch(() => '{}')) as unknown;
  await expect.poll(async () => ((await savedView()) as { hiddenClasses?: number[] }).hiddenClasses).toEqual([0]);
  await ws.restart();
  await page.goto(ws.serve.url);
  await v.openClip(ws.clip, fx.frames);
  await w.waitProject();
  await expect(c.legend(8)).toContainText('Vehicle');
  expect(await c.legendColor(8)).toBe('rgb(255, 204, 0)');
  await expect(c.legend(added)).toContainText('Animal');
  await expect.poll(() => c.legendHidden(0)).toBe(true);
});

test("map a model's classes onto the project's: the mask and the served labels follow, and the map is kept", async ({ page }) => {
  ws = await startWorkspace(fx.clip, fx.frames);
  // Replace the fixture's track with one made by a model whose classes are first / second / third.
  const project = await openProject(ws.projectDir);
  await project.deleteTrack('engine');
  const model = ['first', 'second', 'third'].map((name, id) => ({ id, name, color: [id, id, id] as [number, number, number] }));
  const t = await project.createTrack('echo', { mode: 'per-frame', settings: {}, source: 'test', modelClasses: model });
  const { width, height } = CLIP;
  for (let i = 0; i < fx.frames; i++) {
    const data = new Uint8Array(width * height).fill(0, 0, (width * height) / 2).fill(1, (width * height) / 2);
    await writeFile(project.paths.labels(t.id, stemOf(i)), encodeLabelPng({ width, height, data }));
  }
  await page.goto(ws.serve.url);
  const v = new ViewerPom(page);
  const w = new WorkspacePom(page);
  const c = new ClassesPom(page);
  const e = new EditPom(page);
  await v.openClip(ws.clip, fx.frames);
  await w.waitProject();
  const top = { x: 20, y: 10 };
  const bottom = { x: 20, y: height - 10 };
  await expect.poll(async () => near(await w.canvasPixel('overlay-mask', top.x, top.y), [128, 128, 128])).toBe(true); // as is: Sky
  await c.open();
  await expect(page.getByTestId('class-map')).toContainText("The model's classes differ from the project's");
  await c.mapModelClass(0, 3); // first → Road
  await c.mapModelClass(1, 11); // second → ignore (void)
  await page.screenshot({ path: test.info().outputPath('class-map.png') });
  await expect.poll(() => e.labelAt(t.id, 0, top.x, top.y)).toBe(3);
  await expect.poll(() => e.labelAt(t.id, 0, bottom.x, bottom.y)).toBe(11);
  await expect.poll(async () => near(await w.canvasPixel('overlay-mask', top.x, top.y), [128, 64, 128])).toBe(true);
  await expect.poll(async () => (await w.canvasPixel('overlay-mask', bottom.x, bottom.y))[3]).toBe(0);
  // frame stats: half of the frame is Road now, none of it Sky
  const share = (id: number) => page.getByTestId('class-bars').locator(`[data-class="${id}"]`).getAttribute('data-share', { timeout: 1000 }).then(Number, () => 0);
  await expect.poll(() => share(3)).toBeCloseTo(0.5, 2);
  await expect.poll(() => share(0)).toBe(0);
  await c.close();

  await ws.restart();
  await page.goto(ws.serve.url);
  await v.openClip(ws.clip, fx.frames);
  await c.open();
  await expect(page.getByTestId('class-map-0')).toHaveValue('3');
  await expect(page.getByTestId('class-map-1')).toHaveValue('11');
});
