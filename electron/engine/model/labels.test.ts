import assert from 'node:assert/strict';
import { test } from 'node:test';
import { probabilitiesToLabels } from './labels.ts';
import { softmaxChannels, toChw } from './probabilities.ts';

test('softmax over channels sums to one and keeps the order', () => {
  const t = softmaxChannels({ channels: 3, height: 1, width: 2, data: Float32Array.from([0, 5, 1, 0, 2, 10]) });
  assert.ok(Math.abs(t.data[0]! + t.data[2]! + t.data[4]! - 1) < 1e-6);
  assert.ok(t.data[5]! > t.data[1]! && t.data[1]! > t.data[3]!);
});

test('NHWC output is transposed to CHW', () => {
  const t = toChw(Float32Array.from([1, 2, 3, 4, 5, 6]), [1, 1, 2, 3], 'NHWC');
  assert.deepEqual(Array.from(t.data), [1, 4, 2, 5, 3, 6]);
});

test('labels at frame size: argmax of upsampled probabilities, confidence = max x 255', () => {
  // 2 classes on a 2x1 grid: left pixel class 0 (0.9), right pixel class 1 (0.8).
  const p = { channels: 2, height: 1, width: 2, data: Float32Array.from([0.9, 0.2, 0.1, 0.8]) };
  const { labels, confidence } = probabilitiesToLabels(p, 8, 2);
  assert.deepEqual(Array.from(labels.data.subarray(0, 8)), [0, 0, 0, 0, 1, 1, 1, 1]);
  assert.ok(Math.abs(confidence[0]! - 0.9 * 255) <= 1);
  assert.ok(Math.abs(confidence[7]! - 0.8 * 255) <= 1);
});

test('the same-argmax fast path equals the full per-channel computation', () => {
  // Random smooth-ish probabilities on a 7x5 grid, 4 classes; compare with a brute-force reference.
  const C = 4, gw = 7, gh = 5, n = gw * gh;
  const d = new Float32Array(C * n);
  let s = 7;
  const rnd = (): number => ((s = (s * 16807) % 2147483647) / 2147483647);
  for (let q = 0; q < n; q++) {
    let sum = 0;
    for (let c = 0; c < C; c++) sum += d[c * n + q] = rnd() + (c === (q % 3) ? 1.5 : 0);
    for (let c = 0; c < C; c++) d[c * n + q]! /= sum;
  }
  const p = { channels: C, width: gw, height: gh, data: d };
  const W = 23, H = 17;
  const { labels, confidence } = probabilitiesToLabels(p, W, H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const sx = Math.min(gw - 1, Math.max(0, ((x + 0.5) * gw) / W - 0.5));
      const sy = Math.min(gh - 1, Math.max(0, ((y + 0.5) * gh) / H - 0.5));
      const x0 = Math.floor(sx), y0 = Math.floor(sy), x1 = Math.min(gw - 1, x0 + 1), y1 = Math.min(gh - 1, y0 + 1);
      const ax = sx - x0, ay = sy - y0;
      let best = 0, bestV = -1;
      for (let c = 0; c < C; c++) {
        const g = (yy: number, xx: number): number => d[c * n + yy * gw + xx]!;
        const v = (g(y0, x0) * (1 - ax) + g(y0, x1) * ax) * (1 - ay) + (g(y1, x0) * (1 - ax) + g(y1, x1) * ax) * ay;
        if (v > bestV) [best, bestV] = [c, v];
      }
      assert.equal(labels.data[y * W + x], best, `(${x},${y})`);
      assert.ok(Math.abs(confidence[y * W + x]! - bestV * 255) <= 1);
    }
  }
});
