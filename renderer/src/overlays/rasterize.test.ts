import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classPalette, colorizeLabels } from '../../../electron/core/palette.ts';
import { warpLabels, warpTable } from '../../../electron/core/warp/warp-labels.ts';
import { classHistogram, confidenceHeat, diffMask, flickerMask, packRgba } from './rasterize.ts';
import { flowArrows } from './flow-arrows.ts';
import { viridis } from './viridis.ts';

const lm = (width: number, height: number, data: Uint8Array | number[]) => ({ width, height, data: Uint8Array.from(data) });

const classes = [
  { id: 0, name: 'Sky', color: [10, 20, 30] as [number, number, number] },
  { id: 1, name: 'Road', color: [200, 100, 50] as [number, number, number] },
];

test('colorize maps class ids through the palette with opacity; hidden and void are transparent', () => {
  const lut = classPalette(classes, { hidden: [1], opacity: 0.5, ignoreIndex: 255 });
  const out = colorizeLabels(new Uint8Array([0, 1, 255]), lut, new Uint8ClampedArray(12));
  assert.deepEqual([...out], [10, 20, 30, 128, 0, 0, 0, 0, 0, 0, 0, 0]);
  const all = colorizeLabels(new Uint8Array([1]), classPalette(classes), new Uint8ClampedArray(4));
  assert.deepEqual([...all], [200, 100, 50, 255]);
});

test('diff marks only pixels whose classes differ (void ignored) and counts them', () => {
  const out = new Uint8ClampedArray(16);
  const n = diffMask(new Uint8Array([0, 1, 2, 255]), new Uint8Array([0, 2, 2, 1]), out, packRgba(255, 0, 255, 200));
  assert.equal(n, 1);
  assert.deepEqual([...out.subarray(4, 8)], [255, 0, 255, 200]);
  assert.deepEqual([...out.subarray(0, 4)], [0, 0, 0, 0]);
});

test('flicker with a uniform rightward flow at half size compares each pixel with its left neighbour', () => {
  // 4x1 frame, flow grid 2x1 at half size: dx = 0.5 flow px = 1 frame px.
  const prev = new Uint8Array([1, 2, 3, 4]);
  const out = new Uint8ClampedArray(16);
  const flow = { width: 2, height: 1, data: new Float32Array([0.5, 0, 0.5, 0]) };
  const n = flickerMask(lm(4, 1, [7, 1, 2, 9]), lm(4, 1, prev), warpTable(4, 1, flow, { negate: true }), new Uint8Array(4), out, packRgba(1, 2, 3, 4));
  assert.equal(n, 1);
  assert.deepEqual([...out.subarray(12, 16)], [1, 2, 3, 4]);
});

test('flicker equals core warpLabels along the negated flow then diffing, with out-of-frame pixels and a dirty scratch', () => {
  const [w, h] = [13, 7];
  const [fw, fh] = [w, h];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const cur = Uint8Array.from({ length: w * h }, () => Math.floor(rnd() * 4));
  const prev = Uint8Array.from({ length: w * h }, () => (rnd() < 0.1 ? 255 : Math.floor(rnd() * 4)));
  const flow = Float32Array.from({ length: fw * fh * 2 }, () => (rnd() - 0.5) * 4);
  const color = packRgba(255, 210, 0, 230);
  const expected = new Uint8ClampedArray(w * h * 4);
  const back = { width: w, height: h, data: flow.map((v) => -v) };
  const n0 = diffMask(cur, warpLabels({ width: w, height: h, data: prev }, back).data, expected, color);
  const out = new Uint8ClampedArray(w * h * 4).fill(9);
  const table = warpTable(w, h, { width: fw, height: fh, data: flow }, { negate: true });
  const n = flickerMask(lm(w, h, cur), lm(w, h, prev), table, new Uint8Array(w * h).fill(3), out, color);
  assert.equal(n, n0);
  assert.ok(n > 0 && n < w * h);
  assert.deepEqual([...out], [...expected]);
});

test('confidence heat uses viridis (low dark violet, high yellow), more opaque where confidence is low', () => {
  const out = confidenceHeat(new Uint8Array([0, 255]), new Uint8ClampedArray(8));
  assert.deepEqual([...out.slice(0, 3)], [68, 1, 84]);
  assert.deepEqual([...out.slice(4, 7)], [253, 231, 37]);
  assert.ok(out[3]! > out[7]!);
});

test('the viridis ramp is monotonic in lightness, so it reads in greyscale too', () => {
  const luma = (c: number[]) => 0.299 * c[0]! + 0.587 * c[1]! + 0.114 * c[2]!;
  let last = -1;
  for (let t = 0; t <= 1.0001; t += 0.05) {
    const l = luma(viridis(t));
    assert.ok(l > last, `t=${t.toFixed(2)}`);
    last = l;
  }
});

