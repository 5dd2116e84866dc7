import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { evaluateFolders } from './evaluate.ts';
import { encodeGray8 } from './png.ts';

let root = '';
const roots: string[] = [];
after(async () => {
  for (const r of roots) await rm(r, { recursive: true, force: true });
});

async function dirs(): Promise<{ pred: string; gt: string }> {
  root = await mkdtemp(join(tmpdir(), 'vss-eval-'));
  roots.push(root);
  const pred = join(root, 'pred');
  const gt = join(root, 'gt');
  await mkdir(pred);
  await mkdir(gt);
  return { pred, gt };
}

test('IoU accumulated over frames, void ignored, files matched by stem', async () => {
  const { pred, gt } = await dirs();
  // Frame a: 2x2, gt [0,0,1,11], pred [0,1,1,0]; frame b: gt [1,1,1,1], pred [1,1,1,1].
  await writeFile(join(gt, 'a.png'), encodeGray8(2, 2, Uint8Array.from([0, 0, 1, 11])));
  await writeFile(join(pred, 'a.png'), encodeGray8(2, 2, Uint8Array.from([0, 1, 1, 0])));
  await writeFile(join(gt, 'b.png'), encodeGray8(2, 2, Uint8Array.from([1, 1, 1, 1])));
  await writeFile(join(pred, 'b.png'), encodeGray8(2, 2, Uint8Array.from([1, 1, 1, 1])));
  await writeFile(join(pred, 'only-pred.png'), encodeGray8(2, 2, new Uint8Array(4)));
  const r = await evaluateFolders(pred, gt, { classes: 2, ignoreIndex: 11, names: ['zero', 'one'] });
  // class 0: TP 1, FN 1 (pixel 1 predicted 1), FP 0 -> 1/2. class 1: TP 5, FP 1 -> 5/6.
  assert.equal(r.frames, 2);
  assert.ok(Math.abs(r.iou.zero! - 0.5) < 1e-9);
  assert.ok(Math.abs(r.iou.one! - 5 / 6) < 1e-9);
  assert.ok(Math.abs(r.miou - (0.5 + 5 / 6) / 2) < 1e-9);
  assert.ok(Math.abs(r.pixelAccuracy - 6 / 7) < 1e-9);
  assert.deepEqual(r.unmatched, { pred: 1, gt: 0 });
});

test('clear errors: missing folder, no matching files, size mismatch', async () => {
  const { pred, gt } = await dirs();
  await assert.rejects(evaluateFolders(join(root, 'nope'), gt, { classes: 2, ignoreIndex: 11 }), /--pred folder not found/);
  await writeFile(join(gt, 'x.png'), encodeGray8(2, 2, new Uint8Array(4)));
  await writeFile(join(pred, 'y.png'), encodeGray8(2, 2, new Uint8Array(4)));
  await assert.rejects(evaluateFolders(pred, gt, { classes: 2, ignoreIndex: 11 }), /no matching label files/);
  await writeFile(join(pred, 'x.png'), encodeGray8(3, 2, new Uint8Array(6)));
  await assert.rejects(evaluateFolders(pred, gt, { classes: 2, ignoreIndex: 11 }), /size mismatch for "x": prediction 3x2, ground truth 2x2/);
});
