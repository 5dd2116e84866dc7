import { test, expect } from '@playwright/test';
import { EditPom } from './poms/edit-pom.ts';
import { ViewerPom } from './poms/viewer-pom.ts';
import { useSharedWorkspace, TRACK } from './poms/workspace-fixture.ts';
import { fixtures } from './support/paths.ts';
import { computeSuperpixels, type Superpixels } from '../electron/core/superpixel/superpixels.ts';
import { resampleRgba } from '../electron/core/superpixel/lab.ts';
import { similarRun, superpixelAt } from '../electron/core/superpixel/select.ts';
import { polygonSpans } from '../electron/core/edit/polygon.ts';

const fx = fixtures();
const ws = useSharedWorkspace();


/** The superpixels the app computes for frame 0 (same frame bytes, same core code, same size). */
async function expectedSuperpixels(e: EditPom, labelWidth: number, labelHeight: number, size: number): Promise<Superpixels> {
  const f = await e.frameRgba(0);
  const rgba = Uint8ClampedArray.from(f.data);
  const sized = f.width === labelWidth && f.height === labelHeight ? rgba : resampleRgba(rgba, f.width, f.height, labelWidth, labelHeight);
  return computeSuperpixels(sized, labelWidth, labelHeight, { size });
}

/** Pixels whose label changed from `before` to `after`, checked to be exactly the superpixels `ids` (those not already `classId`). */
function expectPaintedExactly(sp: Superpixels, before: number[], after: number[], ids: number[], classId: number): void {
  const set = new Set(ids);
  let wrong = 0;
  for (let i = 0; i < after.length; i++) wrong += (set.has(sp.labels[i]!) ? after[i] !== classId : after[i] !== before[i]) ? 1 : 0;
  expect(wrong, 'pixels that differ from "the chosen superpixels painted, nothing else"').toBe(0);
}

test('superpixel tool: a click fills one superpixel, Shift+click a similar run, a drag whole superpixels (saved labels)', async ({ page }) => {
  test.setTimeout(180_000); // two superpixel computations in the page's worker, on 2 shared cores
  await page.goto(ws().serve.url);
  const v = new ViewerPom(page);
  const e = new EditPom(page);
  await v.openClip(ws().clip, fx.frames);
  await e.selectTool('s');
  await page.keyboard.press('9'); // Car
  await e.waitMask(0);
  const count = await e.waitSuperpixels();
  await expect(page.getByTestId('superpixel-size')).toHaveText('16');
  const raw = await e.labels(TRACK, 0);
  const height = raw.data.length / raw.width;
  const scale = raw.width / 320;
  const sp = await expectedSuperpixels(e, raw.width, height, 16);
  expect(count).toBe(sp.count);

  const one = superpixelAt(sp, 150 * scale, 100 * scale);
  await e.click(150, 100);
  await expect.poll(async () => (await e.labels(TRACK, 0)).data.filter((c, i) => c === 8 && sp.labels[i] === one).length, { timeout: 30_000 }).toBeGreaterThan(0);
  const afterClick = (await e.labels(TRACK, 0)).data;
  expectPaintedExactly(sp, raw.data, afterClick, [one], 8);

  await page.keyboard.press('2'); // Building
  // a point whose superpixel has similar neighbours (the clip's flat areas between index blocks)
  const seeds = Array.from({ length: 90 }, (_, i) => ({ x: 10 + (i % 15) * 20, y: 10 + Math.floor(i / 15) * 30 }));
  const seed = seeds.find((p) => similarRun(sp, superpixelAt(sp, (p.x + 0.5) * scale, (p.y + 0.5) * scale)).length > 1 && superpixelAt(sp, (p.x + 0.5) * scale, (p.y + 0.5) * scale) !== one)!;
  const run = similarRun(sp, superpixelAt(sp, (seed.x + 0.5) * scale, (seed.y + 0.5) * scale));
  expect(run.length).toBeGreaterThan(1);
  await e.clickWith('Shift', seed.x, seed.y);
  await expect.poll(async () => (await e.labels(TRACK, 0)).data[Math.floor((seed.y + 0.5) * scale) * raw.width + Math.floor((seed.x + 0.5) * scale)], { timeout: 30_000 }).toBe(1);
  const afterRun = (await e.labels(TRACK, 0)).data;
  expectPaintedExactly(sp, afterClick, afterRun, run, 1);

  await page.keyboard.press('3'); // Road
  await page.keyboard.press('-'); // brush radius 8 → 7: the drag covers the superpixels within 7 px of its path
  await e.drag([{ x: 40, y: 60 }, { x: 120, y: 60 }]);
  await expect.poll(async () => (await e.labels(TRACK, 0)).data[Math.floor(60 * scale) * raw.width + Math.floor(80 * scale)], { timeout: 30_000 }).toBe(2);
  const afterDrag = (await e.labels(TRACK, 0)).data;
  const touched = [...new Set(sp.labels.filter((_, i) => afterDrag[i] === 2 && afterRun[i] !== 2))];
  expect(touched).toContain(superpixelAt(sp, 40.5 * scale, 60.5 * scale));
  expect(touched).toContain(superpixelAt(sp, 120.5 * scale, 60.5 * scale));
  expectPaintedExactly(sp, afterRun, afterDrag, touched, 2);

  // one undo step per click, run and drag
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await e.labels(TRACK, 0)).data.join(), { timeout: 30_000 }).toBe(afterRun.join());

  // '.' makes superpixels larger: fewer of them, computed again in the worker
  await page.keyboard.press('.');
  await expect(page.getByTestId('superpixel-size')).not.toHaveText('16');
  await expect.poll(() => e.waitSuperpixels()).toBeLessThan(count);
});

