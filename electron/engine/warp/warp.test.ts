import { test } from 'node:test';
import assert from 'node:assert/strict';
import { warpTensor } from './warp-tensor.ts';
import { warpLabels } from '../../core/warp/warp-labels.ts';
import { flowResize } from '../../core/warp/flow-resize.ts';
import type { FlowField, Tensor3 } from '../../core/types.ts';

function constantFlow(w: number, h: number, u: number, v: number): FlowField {
  const data = new Float32Array(w * h * 2);
  for (let p = 0; p < w * h; p++) {
    data[2 * p] = u;
    data[2 * p + 1] = v;
  }
  return { width: w, height: h, data };
}

/** Tensor whose value is a linear function of position per channel: exact under bilinear sampling. */
function ramp(channels: number, w: number, h: number): Tensor3 {
  const data = new Float32Array(channels * w * h);
  for (let c = 0; c < channels; c++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[c * w * h + y * w + x] = (c + 1) * 10 * x + 3 * y - c;
  return { channels, width: w, height: h, data };
}

test('integer translation: out(x) = src(x + f) exactly, border clamps, validity mask marks out-of-frame samples', () => {
  const src = ramp(2, 6, 4);
  const valid = new Uint8Array(24);
  const out = warpTensor(src, constantFlow(6, 4, 2, 1), { valid });
  for (let c = 0; c < 2; c++) {
    for (let y = 0; y < 4; y++) {
      for (let x = 0; x < 6; x++) {
        const sx = Math.min(x + 2, 5), sy = Math.min(y + 1, 3);
        assert.equal(out.data[c * 24 + y * 6 + x], src.data[c * 24 + sy * 6 + sx]);
        assert.equal(valid[y * 6 + x], x + 2 <= 5 && y + 1 <= 3 ? 1 : 0);
      }
    }
  }
});

test('sub-pixel translation of a linear ramp is reproduced within 1e-4', () => {
  const src = ramp(3, 8, 5);
  const out = warpTensor(src, constantFlow(8, 5, 0.25, 0.5));
  for (let c = 0; c < 3; c++) {
    for (let y = 0; y < 4; y++) {
      for (let x = 0; x < 7; x++) {
        const expected = (c + 1) * 10 * (x + 0.25) + 3 * (y + 0.5) - c;
        assert.ok(Math.abs(out.data[c * 40 + y * 8 + x]! - expected) < 1e-4);
      }
    }
  }
});

test('full-resolution flow on a stride-4 tensor: vectors are divided by the stride', () => {
  const src = ramp(1, 8, 6); // the grid of a 32x24 image at stride 4
  const out = warpTensor(src, constantFlow(32, 24, 8, -4)); // = (2, -1) cells
  for (let y = 1; y < 6; y++) for (let x = 0; x < 6; x++) assert.equal(out.data[y * 8 + x], src.data[(y - 1) * 8 + x + 2]);
});

test('flowResize halves vectors when halving the grid, and keeps a constant field constant', () => {
  const f = flowResize(constantFlow(16, 8, 3, -2), 8, 4);
  assert.equal(f.data.length, 64);
  for (let p = 0; p < 32; p++) {
    assert.equal(f.data[2 * p], 1.5);
    assert.equal(f.data[2 * p + 1], -1);
  }
  const same = flowResize(constantFlow(4, 4, 1, 1), 4, 4);
  assert.equal(same.data[0], 1);
});

test('warpLabels: nearest neighbour with rounding, out-of-frame samples become the fill label', () => {
  const labels = { width: 4, height: 2, data: Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7]) };
  const out = warpLabels(labels, constantFlow(4, 2, 1.4, 0));
  assert.deepEqual(Array.from(out.data), [1, 2, 3, 255, 5, 6, 7, 255]);
  const up = warpLabels(labels, constantFlow(4, 2, -0.6, 0.6), { fill: 9 });
  assert.deepEqual(Array.from(up.data), [9, 4, 5, 6, 9, 9, 9, 9]);
});

test('out buffers are used and aliasing the source is refused', () => {
  const src = ramp(1, 4, 4);
  const buf = new Float32Array(16);
  const r = warpTensor(src, constantFlow(4, 4, 0, 0), { out: buf });
  assert.equal(r.data, buf);
  assert.deepEqual(Array.from(buf), Array.from(src.data));
  assert.throws(() => warpTensor(src, constantFlow(4, 4, 0, 0), { out: src.data }), /alias/);
});

test('the tap arrays kept between calls do not leak one grid into the next (large, small, large again)', () => {
  const big = ramp(2, 12, 9);
  const small = ramp(3, 5, 4);
  const fBig = constantFlow(12, 9, 0.5, -0.25);
  const fSmall = constantFlow(5, 4, -0.75, 0.5);
  const first = Array.from(warpTensor(big, fBig).data);
  const s = Array.from(warpTensor(small, fSmall).data);
  assert.deepEqual(Array.from(warpTensor(big, fBig).data), first);
  // The small grid warped on its own gives the same as after the large one.
  for (let c = 0; c < 3; c++) for (let y = 0; y < 4; y++) for (let x = 0; x < 5; x++) {
    const sx = Math.min(4, Math.max(0, x - 0.75));
    const sy = Math.min(3, Math.max(0, y + 0.5));
    assert.ok(Math.abs(s[c * 20 + y * 5 + x]! - ((c + 1) * 10 * sx + 3 * sy - c)) < 1e-4);
  }
});
