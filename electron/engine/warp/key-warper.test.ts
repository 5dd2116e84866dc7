import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyWarper } from './key-warper.ts';
import { warpTensor } from './warp-tensor.ts';
import type { FlowField, Tensor3 } from '../../core/types.ts';
import { mulberry32 as rng } from '../synthetic/noise.ts';

function tensor(C: number, w: number, h: number, seed: number): Tensor3 {
  const r = rng(seed);
  return { channels: C, width: w, height: h, data: Float32Array.from({ length: C * w * h }, () => r() * 20 - 10) };
}

/** A smooth flow plus noise, reaching past the borders (clamping is exercised). */
function flow(w: number, h: number, seed: number, amp: number): FlowField {
  const r = rng(seed);
  const data = new Float32Array(2 * w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      data[2 * (y * w + x)] = amp * Math.sin(x / 5 + seed) + r() - 0.5;
      data[2 * (y * w + x) + 1] = amp * Math.cos(y / 4 - seed) + r() - 0.5;
    }
  }
  return { width: w, height: h, data };
}

function assertClose(a: Float32Array, b: Float32Array, what: string): void {
  assert.equal(a.length, b.length, `${what}: length`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  // f32 arithmetic (wasm) against f64 intermediate values (warpTensor), values within ±10.
  assert.ok(worst < 1e-5, `${what}: max difference ${worst}`);
}

test('the WebAssembly module loads here (the committed dis-kernels.wasm has the warp kernels)', () => {
  assert.equal(new KeyWarper().usesWasm, true);
  assert.equal(new KeyWarper('js').usesWasm, false);
});

test('equals warpTensor for padded and unpadded sizes, flows on the grid and at full resolution', () => {
  const cases: Array<[number, number, number, number]> = [
    // channels, width, height, flow stride
    [256, 60, 44, 8],
    [1, 7, 5, 1],
    [3, 9, 7, 1],
    [6, 13, 3, 4],
    [12, 30, 22, 2],
  ];
  for (const [C, w, h, s] of cases) {
    const src = tensor(C, w, h, C + w);
    const kw = new KeyWarper();
    for (let i = 0; i < 3; i++) {
      const f = flow(w * s, h * s, i + 1, 3 * s);
      const got = kw.warp(src, f);
      assertClose(got.data, warpTensor(src, f).data, `${C}x${h}x${w} stride ${s} flow ${i}`);
      assert.deepEqual([got.channels, got.width, got.height], [C, w, h]);
    }
  }
});

test('a new source (another data array) is laid out again; a new grid size too', () => {
  const kw = new KeyWarper();
  const a = tensor(5, 11, 6, 1);
  const b = tensor(5, 11, 6, 2);
  const c = tensor(8, 16, 4, 3);
  const f = flow(11, 6, 4, 2);
  const out = new Float32Array(5 * 11 * 6);
  for (const src of [a, b, a]) {
    const got = kw.warp(src, f, out);
    assert.equal(got.data, out, 'writes into the given buffer');
    assertClose(got.data, warpTensor(src, f).data, 'after a source change');
  }
  const fc = flow(16, 4, 5, 2);
  assertClose(kw.warp(c, fc).data, warpTensor(c, fc).data, 'after a grid change');
  assertClose(kw.warp(a, f).data, warpTensor(a, f).data, 'back to the first grid');
});

test('rejects the buffers warpTensor rejects', () => {
  const kw = new KeyWarper();
  const a = tensor(4, 8, 8, 1);
  const f = flow(8, 8, 1, 1);
  assert.throws(() => kw.warp(a, f, new Float32Array(10)), /out buffer too small/);
  assert.throws(() => kw.warp(a, f, a.data), /must not alias/);
  assert.throws(() => kw.warp({ ...a, data: new Float32Array(3) }, f), /shorter than/);
});

test('prepare() lays a source out ahead of its first warp; warps of it (or of another source) stay exact', () => {
  const kw = new KeyWarper();
  const a = tensor(7, 10, 9, 11);
  const b = tensor(7, 10, 9, 12);
  const f = flow(10, 9, 3, 2);
  kw.warp(a, f);
  kw.prepare(b);
  assertClose(kw.warp(b, f).data, warpTensor(b, f).data, 'prepared source');
  assertClose(kw.warp(a, f).data, warpTensor(a, f).data, 'the earlier source, laid out again');
  kw.prepare({ channels: 3, width: 5, height: 5, data: tensor(3, 5, 5, 13).data });
  assertClose(kw.warp(b, f).data, warpTensor(b, f).data, 'after preparing another grid size');
  assert.throws(() => kw.prepare({ channels: 3, width: 5, height: 5, data: new Float32Array(4) }), /shorter than/);
});

test('warpTransient gives warp()\'s values, in the warper\'s memory when the pixels need no padding', () => {
  for (const [C, w, h] of [[12, 16, 6], [3, 9, 7]] as const) {
    const src = tensor(C, w, h, C * w);
    const f = flow(w, h, 3, 2);
    for (const backend of ['wasm', 'js'] as const) {
      const kw = new KeyWarper(backend);
      const want = new KeyWarper(backend).warp(src, f).data;
      const got = kw.warpTransient(src, f);
      assert.deepEqual(got.data, want, `${backend} ${C}x${h}x${w}`);
      assert.deepEqual([got.channels, got.width, got.height], [C, w, h]);
      // Unpadded sizes stay in WebAssembly memory (no copy); padded ones are compacted into a buffer of the warper's.
      const inWasm = got.data.byteLength < got.data.buffer.byteLength;
      assert.equal(inWasm, backend === 'wasm' && (w * h) % 4 === 0, `${backend} ${C}x${h}x${w}: in place`);
      assert.equal(kw.warpTransient(src, flow(w, h, 4, 2)).data.buffer, got.data.buffer, 'the same memory every frame');
    }
  }
});
