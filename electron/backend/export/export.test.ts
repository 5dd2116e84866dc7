import test from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createProject } from '../project/open.ts';
import { decodeLabelPng, decodeRgbaPng } from '../project/label-png.ts';
import { CAMVID_CLASSES, fakeRun, fakeVideo, stemOf, syntheticLabels, tempDir } from '../project/test-fixtures.ts';
import { exportTrack } from './run-export.ts';
import { decodeRle } from './coco-rle.ts';
import type { ExportProgress } from './types.ts';
import { ZipReader } from '../zip/zip-read.ts';

const W = 8;
const H = 6;

async function setup() {
  const root = await tempDir('export');
  const video = await fakeVideo(root);
  const run = await fakeRun(join(root, 'run'), 4);
  const project = await createProject(join(root, 'proj'), { videoPath: video, classes: CAMVID_CLASSES, ignoreIndex: 11 });
  const track = await project.addTrack(run, 'engine');
  const fixed = syntheticLabels(2);
  fixed.data.fill(8, 0, W); // first row: car
  await project.saveCorrection(track.id, stemOf(2), fixed);
  return { root, project, track, fixed };
}

test('labels export writes 8-bit ids; the corrected track overlays corrections', async () => {
  const { root, project, track, fixed } = await setup();
  const progress: ExportProgress[] = [];
  const r = await exportTrack(project, { format: 'labels', track: 'corrected', out: join(root, 'out-labels'), onProgress: (p) => progress.push(p) });
  assert.equal(r.trackId, track.id);
  assert.equal(r.corrected, true);
  assert.equal(r.frames, 4);
  assert.deepEqual(progress.map((p) => p.done), [1, 2, 3, 4]);
  assert.deepEqual(decodeLabelPng(await readFile(join(r.out, `${stemOf(2)}.png`))).data, fixed.data);
  assert.deepEqual(decodeLabelPng(await readFile(join(r.out, `${stemOf(1)}.png`))).data, syntheticLabels(1).data);
  const raw = await exportTrack(project, { format: 'labels', track: track.id, out: join(root, 'out-raw'), from: 2, to: 2 });
  assert.equal(raw.corrected, false);
  assert.deepEqual(await readdir(raw.out), [`${stemOf(2)}.png`, 'classes.json'].sort());
  assert.deepEqual(decodeLabelPng(await readFile(join(raw.out, `${stemOf(2)}.png`))).data, syntheticLabels(2).data);
});

test('color export writes class colours, void black', async () => {
  const { root, project } = await setup();
  const r = await exportTrack(project, { format: 'color', track: 'corrected', out: join(root, 'out-color'), from: 2, to: 3 });
  const png = decodeRgbaPng(await readFile(join(r.out, `${stemOf(2)}.png`)));
  assert.deepEqual([...png.rgba.subarray(0, 4)], [64, 0, 128, 255]); // car
  const p3 = decodeRgbaPng(await readFile(join(r.out, `${stemOf(3)}.png`)));
  assert.deepEqual([...p3.rgba.subarray(0, 4)], [0, 0, 0, 255]); // void pixel 0
  assert.deepEqual([...p3.rgba.subarray(4, 7)], CAMVID_CLASSES[3]!.color); // frame 3 top half: class 3 (Road)
  const road = (H - 1) * W * 4;
  assert.deepEqual([...p3.rgba.subarray(road, road + 3)], CAMVID_CLASSES[3]!.color);
});