test('class histogram and the arrow grid', () => {
  assert.deepEqual([...classHistogram(new Uint8Array([1, 1, 3])).subarray(0, 4)], [0, 2, 0, 1]);
  const arrows = flowArrows(new Float32Array([1, 0, 0, 0, 0, 0, 0, 0]), 2, 2, 2, 1);
  assert.deepEqual(arrows, [{ x: 1, y: 1, dx: 2, dy: 0 }]);
});

test('flow arrows that would leave the frame are shortened to end on its edge', () => {
  // 2x2 grid, scale 4 (frame 8x8): the cell at (0.5, 0.5)·4 = (2, 2) moves (-10, +3) in frame pixels.
  const flow = new Float32Array([-2.5, 0.75, 0, 0, 0, 0, 0, 0]);
  const [a] = flowArrows(flow, 2, 2, 4, 1);
  assert.ok(a);
  assert.equal(a.x + a.dx, 0);
  assert.ok(Math.abs(a.dy / a.dx - 0.75 / -2.5) < 1e-9, 'the direction is kept');
  // every arrow of a field pointing far out ends inside the frame
  const out = new Float32Array(2 * 16).map((_, i) => (i % 2 ? -30 : 40));
  for (const r of flowArrows(out, 4, 4, 2, 1)) {
    assert.ok(r.x + r.dx >= 0 && r.x + r.dx <= 8 && r.y + r.dy >= 0 && r.y + r.dy <= 8, JSON.stringify(r));
  }
});

test('diff compares four labels per word yet equals the per-pixel rule, on unaligned views, with its rows', () => {
  const [w, h] = [9, 7];
  let seed = 11;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const a = Uint8Array.from({ length: w * h + 1 }, () => (rnd() < 0.1 ? 255 : Math.floor(rnd() * 3)));
  const b = Uint8Array.from(a, (v, i) => (i > 20 && i < 50 && rnd() < 0.3 ? (rnd() < 0.2 ? 255 : (v + 1) % 3) : v));
  const color = packRgba(255, 0, 220, 220);
  for (const [x, y] of [[a.subarray(0, w * h), b.subarray(0, w * h)], [a.subarray(1), b.subarray(1)]] as const) {
    const expected = new Uint8ClampedArray(w * h * 4);
    const e32 = new Uint32Array(expected.buffer);
    let n0 = 0;
    let top = -1;
    let bottom = 0;
    for (let i = 0; i < w * h; i++) {
      if (x[i] !== y[i] && x[i] !== 255 && y[i] !== 255) {
        e32[i] = color;
        n0++;
        if (top < 0) top = Math.floor(i / w);
        bottom = Math.floor(i / w) + 1;
      }
    }
    const rows = { top: -1, bottom: -1 };
    const out = new Uint8ClampedArray(w * h * 4).fill(9);
    assert.equal(diffMask(x, y, out, color, 255, rows, w), n0);
    assert.ok(n0 > 0);
    assert.deepEqual([...out], [...expected]);
    assert.deepEqual(rows, { top, bottom });
  }
  const none = { top: -1, bottom: -1 };
  assert.equal(diffMask(new Uint8Array(8), new Uint8Array(8), new Uint8ClampedArray(32), color, 255, none, 4), 0);
  assert.deepEqual(none, { top: 0, bottom: 0 });
});

test('flicker reports the rows that hold marks', () => {
  const prev = new Uint8Array([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  const cur = Uint8Array.from(prev);
  cur[5] = 2;
  const rows = { top: -1, bottom: -1 };
  const still = warpTable(4, 3, { width: 2, height: 2, data: new Float32Array(8) });
  const n = flickerMask(lm(4, 3, cur), lm(4, 3, prev), still, new Uint8Array(12), new Uint8ClampedArray(48), 1, 255, rows);
  assert.equal(n, 1);
  assert.deepEqual(rows, { top: 1, bottom: 2 });
});

test('class histogram by words equals counting pixel by pixel, on unaligned views too', () => {
  const all = Uint8Array.from({ length: 41 }, (_, i) => (i * 13) % 7 === 0 ? 255 : i % 5);
  for (const l of [all, all.subarray(1), all.subarray(0, 3)]) {
    const expected = new Uint32Array(256);
    for (const v of l) expected[v]!++;
    assert.deepEqual([...classHistogram(l)], [...expected]);
  }
});

test('colorize by words equals the per-pixel lookup, on unaligned views and odd lengths', () => {
  const lut = classPalette(classes, { opacity: 0.5 });
  const all = Uint8Array.from({ length: 23 }, (_, i) => [0, 1, 255, 7][i % 4]!);
  for (const l of [all, all.subarray(1), all.subarray(0, 2)]) {
    const out = colorizeLabels(l, lut, new Uint8ClampedArray(l.length * 4).fill(9));
    const expected = Array.from(l).flatMap((v) => [...lut.subarray(v * 4, v * 4 + 4)]);
    assert.deepEqual([...out], expected);
  }
});
