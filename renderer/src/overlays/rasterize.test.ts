import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildLut, classHistogram, colorizeLabels, confidenceHeat, diffMask, flickerMask, packRgba, warpLabelsBack, warpTable } from './rasterize.ts';
import { flowArrows } from './flow-arrows.ts';

const classes = [
  { id: 0, name: 'Sky', color: [10, 20, 30] as [number, number, number] },
  { id: 1, name: 'Road', color: [200, 100, 50] as [number, number, number] },
];

test('colorize maps class ids through the palette with opacity; hidden and void are transparent', () => {
  const lut = buildLut(classes, [1], 0.5, 255);
  const out = colorizeLabels(new Uint8Array([0, 1, 255]), lut, new Uint8ClampedArray(12));
  assert.deepEqual([...out], [10, 20, 30, 128, 0, 0, 0, 0, 0, 0, 0, 0]);
  const all = colorizeLabels(new Uint8Array([1]), buildLut(classes, [], 1), new Uint8ClampedArray(4));
  assert.deepEqual([...all], [200, 100, 50, 255]);
});

test('diff marks only pixels whose classes differ (void ignored) and counts them', () => {
  const out = new Uint8ClampedArray(16);
  const n = diffMask(new Uint8Array([0, 1, 2, 255]), new Uint8Array([0, 2, 2, 1]), out, packRgba(255, 0, 255, 200));
  assert.equal(n, 1);
  assert.deepEqual([...out.subarray(4, 8)], [255, 0, 255, 200]);
  assert.deepEqual([...out.subarray(0, 4)], [0, 0, 0, 0]);
});

test('warping with a uniform rightward flow shifts the previous labels right', () => {
  // 4x1 frame, flow grid 2x1 at half size: dx = 0.5 flow px = 1 frame px.
  const prev = new Uint8Array([1, 2, 3, 4]);
  const out = warpLabelsBack(prev, 4, 1, new Float32Array([0.5, 0, 0.5, 0]), 2, 1, new Uint8Array(4));
  assert.deepEqual([...out], [255, 1, 2, 3]);
  const still = warpLabelsBack(prev, 4, 1, new Float32Array(4), 2, 1, new Uint8Array(4));
  assert.deepEqual([...still], [1, 2, 3, 4]);
});

test('flicker in one pass equals warping then diffing, on a random field with out-of-frame pixels', () => {
  const [w, h, fw, fh] = [13, 7, 5, 3];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const cur = Uint8Array.from({ length: w * h }, () => Math.floor(rnd() * 4));
  const prev = Uint8Array.from({ length: w * h }, () => (rnd() < 0.1 ? 255 : Math.floor(rnd() * 4)));
  const flow = Float32Array.from({ length: fw * fh * 2 }, () => (rnd() - 0.5) * 4);
  const color = packRgba(255, 210, 0, 230);
  const expected = new Uint8ClampedArray(w * h * 4);
  const n0 = diffMask(cur, warpLabelsBack(prev, w, h, flow, fw, fh, new Uint8Array(w * h)), expected, color);
  const out = new Uint8ClampedArray(w * h * 4).fill(9);
  const n = flickerMask(cur, prev, w, h, warpTable(w, h, flow, fw, fh), out, color);
  assert.equal(n, n0);
  assert.ok(n > 0 && n < w * h);
  assert.deepEqual([...out], [...expected]);
});

test('confidence heat: low confidence is red and more opaque than high confidence', () => {
  const out = confidenceHeat(new Uint8Array([0, 255]), new Uint8ClampedArray(8));
  assert.equal(out[0], 255);
  assert.ok(out[3]! > out[7]!);
  assert.equal(out[5], 255);
});

test('class histogram and the arrow grid', () => {
  assert.deepEqual([...classHistogram(new Uint8Array([1, 1, 3])).subarray(0, 4)], [0, 2, 0, 1]);
  const arrows = flowArrows(new Float32Array([1, 0, 0, 0, 0, 0, 0, 0]), 2, 2, 2, 1);
  assert.deepEqual(arrows, [{ x: 1, y: 1, dx: 2, dy: 0 }]);
});
