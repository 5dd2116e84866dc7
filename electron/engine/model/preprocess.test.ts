import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadBundle } from './bundle.ts';
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