test('cityscapes export uses Cityscapes names, label ids and colours', async () => {
  const { root, project } = await setup();
  const frames = async (i: number) => ({ width: W, height: H, rgba: new Uint8Array(W * H * 4).fill(i * 10) });
  const r = await exportTrack(project, { format: 'cityscapes', track: 'corrected', out: join(root, 'out-cs'), frames, city: 'bonn' });
  const dir = join(r.out, 'gtFine', 'train', 'bonn');
  const names = (await readdir(dir)).sort();
  assert.equal(names.length, 12); // labelIds, labelTrainIds and color for 4 frames
  assert.ok(names.includes('bonn_000000_000002_gtFine_labelIds.png'));
  assert.ok(names.includes('bonn_000000_000002_gtFine_labelTrainIds.png'));
  assert.ok(names.includes('bonn_000000_000002_gtFine_color.png'));
  const ids = decodeLabelPng(await readFile(join(dir, 'bonn_000000_000002_gtFine_labelIds.png')));
  assert.equal(ids.data[0], 26); // Car -> car
  assert.equal(ids.data[(H - 1) * W], 7); // Road -> road
  const f1 = decodeLabelPng(await readFile(join(dir, 'bonn_000000_000001_gtFine_labelIds.png')));
  assert.equal(f1.data[0], 0); // void -> unlabeled
  assert.equal(f1.data[1], 11); // class 1 Building -> building
  const train = decodeLabelPng(await readFile(join(dir, 'bonn_000000_000001_gtFine_labelTrainIds.png')));
  assert.equal(train.data[0], 255); // void -> ignore
  assert.equal(train.data[1], 2); // Building -> building (trainId 2)
  assert.equal(train.data[(H - 1) * W], 0); // Road -> road (trainId 0)
  const col = decodeRgbaPng(await readFile(join(dir, 'bonn_000000_000002_gtFine_color.png')));
  assert.deepEqual([...col.rgba.subarray(0, 3)], [0, 0, 142]);
  const img = decodeRgbaPng(await readFile(join(r.out, 'leftImg8bit', 'train', 'bonn', 'bonn_000000_000003_leftImg8bit.png')));
  assert.equal(img.rgba[0], 30);
  const mapping = JSON.parse(await readFile(join(r.out, 'mapping.json'), 'utf8'));
  const byName = Object.fromEntries(mapping.mapping.map((m: { name: string; cityscapesId: number }) => [m.name, m.cityscapesId]));
  assert.deepEqual(byName, { Sky: 23, Building: 11, Pole: 17, Road: 7, Pavement: 8, Tree: 21, SignSymbol: 20, Fence: 13, Car: 26, Pedestrian: 24, Bicyclist: 25 });
  const trainOf = Object.fromEntries(mapping.mapping.map((m: { name: string; trainId: number }) => [m.name, m.trainId]));
  assert.deepEqual(trainOf, { Sky: 10, Building: 2, Pole: 5, Road: 0, Pavement: 1, Tree: 8, SignSymbol: 7, Fence: 4, Car: 13, Pedestrian: 11, Bicyclist: 12 });
});

test('cvat export: labelmap.txt syntax, colour-coded SegmentationClass, ImageSets list', async () => {
  const { root, project } = await setup();
  const r = await exportTrack(project, { format: 'cvat', track: 'corrected', out: join(root, 'out-cvat') });
  const lm = (await readFile(join(r.out, 'labelmap.txt'), 'utf8')).trimEnd().split('\n');
  assert.equal(lm[0], '# label:color_rgb:parts:actions');
  assert.equal(lm[1], 'background:0,0,0::');
  assert.equal(lm.length, 2 + 11);
  for (const line of lm.slice(1)) assert.match(line, /^[^:]+:\d{1,3},\d{1,3},\d{1,3}::$/);
  assert.ok(lm.includes('Car:64,0,128::'));
  assert.equal(await readFile(join(r.out, 'ImageSets', 'Segmentation', 'default.txt'), 'utf8'), [0, 1, 2, 3].map(stemOf).join('\n') + '\n');
  const png = decodeRgbaPng(await readFile(join(r.out, 'SegmentationClass', `${stemOf(2)}.png`)));
  assert.deepEqual([...png.rgba.subarray(0, 3)], [64, 0, 128]);
  const p1 = decodeRgbaPng(await readFile(join(r.out, 'SegmentationClass', `${stemOf(1)}.png`)));
  assert.deepEqual([...p1.rgba.subarray(0, 3)], [0, 0, 0]); // void = background
  assert.deepEqual([...p1.rgba.subarray(4, 7)], [128, 0, 0]); // Building
  assert.equal((await readdir(join(r.out, 'SegmentationObject'))).length, 4);
});

