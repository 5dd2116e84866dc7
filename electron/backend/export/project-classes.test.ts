/** Every exporter writes the project's class list (names, colours, ids) and a track's class map. */
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createProject } from '../project/open.ts';
import { setClasses, setTrackClassMap } from '../project/classes.ts';
import { decodeLabelPng, decodeRgbaPng, encodeLabelPng } from '../project/label-png.ts';
import { CAMVID_CLASSES, fakeVideo, stemOf, tempDir } from '../project/test-fixtures.ts';
import { runRaw } from '../video/run-raw.ts';
import { exportTrack } from './run-export.ts';

const W = 4;
const H = 2;
const YELLOW: [number, number, number] = [255, 200, 0];

/**
 * A project whose Car (8) is renamed Vehicle and recoloured yellow, with a new class Animal (12),
 * and a track whose model class 0 ("thing") is mapped onto Vehicle and class 1 ("beast") onto Animal.
 */
async function setup() {
  const root = await tempDir('export-classes');
  const project = await createProject(join(root, 'proj'), { videoPath: await fakeVideo(root), classes: CAMVID_CLASSES, ignoreIndex: 11 });
  const classes = project.classes.map((c) => (c.id === 8 ? { ...c, name: 'Vehicle', color: YELLOW } : c));
  await setClasses(project, [...classes, { id: 12, name: 'Animal', color: [0, 255, 0] }]);
  const model = [
    { id: 0, name: 'thing', color: [1, 1, 1] as [number, number, number] },
    { id: 1, name: 'beast', color: [2, 2, 2] as [number, number, number] },
  ];
  const t = await project.createTrack('model', { mode: 'per-frame', settings: {}, source: 'test', modelClasses: model });
  await writeFile(project.paths.labels(t.id, stemOf(0)), encodeLabelPng({ width: W, height: H, data: Uint8Array.of(0, 0, 0, 0, 0, 0, 1, 1) }));
  await setTrackClassMap(project, t.id, { '0': 8, '1': 12 });
  return { root, project, track: t.id };
}

const MAPPED = [8, 8, 8, 8, 8, 8, 12, 12];

test('labels export: mapped ids and the project classes in classes.json', async () => {
  const { root, project, track } = await setup();
  const r = await exportTrack(project, { format: 'labels', track, out: join(root, 'labels') });
  assert.deepEqual([...decodeLabelPng(await readFile(join(r.out, `${stemOf(0)}.png`))).data], MAPPED);
  const doc = JSON.parse(await readFile(join(r.out, 'classes.json'), 'utf8'));
  assert.deepEqual(doc.classes.find((c: { id: number }) => c.id === 8), { id: 8, name: 'Vehicle', color: YELLOW });
  assert.deepEqual(doc.classes.at(-1), { id: 12, name: 'Animal', color: [0, 255, 0] });
});

test('color export: the project colours', async () => {
  const { root, project, track } = await setup();
  const r = await exportTrack(project, { format: 'color', track, out: join(root, 'color') });
  const png = decodeRgbaPng(await readFile(join(r.out, `${stemOf(0)}.png`)));
  assert.deepEqual([...png.rgba.subarray(0, 3)], YELLOW);
  assert.deepEqual([...png.rgba.subarray(6 * 4, 6 * 4 + 3)], [0, 255, 0]);
});

test('cvat export: labelmap.txt names and colours from the project', async () => {
  const { root, project, track } = await setup();
  const r = await exportTrack(project, { format: 'cvat', track, out: join(root, 'cvat') });
  const lines = (await readFile(join(r.out, 'labelmap.txt'), 'utf8')).split('\n');
  assert.ok(lines.includes('Vehicle:255,200,0::'));
  assert.ok(lines.includes('Animal:0,255,0::'));
  assert.equal(lines.some((l) => l.startsWith('Car:')), false);
  const png = decodeRgbaPng(await readFile(join(r.out, 'SegmentationClass', `${stemOf(0)}.png`)));
  assert.deepEqual([...png.rgba.subarray(0, 3)], YELLOW);
});

test('coco export: categories named after the project classes, annotations of mapped ids', async () => {
  const { root, project, track } = await setup();
  const r = await exportTrack(project, { format: 'coco', track, out: join(root, 'coco') });
  const doc = JSON.parse(await readFile(join(r.out, 'annotations.json'), 'utf8'));
  const name = (id: number) => doc.categories.find((c: { id: number }) => c.id === id)?.name;
  assert.deepEqual([name(9), name(13)], ['Vehicle', 'Animal']);
  assert.deepEqual(doc.annotations.map((a: { category_id: number; area: number }) => [a.category_id, a.area]), [[9, 6], [13, 2]]);
});

test('cityscapes export: mapping.json lists the project classes', async () => {
  const { root, project, track } = await setup();
  const r = await exportTrack(project, { format: 'cityscapes', track, out: join(root, 'cs') });
  const mapping = JSON.parse(await readFile(join(r.out, 'mapping.json'), 'utf8'));
  const names = mapping.mapping.map((m: { name: string }) => m.name);
  assert.ok(names.includes('Vehicle') && names.includes('Animal') && !names.includes('Car'));
});

test('video export: the overlay uses the project colours', async () => {
  const { root, project, track } = await setup();
  const frames = async () => ({ width: W, height: H, rgba: new Uint8Array(W * H * 4) });
  const r = await exportTrack(project, { format: 'video', track, out: join(root, 'video'), frames, opacity: 1 });
  const decoded = await runRaw(['-v', 'error', '-i', join(r.out, 'overlay.mp4'), '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);
  assert.equal(decoded.code, 0, decoded.stderr);
  const px = [...decoded.stdout.subarray(0, 3)];
  px.forEach((v, i) => assert.ok(Math.abs(v - YELLOW[i]!) <= 24, `pixel ${px} is not about ${YELLOW}`));
});
