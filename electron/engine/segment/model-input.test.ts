import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadBundle } from '../model/bundle.ts';
import { TINY_SPLIT } from '../model/testing.ts';
import { ModelInputs } from './model-input.ts';

const frame = (w: number, h: number, seed: number): { width: number; height: number; data: Uint8Array } => ({
  width: w,
  height: h,
  data: new Uint8Array(w * h * 4).map((_, i) => (i * 37 + seed) % 251),
});

test('ModelInputs: made on first ask only, the bundle\'s values, in one reused WebAssembly buffer that ORT reads in place', async () => {
  const b = await loadBundle(TINY_SPLIT, { threads: 1, highThread: true });
  try {
    const inputs = new ModelInputs(b);
    const f1 = frame(100, 70, 1);
    const spent = { ms: 0 };
    const ask = inputs.lazy(f1, spent);
    assert.equal(spent.ms, 0, 'nothing is made before the mode asks');
    const x1 = ask();
    assert.equal(ask(), x1, 'a second ask returns the same input');
    assert.deepEqual(x1, b.preprocess(f1));
    // The pipeline's own preprocessor's memory: a view, the same memory for the next frame.
    assert.ok(x1.byteLength < x1.buffer.byteLength, 'the input stays in WebAssembly memory');
    const x2 = inputs.lazy(frame(100, 70, 2), { ms: 0 })();
    assert.equal(x2.buffer, x1.buffer);
    assert.deepEqual(x2, b.preprocess(frame(100, 70, 2)));
    // ONNX Runtime reads the view in place; the high-stage thread gets the same values.
    const low = await b.low(x2);
    const [here, there] = await Promise.all([b.high(x2, low), b.highAlongside!(x2, low)]);
    assert.deepEqual(Array.from(here.data), Array.from((await b.high(b.preprocess(frame(100, 70, 2)), low)).data));
    assert.deepEqual(Array.from(there.data), Array.from(here.data));
  } finally {
    await b.release();
  }
});
