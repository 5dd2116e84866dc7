import assert from 'node:assert/strict';
import { test } from 'node:test';
import { warpLabels, warpTable } from './warp-labels.ts';

function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

/** The definition, pixel by pixel: out(x) = src(round(x + s·f(x))), fill outside. */
function reference(src: Uint8Array, w: number, h: number, flow: Float32Array, sign: number, fill: number): number[] {
  const out: number[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      const sx = Math.round(x + sign * flow[2 * p]!);
      const sy = Math.round(y + sign * flow[2 * p + 1]!);
      out.push(sx >= 0 && sx < w && sy >= 0 && sy < h ? src[sy * w + sx]! : fill);
    }
  }
  return out;
}

test('with a flow of the label size, the table warp is out(x) = src(round(x ± f(x))) exactly, out-of-frame samples filled', () => {
  const [w, h] = [13, 7];
  const rnd = lcg(7);
  const src = Uint8Array.from({ length: w * h }, () => Math.floor(rnd() * 9));
  const data = Float32Array.from({ length: w * h * 2 }, () => (rnd() - 0.5) * 8);
  const flow = { width: w, height: h, data };
  assert.deepEqual([...warpLabels({ width: w, height: h, data: src }, flow, { fill: 200 }).data], reference(src, w, h, data, 1, 200));
  const back = warpLabels({ width: w, height: h, data: src }, warpTable(w, h, flow, { negate: true }));
  assert.deepEqual([...back.data], reference(src, w, h, data, -1, 255));
});

test('runs of cells sharing an offset are copied whole (long and short runs, clipped at both edges), as the definition', () => {
  const [w, h] = [150, 5];
  const rnd = lcg(3);
  const src = Uint8Array.from({ length: w * h }, () => Math.floor(rnd() * 9));
  const data = new Float32Array(w * h * 2);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const block = Math.floor(x / 70) + y; // runs of 70 columns, a few shorter, offsets that leave the frame
      data[2 * (y * w + x)] = [-3, 0, 1.4, 80, -120][block % 5]!;
      data[2 * (y * w + x) + 1] = block % 3 === 0 ? 1 : 0;
    }
  }
  const flow = { width: w, height: h, data };
  assert.deepEqual([...warpLabels({ width: w, height: h, data: src }, flow).data], reference(src, w, h, data, 1, 255));
});

test('a reduced flow grid: each pixel takes its cell vector scaled to label pixels', () => {
  // 4x1 labels, 2x1 flow at half size: 0.5 flow px = 1 label px.
  const src = { width: 4, height: 1, data: Uint8Array.from([1, 2, 3, 4]) };
  const flow = { width: 2, height: 1, data: Float32Array.from([0.5, 0, -0.5, 0]) };
  assert.deepEqual([...warpLabels(src, flow).data], [2, 3, 2, 3]);
  assert.deepEqual([...warpLabels(src, warpTable(4, 1, flow, { negate: true })).data], [255, 1, 4, 255]);
});

test('vertical moves leave the frame row by row; a table is reused when its sizes match, refused when they do not', () => {
  const src = { width: 2, height: 3, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) };
  const down = { width: 1, height: 3, data: Float32Array.from([0, 1, 0, 1, 0, 1]) };
  const t = warpTable(2, 3, down);
  assert.deepEqual([...warpLabels(src, t).data], [3, 4, 5, 6, 255, 255]);
  assert.equal(warpTable(2, 3, { width: 1, height: 3, data: Float32Array.from([0, -1, 0, -1, 0, -1]) }, { reuse: t }), t);
  assert.deepEqual([...warpLabels(src, t).data], [255, 255, 1, 2, 3, 4]);
  assert.notEqual(warpTable(4, 3, down, { reuse: t }), t);
  assert.throws(() => warpLabels({ width: 3, height: 2, data: new Uint8Array(6) }, t), /table for 2×3, labels 3×2/);
});
