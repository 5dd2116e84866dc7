import { test, expect } from '@playwright/test';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeRle, type CocoRle } from '../electron/backend/export/coco-rle.ts';
import { decodeLabelPng, decodeRgbaPng } from '../electron/backend/project/label-png.ts';
import { EditPom } from './poms/edit-pom.ts';
import { ExportPom } from './poms/export-pom.ts';
import { ViewerPom } from './poms/viewer-pom.ts';
import { CAR, useSharedWorkspace, TRACK } from './poms/workspace-fixture.ts';
import { fixtures } from './support/paths.ts';

const fx = fixtures();
const ws = useSharedWorkspace();
const W = 320;


test('export every format from the dialog and check the files on disk', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(ws().serve.url);
  const v = new ViewerPom(page);
  const e = new EditPom(page);
  const x = new ExportPom(page);
  await v.openClip(ws().clip, fx.frames);
  // a correction on frame 0: a car stroke across the sky
  await e.paintStroke('9', 0, [{ x: 60, y: 30 }, { x: 140, y: 30 }], { track: TRACK, x: 100, y: 30, classId: 8 });
  await x.open();
  await page.screenshot({ path: testInfo.outputPath('export.png') });
  if (process.env.VSS_UPDATE_SCREENSHOT) await page.screenshot({ path: 'assets/screenshots/export.png' });

  // label ids, corrected and not
  let out = await x.run('labels', { from: 0, to: 2 });
  expect((await readdir(out)).sort()).toEqual(['000000.png', '000001.png', '000002.png', 'classes.json']);
  const l0 = decodeLabelPng(await readFile(join(out, '000000.png')));
  expect(l0.data[30 * W + 100]).toBe(8);
  expect(l0.data[100 * W + 10]).toBe(3);
  expect(l0.data[CAR.y * W + CAR.x + 1]).toBe(CAR.classId);
  out = await x.run('labels', { from: 0, to: 0, corrected: false });
  expect(decodeLabelPng(await readFile(join(out, '000000.png'))).data[30 * W + 100]).toBe(0);
  // into that non-empty folder: refused, until Overwrite is ticked
  await x.run('labels', { from: 0, to: 0, out, expectFailure: true });
  await expect(x.status).toContainText('not empty');
  await x.run('labels', { from: 0, to: 0, out, overwrite: true });
  expect(decodeLabelPng(await readFile(join(out, '000000.png'))).data[30 * W + 100]).toBe(8);

  // colour PNGs
  out = await x.run('color', { from: 0, to: 1 });
  const c0 = decodeRgbaPng(await readFile(join(out, '000000.png')));
  expect([...c0.rgba.slice((30 * W + 100) * 4, (30 * W + 100) * 4 + 3)]).toEqual([64, 0, 128]);

  // Cityscapes
  out = await x.run('cityscapes', { from: 0, to: 1 });
  const city = join(out, 'gtFine', 'train', 'vss');
  expect((await readdir(city)).filter((n) => n.endsWith('_gtFine_labelIds.png')).length).toBe(2);
  expect(JSON.parse(await readFile(join(out, 'mapping.json'), 'utf8'))).toBeTruthy();

  // CVAT Segmentation mask 1.1
  out = await x.run('cvat', { from: 0, to: 2 });
  const labelmap = (await readFile(join(out, 'labelmap.txt'), 'utf8')).split('\n');
  expect(labelmap).toContain('background:0,0,0::');
  expect(labelmap).toContain('Sky:128,128,128::');
  expect((await readFile(join(out, 'ImageSets', 'Segmentation', 'default.txt'), 'utf8')).trim().split('\n')).toEqual(['000000', '000001', '000002']);
  expect((await readdir(join(out, 'SegmentationClass'))).sort()).toEqual(['000000.png', '000001.png', '000002.png']);
  expect((await readdir(join(out, 'SegmentationObject'))).length).toBe(3);

  // COCO with RLE: the car annotation of frame 0 decodes to the car pixels
  out = await x.run('coco', { from: 0, to: 1 });
  const coco = JSON.parse(await readFile(join(out, 'annotations.json'), 'utf8')) as {
    images: { id: number; frame_index: number }[];
    annotations: { image_id: number; category_id: number; segmentation: CocoRle; area: number }[];
  };
  const img0 = coco.images.find((i) => i.frame_index === 0)!;
  const car = coco.annotations.find((a) => a.image_id === img0.id && a.category_id === CAR.classId + 1)!;
  const mask = decodeRle(car.segmentation);
  expect(mask[30 * W + 100]).toBe(1);
  expect(mask[CAR.y * W + CAR.x + 1]).toBe(1);
  expect(mask[100 * W + 10]).toBe(0);
  expect(car.area).toBe(mask.reduce((a, b) => a + b, 0));

  // overlay video
  out = await x.run('video', { from: 0, to: 4 });
  expect((await stat(join(out, 'overlay.mp4'))).size).toBeGreaterThan(1000);
});