test('polygon: drag a vertex, insert one on an edge, Alt+click and Delete remove vertices, Enter fills (saved labels)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(ws().serve.url);
  const v = new ViewerPom(page);
  const e = new EditPom(page);
  await v.openClip(ws().clip, fx.frames);
  await e.selectTool('p');
  await page.keyboard.press('0'); // Pedestrian
  await e.waitMask(0);
  const before = await e.labels(TRACK, 0);
  for (const [x, y] of [[120, 10], [200, 10], [200, 40], [120, 40]] as const) await e.click(x, y);
  await e.drag([{ x: 200, y: 40 }, { x: 230, y: 60 }]); // move the third vertex
  await e.drag([{ x: 160, y: 10 }, { x: 160, y: 2 }]); // insert on the top edge and pull it up
  await e.clickWith('Alt', 120, 40); // delete the fourth vertex
  await e.click(100, 80); // a fifth vertex, selected ...
  await page.keyboard.press('Delete'); // ... and deleted
  await page.keyboard.press('Enter');
  const polygon = [[120, 10], [160, 2], [200, 10], [230, 60]].map(([x, y]) => ({ x: x! + 0.5, y: y! + 0.5 }));
  const scale = before.width / 320;
  const height = before.data.length / before.width;
  const inside = new Set<number>();
  polygonSpans(polygon.map((p) => ({ x: p.x * scale, y: p.y * scale })), before.width, height).forEach((y, x0, x1) => {
    for (let x = x0; x <= x1; x++) inside.add(y * before.width + x);
  });
  await expect.poll(async () => (await e.labels(TRACK, 0)).data[Math.floor(20 * scale) * before.width + Math.floor(200 * scale)], { timeout: 30_000 }).toBe(9);
  const after = (await e.labels(TRACK, 0)).data;
  // pixel centres on an edge (within 0.01 px) go either way: the vertices come from screen coordinates
  const onEdge = (i: number): boolean => {
    const [px, py] = [(i % before.width) + 0.5, Math.floor(i / before.width) + 0.5];
    return polygon.some((a, k) => {
      const b = polygon[(k + 1) % polygon.length]!;
      const [ax, ay, bx, by] = [a.x * scale, a.y * scale, b.x * scale, b.y * scale];
      const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
      return Math.hypot(ax + t * (bx - ax) - px, ay + t * (by - ay) - py) < 0.01;
    });
  };
  const wrong = after.flatMap((c, i) => ((inside.has(i) ? c !== 9 : c !== before.data[i]) && !onEdge(i) ? [`(${i % before.width},${Math.floor(i / before.width)}):${before.data[i]}→${c}`] : []));
  expect(wrong.slice(0, 8), `pixels that differ from the edited polygon filled (${wrong.length})`).toEqual([]);
  await expect(page.getByTestId('edit-tool')).toHaveAttribute('data-tool', 'polygon');
});
