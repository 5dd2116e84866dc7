import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toGray } from './gray.ts';
import { resizeArea } from './resize-area.ts';
import { resizeBilinear } from './resize-bilinear.ts';
import { sobel3x3 } from './sobel.ts';
import { gaussianBlur, gaussianKernel } from './blur.ts';
import { grayAreaDown, type GrayAreaScratch } from './gray-area.ts';
import { flowGray } from '../segment/flow-gray.ts';

const close = (a: number, b: number, tol = 1e-5): void => assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);

test('toGray uses BT.601 luma for RGB(A) and copies grey channels', () => {
  const g = toGray(Uint8Array.from([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 0]), 3, 1);
  close(g.data[0]!, 76.245, 1e-3);
  close(g.data[1]!, 149.685, 1e-3);
  close(g.data[2]!, 29.07, 1e-3);
  const rgb = toGray(Uint8Array.from([10, 20, 30]), 1, 1, { channels: 3 });
  close(rgb.data[0]!, 0.299 * 10 + 0.587 * 20 + 0.114 * 30, 1e-4);
  assert.deepEqual(Array.from(toGray(Uint8Array.from([7, 9]), 2, 1, { channels: 1 }).data), [7, 9]);
  assert.throws(() => toGray(new Uint8Array(3), 1, 1), /need 4 bytes/);
});

test('resizeArea: exact box mean for integer factors, fractional weights otherwise', () => {
  const src = Float32Array.from([1, 3, 5, 7, 2, 4, 6, 8]); // 4x2
  assert.deepEqual(Array.from(resizeArea(src, 4, 2, 2, 1)), [2.5, 6.5]);
  // 3 -> 2 columns: output 0 covers [0, 1.5): (a + 0.5 b) / 1.5
  const r = resizeArea(Float32Array.from([3, 6, 9]), 3, 1, 2, 1);
  close(r[0]!, (3 + 0.5 * 6) / 1.5);
  close(r[1]!, (0.5 * 6 + 9) / 1.5);
});

test('resizeBilinear keeps constants, aligns pixel centres and clamps at the border', () => {
  const up = resizeBilinear(Float32Array.from([0, 4]), 2, 1, 4, 1);
  assert.deepEqual(Array.from(up), [0, 1, 3, 4]);
  const c = resizeBilinear(new Float32Array(6).fill(5), 3, 2, 7, 5);
  assert.ok(c.every((v) => v === 5));
});

test('sobel3x3 gives 8 per unit ramp (scale 1) and 1 with scale 1/8; zero across a flat image', () => {
  const w = 5, h = 4;
  const ramp = new Float32Array(w * h).map((_, p) => (p % w) * 2 + Math.floor(p / w) * 3);
  const { gx, gy } = sobel3x3(ramp, w, h);
  assert.equal(gx[1 * w + 2], 16);
  assert.equal(gy[1 * w + 2], 24);
  const s = sobel3x3(ramp, w, h, undefined, undefined, 0.125);
  assert.equal(s.gx[2 * w + 2], 2);
  const flat = sobel3x3(new Float32Array(w * h).fill(9), w, h);
  assert.ok(flat.gx.every((v) => v === 0) && flat.gy.every((v) => v === 0));
});

test('gaussianBlur preserves constants and the mean of an impulse; sigma 0 copies', () => {
  const k = gaussianKernel(1);
  close(k.reduce((a, b) => a + b, 0), 1);
  assert.equal(k.length, 7);
  const c = gaussianBlur(new Float32Array(20).fill(3), 5, 4, 1.2);
  assert.ok(c.every((v) => Math.abs(v - 3) < 1e-5));
  const imp = new Float32Array(81);
  imp[40] = 81;
  const b = gaussianBlur(imp, 9, 9, 0.8);
  close(b.reduce((a, v) => a + v, 0), 81, 1e-3);
  assert.ok(b[40]! < 81 && b[41]! > 0);
  assert.deepEqual(Array.from(gaussianBlur(imp, 9, 9, 0)), Array.from(imp));
});

test('grey + area resize in one pass is bit-identical to toGray + resizeArea (non-integer factors), in WebAssembly and TypeScript', () => {
  let s = 3;
  const scratch: GrayAreaScratch = {};
  for (const [w, h, dw, dh] of [[1280, 720, 224, 128], [480, 360, 120, 88], [101, 77, 30, 22], [1280, 720, 224, 128]] as const) {
    const rgba = new Uint8Array(w * h * 4).map(() => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 24);
    const want = resizeArea(toGray(rgba, w, h).data, w, h, dw, dh);
    const wasm = grayAreaDown(rgba, w, h, dw, dh, scratch);
    assert.ok(scratch.wasm, 'WebAssembly is available in Node 20');
    assert.deepEqual(wasm, want, `wasm ${w}x${h} -> ${dw}x${dh}`);
    assert.deepEqual(grayAreaDown(rgba, w, h, dw, dh, {}, 'js'), want, `js ${w}x${h} -> ${dw}x${dh}`);
  }
});

test('the flow grey image at an exact integer factor is within 1 ulp of toGray + the box resize', () => {
  const rgba = new Uint8Array(480 * 360 * 4).map((_, i) => (i * 7919) % 251);
  const want = resizeArea(toGray(rgba, 480, 360).data, 480, 360, 160, 120);
  const got = flowGray(rgba, 480, 360, { width: 160, height: 120 }).data;
  for (let i = 0; i < want.length; i++) close(got[i]!, want[i]!, 2e-5 * Math.max(1, want[i]!));
});
