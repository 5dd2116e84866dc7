/** vss eval's class list: from --model, a classes.json beside the labels, or --classes; never guessed. */
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { main } from '../main.ts';
import { tempDir } from '../../backend/project/test-fixtures.ts';
import { TINY_SPLIT } from '../../engine/model/testing.ts';
import { encodeGray8 } from '../../engine/segment/png.ts';

let root = '';
let pred = '';
let gt = '';
before(async () => {
  root = await tempDir('cli-eval');
  pred = join(root, 'pred');
  gt = join(root, 'gt');
  await mkdir(pred);
  await mkdir(gt);
  // 4 pixels: gt 0 0 1 2, pred 0 1 1 1 (2 is the ignore index in classes.json).
  await writeFile(join(gt, 'f0.png'), encodeGray8(4, 1, Uint8Array.from([0, 0, 1, 2])));
  await writeFile(join(pred, 'f0.png'), encodeGray8(4, 1, Uint8Array.from([0, 1, 1, 1])));
});
after(() => rm(root, { recursive: true, force: true }));

async function vss(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
}

type Result = { iou: Record<string, number | null>; classes: number; ignoreIndex: number; pixelAccuracy: number; classSource: string };

test('without --model, classes.json or --classes, eval refuses to guess (usage error)', async () => {
  const r = await vss(['eval', '--pred', pred, '--gt', gt]);
  assert.equal(r.code, 2);
  assert.deepEqual(r.err, [`vss eval: no class list: pass --model <bundle-dir>, put a classes.json in ${gt}, or give --classes N (and --ignore I)`]);
});

test('a classes.json beside the ground truth names the classes and the ignore index', async () => {
  const classes = { ignoreIndex: 2, classes: [{ id: 0, name: 'Road', color: [1, 2, 3] }, { id: 1, name: 'Car', color: [4, 5, 6] }] };
  await writeFile(join(gt, 'classes.json'), JSON.stringify(classes));
  try {
    const r = await vss(['eval', '--pred', pred, '--gt', gt]);
    assert.equal(r.code, 0, r.err.join('\n'));
    const j = JSON.parse(r.out[0]!) as Result;
    assert.deepEqual(Object.keys(j.iou), ['Road', 'Car']);
    assert.deepEqual([j.classes, j.ignoreIndex, j.pixelAccuracy, j.classSource], [2, 2, 2 / 3, join(gt, 'classes.json')]);
    const mismatch = await vss(['eval', '--pred', pred, '--gt', gt, '--classes', '3']);
    assert.equal(mismatch.code, 2);
    assert.match(mismatch.err[0]!, /^vss eval: --classes 3 differs from the 2 classes in .*classes\.json$/);
    await writeFile(join(gt, 'classes.json'), '{"classes": [{"id": 1, "name": "x"}]}');
    const bad = await vss(['eval', '--pred', pred, '--gt', gt]);
    assert.deepEqual([bad.code, bad.err], [1, [`vss eval: ${join(gt, 'classes.json')}: classes[0].id must be 0`]]);
  } finally {
    await rm(join(gt, 'classes.json'));
  }
});

test('--classes N (with --ignore) is an explicit class count; --model takes the bundle classes', async () => {
  const r = await vss(['eval', '--pred', pred, '--gt', gt, '--classes', '3', '--ignore', '2']);
  assert.equal(r.code, 0, r.err.join('\n'));
  const j = JSON.parse(r.out[0]!) as Result;
  assert.deepEqual([Object.keys(j.iou), j.ignoreIndex, j.classSource], [['0', '1', '2'], 2, '--classes']);
  const m = await vss(['eval', '--pred', pred, '--gt', gt, '--model', TINY_SPLIT]);
  assert.equal(m.code, 0, m.err.join('\n'));
  const mj = JSON.parse(m.out[0]!) as Result;
  assert.equal(mj.classSource, join(TINY_SPLIT, 'model.json'));
  assert.ok('Road' in mj.iou);
});
