import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSequence } from './generate.ts';
import { warpTensor } from '../warp/warp-tensor.ts';
import { CAMVID } from './scene.ts';

test('exact flow: warping frame t+1 (and t-1) by the ground truth reproduces frame t on visible pixels', () => {
  const seq = generateSequence({ width: 160, height: 96, frames: 3, seed: 7, speed: 0.4 });
  const [f0, f1, f2] = seq as [typeof seq[number], typeof seq[number], typeof seq[number]];
  const W = 160, H = 96;
  for (const [src, flow, occ, ref] of [
    [f2, f1.flowToNext!, f1.occludedInNext!, f1],
    [f0, f1.flowToPrev!, f1.occludedInPrev!, f1],
  ] as const) {
    const warped = warpTensor({ channels: 1, width: W, height: H, data: src.gray.data }, flow);
    let sum = 0, n = 0, moving = 0;
    for (let p = 0; p < W * H; p++) {
      if (occ[p]) continue;
      sum += Math.abs(warped.data[p]! - ref.gray.data[p]!);
      n++;
      if (Math.hypot(flow.data[2 * p]!, flow.data[2 * p + 1]!) > 1) moving++;
    }
    assert.ok(n > 0.8 * W * H, 'most pixels are visible in the neighbour');
    assert.ok(moving > 0.3 * n, 'and a good part of them moves');
    assert.ok(sum / n < 2.5, `mean abs difference ${sum / n}`);
  }
});

test('labels use CamVid ids, sequences are deterministic per seed, frames carry the expected fields', () => {
  const a = generateSequence({ width: 96, height: 64, frames: 2, seed: 3 });
  const b = generateSequence({ width: 96, height: 64, frames: 2, seed: 3 });
  const c = generateSequence({ width: 96, height: 64, frames: 2, seed: 4 });
  assert.deepEqual(a[1]!.rgba, b[1]!.rgba);
  assert.notDeepEqual(a[1]!.rgba, c[1]!.rgba);
  const present = new Set(a[0]!.labels.data);
  for (const id of [CAMVID.Sky, CAMVID.Road, CAMVID.Building]) assert.ok(present.has(id), `class ${id} present`);
  for (const v of present) assert.ok(v <= 10);
  assert.equal(a[0]!.flowToPrev, undefined);
  assert.equal(a[1]!.flowToNext, undefined);
  assert.equal(a[0]!.rgba.length, 96 * 64 * 4);
});

test('scene cuts switch the layout: flow across the cut is fully occluded and the frame is marked', () => {
  const seq = generateSequence({ width: 96, height: 64, frames: 6, seed: 5, sceneCutAt: [3] });
  assert.deepEqual(seq.map((f) => f.sceneCut), [false, false, false, true, false, false]);
  assert.ok(seq[2]!.occludedInNext!.every((v) => v === 1));
  assert.ok(seq[3]!.occludedInPrev!.every((v) => v === 1));
  let diff = 0;
  for (let p = 0; p < 96 * 64; p++) diff += Math.abs(seq[3]!.gray.data[p]! - seq[2]!.gray.data[p]!);
  let diffNoCut = 0;
  for (let p = 0; p < 96 * 64; p++) diffNoCut += Math.abs(seq[2]!.gray.data[p]! - seq[1]!.gray.data[p]!);
  assert.ok(diff > 2 * diffNoCut, `cut changes the image more (${diff} vs ${diffNoCut})`);
});
