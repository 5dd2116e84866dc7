import test from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CAMVID_CLASSES, fakeRun, stemOf, syntheticLabels } from '../project/test-fixtures.ts';
import { setup, TARGET } from './test-setup.ts';
import { exportTrack } from '../export/run-export.ts';
import type { ExportFormat } from '../export/types.ts';
import { runImport } from './run-import.ts';
import type { ImportFormat } from './types.ts';

// Cityscapes declares its 19 training classes; those CamVid lacks (wall, truck, …) stay unmatched, unused.
const ROUND_TRIPS: [ExportFormat, ImportFormat, number][] = [
  ['labels', 'labels', 0],
  ['cvat', 'cvat', 0],
  ['coco', 'coco', 0],
  ['cityscapes', 'cityscapes', 8],
];

for (const [exp, imp, unmatched] of ROUND_TRIPS) {
  test(`${imp}: an export imported back as a track is equal pixel for pixel`, async () => {
    const { root, project, track } = await setup();
    const out = join(root, `out-${exp}`);
    await exportTrack(project, { format: exp, track: 'corrected', out });
    const r = await runImport(project, { format: imp, from: out, mode: { as: 'track', name: `back ${imp}` }, target: TARGET });
    assert.equal(r.imported, 4);
    assert.deepEqual(r.frames.unmatched, []);
    assert.equal(r.classes.filter((c) => c.how === 'unmatched').length, unmatched, JSON.stringify(r.classes));
    for (const c of CAMVID_CLASSES) assert.ok(r.classes.some((m) => m.targetId === c.id), `${c.name} is matched`);
    for (let i = 0; i < 4; i++) {
      const want = await project.loadLabels(track.id, stemOf(i));
      const got = await project.loadLabels(r.trackId, stemOf(i));
      assert.deepEqual(got, want, `frame ${i}`);
    }
    assert.equal(project.track(r.trackId).mode, 'import');
    assert.equal(project.track(r.trackId).source, out);
  });
}

test('cityscapes: labelTrainIds alone import the same labels', async () => {
  const { root, project, track } = await setup();
  const out = join(root, 'cs');
  await exportTrack(project, { format: 'cityscapes', track: 'corrected', out });
  const { readdir, rm } = await import('node:fs/promises');
  const gt = join(out, 'gtFine', 'train', 'vss');
  for (const f of await readdir(gt)) if (f.endsWith('_labelIds.png')) await rm(join(gt, f));
  const r = await runImport(project, { format: 'cityscapes', from: out, mode: { as: 'track', name: 'train ids' }, target: TARGET });
  assert.match(r.notes[0]!, /labelTrainIds/);
  assert.deepEqual(await project.loadLabels(r.trackId, stemOf(2)), await project.loadLabels(track.id, stemOf(2)));
});

test('as corrections: frames already corrected are kept unless replaced; the rest become corrections', async () => {
  const { root, project, track } = await setup();
  const out = join(root, 'lab');
  const other = await fakeRun(join(root, 'run2'), 4, (i) => syntheticLabels(i + 5));
  const t2 = await project.addTrack(other, 'other');
  await exportTrack(project, { format: 'labels', track: t2.id, out });
  const r = await runImport(project, { format: 'labels', from: out, mode: { as: 'corrections', track: track.id }, target: TARGET });
  assert.equal(r.imported, 3);
  assert.deepEqual(r.frames.alreadyCorrected, [`${stemOf(2)}.png`]);
  assert.deepEqual((await project.loadLabels(track.id, stemOf(1))).data, syntheticLabels(6).data);
  assert.equal((await project.loadLabels(track.id, stemOf(2))).data[0], 8); // kept
  assert.ok(project.isLocked(track.id, stemOf(1)));
  const again = await runImport(project, { format: 'labels', from: out, mode: { as: 'corrections', track: track.id, replaceCorrected: true }, target: TARGET });
  assert.equal(again.imported, 4);
  assert.deepEqual((await project.loadLabels(track.id, stemOf(2))).data, syntheticLabels(7).data);
});