test('coco export: RLE masks decode back to the label masks, with area and bbox', async () => {
  const { root, project, fixed } = await setup();
  const r = await exportTrack(project, { format: 'coco', track: 'corrected', out: join(root, 'out-coco'), from: 1, to: 2 });
  const doc = JSON.parse(await readFile(join(r.out, 'annotations.json'), 'utf8'));
  assert.deepEqual(doc.images.map((i: { file_name: string }) => i.file_name), [`${stemOf(1)}.png`, `${stemOf(2)}.png`]);
  assert.equal(doc.categories.length, 11);
  assert.deepEqual(doc.categories[0], { id: 1, name: 'Sky', supercategory: 'Sky' });
  const anns = doc.annotations.filter((a: { image_id: number }) => a.image_id === 2);
  assert.deepEqual(anns.map((a: { category_id: number }) => a.category_id), [3, 4, 9]); // Pole(2), Road(3), Car(8)
  for (const a of anns) {
    const mask = decodeRle(a.segmentation);
    const cls = a.category_id - 1;
    assert.deepEqual([...mask], [...fixed.data].map((v) => (v === cls ? 1 : 0)));
    assert.equal(a.area, mask.reduce((s: number, v: number) => s + v, 0));
    assert.equal(a.iscrowd, 0);
    assert.deepEqual(a.segmentation.size, [H, W]);
  }
  const car = anns.find((a: { category_id: number }) => a.category_id === 9);
  assert.deepEqual(car.bbox, [0, 0, W, 1]);
});

test('cancellation leaves nothing at the destination; bad ranges, tracks and formats fail clearly', async () => {
  const { root, project } = await setup();
  const ac = new AbortController();
  const out = join(root, 'out-cancel');
  await assert.rejects(
    exportTrack(project, { format: 'color', track: 'corrected', out, signal: ac.signal, onProgress: (p) => p.done === 2 && ac.abort() }),
    /cancelled/,
  );
  await assert.rejects(stat(out), /ENOENT/);
  assert.deepEqual((await readdir(root)).filter((n) => n.startsWith('.vss-tmp')), []);
  await assert.rejects(exportTrack(project, { format: 'labels', track: 'corrected', out, from: 2, to: 9 }), /frames 2\.\.9 are outside the track \(0\.\.3\)/);
  await assert.rejects(exportTrack(project, { format: 'labels', track: 'nope', out }), /unknown track "nope"/);
  await assert.rejects(exportTrack(project, { format: 'gif' as 'labels', track: 'corrected', out }), /unknown export format "gif"/);
  await assert.rejects(exportTrack(project, { format: 'video', track: 'corrected', out }), /frame source/);
  await exportTrack(project, { format: 'labels', track: 'corrected', out });
  await assert.rejects(exportTrack(project, { format: 'labels', track: 'corrected', out }), /not empty/);
  await exportTrack(project, { format: 'labels', track: 'corrected', out, overwrite: true, from: 0, to: 0 });
  assert.equal((await readdir(out)).length, 2);
});

test('cvat export as a ZIP: one archive with the CVAT layout at its root, written atomically; import reads it back', async () => {
  const { root, project } = await setup();
  const r = await exportTrack(project, { format: 'cvat', track: 'corrected', out: join(root, 'task'), zip: true });
  assert.equal(r.out, join(root, 'task.zip'));
  const zip = await ZipReader.open(r.out);
  try {
    assert.deepEqual([...zip.entries.keys()].filter((n) => !n.includes('/')).sort(), ['labelmap.txt']);
    assert.ok(zip.entries.has('ImageSets/Segmentation/default.txt'));
    assert.ok(zip.entries.has(`SegmentationClass/${stemOf(2)}.png`));
    assert.equal((await zip.read('labelmap.txt')).toString('utf8').split('\n')[1], 'background:0,0,0::');
  } finally {
    await zip.close();
  }
  assert.deepEqual((await readdir(root)).filter((n) => n.startsWith('.vss-tmp')), [], 'no staging left');
  await assert.rejects(exportTrack(project, { format: 'cvat', track: 'corrected', out: r.out, zip: true }), /task\.zip exists \(choose overwrite to replace it\)$/);
  const again = await exportTrack(project, { format: 'cvat', track: 'corrected', out: r.out, zip: true, overwrite: true, from: 1, to: 1 });
  const z2 = await ZipReader.open(again.out);
  assert.equal([...z2.entries.keys()].filter((n) => n.startsWith('SegmentationClass/')).length, 1);
  await z2.close();
  await assert.rejects(exportTrack(project, { format: 'video', track: 'corrected', out: join(root, 'v'), zip: true, frames: async () => ({ width: 1, height: 1, rgba: new Uint8Array(4) }) }), /cannot be zipped/);
});
