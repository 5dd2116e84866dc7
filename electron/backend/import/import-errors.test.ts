import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeLabelPng } from '../project/label-png.ts';
import { exportTrack } from '../export/run-export.ts';
import { encodeRle } from '../export/coco-rle.ts';
import { zipFolder } from '../zip/zip-write.ts';
import { stemOf } from '../project/test-fixtures.ts';
import { runImport, type ImportOptions } from './run-import.ts';
import { setup, TARGET } from './test-setup.ts';

type Project = Awaited<ReturnType<typeof setup>>['project'];

async function fails(project: Project, opts: Partial<ImportOptions> & Pick<ImportOptions, 'format' | 'from'>, re: RegExp): Promise<void> {
  const before = project.tracks.length;
  await assert.rejects(runImport(project, { mode: { as: 'track', name: 'x' }, target: TARGET, ...opts }), (e: Error) => {
    assert.match(e.message, re);
    assert.doesNotMatch(e.message, /\n/);
    return true;
  });
  assert.equal(project.tracks.length, before, 'nothing was added');
  assert.deepEqual((await readdir(project.dir)).filter((n) => n.startsWith('.vss-tmp')), [], 'no temp folder left');
}

test('bad input gives one-line errors and leaves the project unchanged', async () => {
  const { root, project } = await setup();
  const labels = join(root, 'labels');
  await exportTrack(project, { format: 'labels', track: 'corrected', out: labels });
  await fails(project, { format: 'labels', from: join(root, 'missing') }, /missing does not exist$/);
  await fails(project, { format: 'cvat', from: labels }, /has no labelmap\.txt \(not a CVAT "Segmentation mask 1\.1" export\)$/);
  await fails(project, { format: 'cityscapes', from: labels }, /not a Cityscapes layout/);
  await writeFile(join(labels, `${stemOf(3)}.png`), 'not a png');
  await fails(project, { format: 'labels', from: labels }, /^000003\.png is not a readable PNG \(/);
  await writeFile(join(labels, `${stemOf(3)}.png`), encodeLabelPng({ width: 9, height: 6, data: new Uint8Array(54) }));
  await fails(project, { format: 'labels', from: labels }, /^000003\.png is 9x6 but the video's frames are 8x6$/);
  await writeFile(join(labels, `${stemOf(3)}.png`), encodeLabelPng({ width: 8, height: 6, data: new Uint8Array(48).fill(42) }));
  await fails(project, { format: 'labels', from: labels }, /^000003\.png: pixel value 42 at \(0, 0\) is not a class of the source$/);
  await fails(project, { format: 'labels', from: labels, map: { Lorry: 'Car' } }, /^class map: the source has no class "Lorry"/);
  await fails(project, { format: 'labels', from: labels, map: { Car: 'Lorry' } }, /^class map: the project has no class "Lorry"/);
});

test('a source class used in a frame without a match is refused unless mapped or voided', async () => {
  const { root, project } = await setup();
  const labels = join(root, 'labels');
  await exportTrack(project, { format: 'labels', track: 'corrected', out: labels });
  const cj = JSON.parse(await readFile(join(labels, 'classes.json'), 'utf8'));
  cj.classes[8].name = 'Lorry';
  await writeFile(join(labels, 'classes.json'), JSON.stringify(cj));
  await fails(project, { format: 'labels', from: labels }, /^class "Lorry" \(used in 000002\.png\) has no match in this project: map it to a project class or to void$/);
  const mapped = await runImport(project, { format: 'labels', from: labels, map: { lorry: 'car' }, mode: { as: 'track', name: 'mapped' }, target: TARGET });
  assert.equal(mapped.classes.find((c) => c.source === 'Lorry')!.how, 'chosen');
  assert.equal((await project.loadLabels(mapped.trackId, stemOf(2))).data[0], 8);
  const voided = await runImport(project, { format: 'labels', from: labels, unmatched: 'void', mode: { as: 'track', name: 'voided' }, target: TARGET });
  assert.equal((await project.loadLabels(voided.trackId, stemOf(2))).data[0], 11);
});

test('frames that match nothing are reported; none matching is an error', async () => {
  const { root, project } = await setup();
  const labels = join(root, 'labels');
  await exportTrack(project, { format: 'labels', track: 'corrected', out: labels });
  await writeFile(join(labels, 'frame-x.png'), await readFile(join(labels, `${stemOf(0)}.png`)));
  await writeFile(join(labels, '3.png'), await readFile(join(labels, `${stemOf(0)}.png`)));
  await writeFile(join(labels, '9.png'), await readFile(join(labels, `${stemOf(0)}.png`)));
  const r = await runImport(project, { format: 'labels', from: labels, mode: { as: 'track', name: 'partial' }, target: TARGET });
  assert.equal(r.imported, 4);
  assert.deepEqual(r.frames.unmatched.sort(), ['9.png', 'frame-x.png']);
  assert.deepEqual(r.frames.duplicates, ['3.png']);
  const odd = join(root, 'odd');
  await mkdir(odd);
  await writeFile(join(odd, 'a.png'), await readFile(join(labels, `${stemOf(0)}.png`)));
  await fails(project, { format: 'labels', from: odd }, /^none of the 1 source frames matches a frame of the video \(e\.g\. "a\.png"; the video's frames are named like "000000"\)$/);
});

test('COCO: unsafe file names, unknown categories and polygons', async () => {
  const { root, project } = await setup();
  const dir = join(root, 'coco');
  await mkdir(dir);
  const mask = new Uint8Array(48);
  mask.fill(1, 0, 24);
  const doc = (fileName: string, categoryId = 1) => ({
    images: [{ id: 1, file_name: fileName, width: 8, height: 6 }],
    categories: [{ id: 1, name: 'road' }, { id: 2, name: 'car' }],
    annotations: [
      { id: 1, image_id: 1, category_id: categoryId, segmentation: encodeRle(mask, 8, 6), iscrowd: 0 },
      { id: 2, image_id: 1, category_id: 2, segmentation: [[2, 3, 6, 3, 6, 6, 2, 6]], iscrowd: 0 },
    ],
  });
  const file = join(dir, 'annotations.json');
  await writeFile(file, JSON.stringify(doc('../../etc/000001.png')));
  await fails(project, { format: 'coco', from: file }, /images\[0\]\.file_name "\.\.\/\.\.\/etc\/000001\.png" is not a safe relative path$/);
  await writeFile(file, JSON.stringify(doc('/abs/000001.png')));
  await fails(project, { format: 'coco', from: dir }, /is not a safe relative path$/);
  await writeFile(file, JSON.stringify(doc('img/000001.png', 7)));
  await fails(project, { format: 'coco', from: dir }, /annotation 1: category_id 7 is not in "categories"$/);
  await writeFile(file, '{"images": [');
  await fails(project, { format: 'coco', from: file }, /annotations\.json is not valid JSON$/);
  await writeFile(file, JSON.stringify(doc('img/000001.png')));
  const r = await runImport(project, { format: 'coco', from: file, mode: { as: 'track', name: 'coco' }, target: TARGET });
  const l = await project.loadLabels(r.trackId, stemOf(1));
  const row = (y: number) => [...l.data.subarray(y * 8, y * 8 + 8)];
  assert.deepEqual(row(0), [3, 3, 3, 3, 3, 3, 3, 3]); // road (RLE, top half)
  assert.deepEqual(row(3), [11, 11, 8, 8, 8, 8, 11, 11]); // polygon x 2..6, y 3..6: car
  assert.deepEqual(row(5), [11, 11, 8, 8, 8, 8, 11, 11]);
});

test('ZIP sources: a CVAT zip imports; unsafe entry names are refused', async () => {
  const { root, project, track } = await setup();
  const cvat = join(root, 'cvat');
  await exportTrack(project, { format: 'cvat', track: 'corrected', out: cvat });
  await zipFolder(cvat, join(root, 'cvat.zip'));
  const r = await runImport(project, { format: 'cvat', from: join(root, 'cvat.zip'), mode: { as: 'track', name: 'zip' }, target: TARGET });
  assert.deepEqual(await project.loadLabels(r.trackId, stemOf(2)), await project.loadLabels(track.id, stemOf(2)));
  // Rename an entry to "../labelmap.txt" in place (same length as "xxxlabelmap.txt").
  await mkdir(join(root, 'evil'));
  await writeFile(join(root, 'evil', 'xxxlabelmap.txt'), 'background:0,0,0::\n');
  await zipFolder(join(root, 'evil'), join(root, 'evil.zip'));
  const buf = await readFile(join(root, 'evil.zip'));
  const bad = Buffer.from(buf.toString('latin1').replaceAll('xxxlabelmap.txt', '../labelmap.t'.padEnd(15, 'x')), 'latin1');
  await writeFile(join(root, 'evil.zip'), bad);
  await fails(project, { format: 'cvat', from: join(root, 'evil.zip') }, /entry "\.\.\/labelmap\.txx" is not a safe relative path \(it could leave the archive\)$/);
  await writeFile(join(root, 'bad.zip'), 'PK not really');
  await fails(project, { format: 'cvat', from: join(root, 'bad.zip') }, /bad\.zip is not a ZIP archive \(no end of central directory\)$/);
});

test('a cancelled import leaves the project as it was', async () => {
  const { root, project, track } = await setup();
  const labels = join(root, 'labels');
  await exportTrack(project, { format: 'labels', track: 'corrected', out: labels });
  const abort = new AbortController();
  const corrected = project.correctedStems(track.id);
  await assert.rejects(
    runImport(project, { format: 'labels', from: labels, mode: { as: 'corrections', track: track.id, replaceCorrected: true }, target: TARGET, signal: abort.signal, onProgress: (done) => done === 2 && abort.abort() }),
    (e: Error) => e.message === 'import cancelled',
  );
  assert.deepEqual(project.correctedStems(track.id), corrected, 'no correction was added');
  await fails(project, { format: 'labels', from: labels, signal: AbortSignal.abort() }, /^import cancelled$/);
});
