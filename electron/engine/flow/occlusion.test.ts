import { test } from 'node:test';
import assert from 'node:assert/strict';
import { occlusionMask } from './occlusion.ts';
import type { FlowField } from '../../core/types.ts';

/** A 6x6 square at x 10..15 moving +4 px right over a static background (32x16 frame). */
function squareFlows(): { fwd: FlowField; bwd: FlowField } {
  const w = 32, h = 16;
  const fwd = new Float32Array(w * h * 2);
  const bwd = new Float32Array(w * h * 2);
  for (let y = 5; y < 11; y++) {
    for (let x = 10; x < 16; x++) fwd[2 * (y * w + x)] = 4; // square pixels in A
    for (let x = 14; x < 20; x++) bwd[2 * (y * w + x)] = -4; // square pixels in B
  }
  return { fwd: { width: w, height: h, data: fwd }, bwd: { width: w, height: h, data: bwd } };
}

test('forward-backward check flags the background that the moving square covers, nothing else', () => {
  const { fwd, bwd } = squareFlows();
  const m = occlusionMask(fwd, bwd);
  const at = (x: number, y: number): number => m[y * 32 + x]!;
  for (let y = 5; y < 11; y++) {
    for (let x = 16; x < 20; x++) assert.equal(at(x, y), 1, `covered background (${x},${y})`);
    for (let x = 10; x < 16; x++) assert.equal(at(x, y), 0, `square (${x},${y}) is visible in B`);
    assert.equal(at(9, y), 0);
    assert.equal(at(20, y), 0);
  }
  let total = 0;
  for (const v of m) total += v;
  assert.equal(total, 4 * 6);
});

test('pixels leaving the frame are flagged unless outOfFrame is false', () => {
  const w = 8, h = 4;
  const fwd = new Float32Array(w * h * 2).fill(0);
  for (let p = 0; p < w * h; p++) fwd[2 * p] = 3;
  const bwd = new Float32Array(w * h * 2);
  for (let p = 0; p < w * h; p++) bwd[2 * p] = -3;
  const f = { width: w, height: h, data: fwd };
  const b = { width: w, height: h, data: bwd };
  const m = occlusionMask(f, b);
  assert.deepEqual(Array.from(m.subarray(0, w)), [0, 0, 0, 0, 0, 1, 1, 1]);
  const m2 = occlusionMask(f, b, { outOfFrame: false });
  assert.equal(m2[7], 0);
});

test('forwardBackwardFlow on a synthetic pair: the mask catches most true occlusions and few visible pixels', async () => {
  const { forwardBackwardFlow } = await import('./forward-backward.ts');
  const { generateSequence } = await import('../synthetic/generate.ts');
  const [a, b] = generateSequence({ width: 192, height: 128, frames: 2, seed: 8, speed: 0.3 });
  const r = forwardBackwardFlow(a!.gray, b!.gray, { preset: 'medium' });
  const truth = a!.occludedInNext!;
  let hit = 0, occ = 0, falseAlarm = 0, vis = 0;
  for (let p = 0; p < truth.length; p++) {
    if (truth[p]) {
      occ++;
      hit += r.occluded[p]!;
    } else {
      vis++;
      falseAlarm += r.occluded[p]!;
    }
  }
  assert.ok(occ > 0 && hit / occ > 0.65, `recall ${hit / occ}`);
  assert.ok(falseAlarm / vis < 0.1, `false alarms ${falseAlarm / vis}`);
  assert.equal(r.backward.width, 192);
});
