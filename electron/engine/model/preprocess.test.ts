import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadBundle } from './bundle.ts';
import type { InputSpec } from './manifest.ts';
import { preprocess } from './preprocess.ts';
import { preprocessWasm } from './preprocess-wasm.ts';
import { TINY_ECHO } from './testing.ts';

/** The echo bundle: NHWC input 6x4, BGR, scale 0.5, mean [10,20,30], std [2,4,8]; output = input. */
function frame(w: number, h: number, px: (x: number, y: number) => [number, number, number]): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [r, g, b] = px(x, y);
      data.set([r, g, b, 255], (y * w + x) * 4);
    }
  }
  return { width: w, height: h, data };
}

const expected = (r: number, g: number, b: number): number[] => [(b * 0.5 - 30) / 8, (g * 0.5 - 20) / 4, (r * 0.5 - 10) / 2];
const rgbAt = (x: number, y: number): [number, number, number] => [10 * x + y, 100 + 20 * y, 200 - 7 * x];

test('NHWC + BGR + scale/mean/std reach the graph exactly (echo graph)', async () => {
  const b = await loadBundle(TINY_ECHO);
  try {
    const f = frame(6, 4, rgbAt);
    const out = await b.full(b.preprocess(f));
    assert.deepEqual([out.channels, out.height, out.width], [3, 4, 6]);
    for (let y = 0; y < 4; y++) {
      for (let x = 0; x < 6; x++) {
        const want = expected(...rgbAt(x, y));
        for (let c = 0; c < 3; c++) {
          const got = out.data[c * 24 + y * 6 + x]!;
          assert.ok(Math.abs(got - want[c]!) < 1e-5, `(${x},${y}) channel ${c}: ${got} vs ${want[c]}`);
        }
      }
    }
  } finally {
    await b.release();
  }
});

test('frames are resized bilinearly to the model input (2x2 blocks -> one pixel each)', async () => {
  const b = await loadBundle(TINY_ECHO);
  try {
    const f = frame(12, 8, (x, y) => rgbAt(x >> 1, y >> 1));
    const out = await b.full(b.preprocess(f));
    for (let y = 0; y < 4; y++) {
      for (let x = 0; x < 6; x++) {
        const want = expected(...rgbAt(x, y));
        for (let c = 0; c < 3; c++) assert.ok(Math.abs(out.data[c * 24 + y * 6 + x]! - want[c]!) < 1e-4);
      }
    }
  } finally {
    await b.release();
  }
});

test('the WebAssembly path equals the TypeScript reference within f32 rounding (layouts, colour orders, up/down/same width)', () => {
  let s = 5;
  const noise = (w: number, h: number): { width: number; height: number; data: Uint8Array } => ({
    width: w,
    height: h,
    data: new Uint8Array(w * h * 4).map(() => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 24),
  });
  const specs: InputSpec[] = [
    { name: 'image', layout: 'NCHW', colorOrder: 'RGB', scale: 1 / 255, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225], width: 64, height: 48 },
    { name: 'image', layout: 'NHWC', colorOrder: 'BGR', scale: 0.5, mean: [10, 20, 30], std: [2, 4, 8], width: 37, height: 21 },
    // NCHW takes the separable kernel: a width that is not a multiple of 4 exercises its column tail.
    { name: 'image', layout: 'NCHW', colorOrder: 'BGR', scale: 0.5, mean: [10, 20, 30], std: [2, 4, 8], width: 39, height: 23 },
  ];
  for (const spec of specs) {
    for (const [w, h] of [[48, 36], [64, 40], [101, 77], [spec.width, spec.height]] as const) {
      const f = noise(w, h);
      const js = preprocess(f, spec, undefined, 'js');
      const out = new Float32Array(js.length);
      assert.ok(preprocessWasm(f, spec, out), 'WebAssembly SIMD is available in Node 20');
      for (let i = 0; i < js.length; i++) assert.ok(Math.abs(out[i]! - js[i]!) <= 1e-5 * Math.max(1, Math.abs(js[i]!)), `${spec.layout} ${w}x${h} element ${i}: ${out[i]} vs ${js[i]}`);
      assert.deepEqual(preprocess(f, spec), out, 'preprocess() takes the WebAssembly path');
    }
  }
});
