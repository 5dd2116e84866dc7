import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WasmKernels } from '../flow/wasm/dis-kernels.ts';
import { countClasses } from './output-kernels.ts';
import { filterRows } from './png-encode.ts';

/** Deterministic bytes with runs (as label maps have) and noise (as confidence maps have). */
function bytes(n: number, max: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = i % 37 < 20 ? (i >> 6) % max : (s >>> 16) % max;
  }
  return out;
}

const wasm = WasmKernels.create() !== null;

test('class counts: WebAssembly equals the TypeScript reference (stripes, tails, ids past the classes)', { skip: !wasm && 'WebAssembly SIMD unavailable' }, () => {
  for (const [n, classes] of [[0, 3], [15, 4], [16, 4], [4080, 11], [4081 * 3 + 7, 11], [1280 * 7 + 5, 19]] as const) {
    const labels = bytes(n, classes + 2, n + classes);
    const want = countClasses(labels, classes, 'js');
    assert.deepEqual(countClasses(labels, classes), want, `n=${n} C=${classes}`);
    assert.equal(want.reduce((a, b) => a + b, 0), labels.filter((v) => v < classes).length);
  }
  // A run of one class longer than 255 vectors: the byte counters are flushed before they wrap.
  assert.deepEqual(countClasses(new Uint8Array(16 * 300 + 3).fill(2), 3), [0, 0, 16 * 300 + 3]);
});

test('PNG up filter: WebAssembly writes the same scanlines as the TypeScript reference', { skip: !wasm && 'WebAssembly SIMD unavailable' }, () => {
  for (const [w, h] of [[1, 1], [7, 5], [16, 3], [33, 9], [480, 4]] as const) {
    const data = bytes(w * h, 256, w * 31 + h);
    assert.deepEqual(filterRows(w, h, data, 2), filterRows(w, h, data, 2, 'js'), `${w}x${h}`);
  }
});
