import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Tensor3 } from '../../core/types.ts';
import { createLabeler } from './labels.ts';
import { softmaxChannels } from './probabilities.ts';
import { createWasmLabeler, softmaxWasm } from './probability-kernels.ts';
import { bilinearAxis } from './resample.ts';

/** Deterministic logits: smooth class regions (so most pixels sit inside one class) plus noise. */
function logits(C: number, gw: number, gh: number, seed: number): Tensor3 {
  let s = seed >>> 0;
  const rand = (): number => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const d = new Float32Array(C * gw * gh);
  for (let c = 0; c < C; c++) {
    for (let y = 0; y < gh; y++) {
      for (let x = 0; x < gw; x++) d[c * gw * gh + y * gw + x] = 4 * Math.sin(x * 0.11 * (1 + (c % 4)) + y * 0.07 * (1 + (c % 3)) + c) + 0.5 * rand();
    }
  }
  return { channels: C, width: gw, height: gh, data: d };
}

const copy = (t: Tensor3): Tensor3 => ({ ...t, data: t.data.slice() });

test('softmax in WebAssembly equals the TypeScript reference within f32 rounding (any plane size, extreme logits)', () => {
  for (const [C, gw, gh] of [[11, 160, 120], [19, 37, 23], [3, 5, 3]] as const) {
    const t = logits(C, gw, gh, C);
    t.data[0] = 80;
    t.data[1] = -200;
    const js = softmaxChannels(copy(t), 'js');
    const wasm = copy(t);
    assert.ok(softmaxWasm(wasm), 'WebAssembly SIMD is available in Node 20');
    for (let i = 0; i < t.data.length; i++) assert.ok(Math.abs(js.data[i]! - wasm.data[i]!) <= 2e-7 + 2e-6 * js.data[i]!, `${C}x${gh}x${gw} value ${i}: ${js.data[i]} vs ${wasm.data[i]}`);
  }
});

/** The blended probabilities at output pixel (x, y), in f64, and the margin between the top two. */
function margin(p: Tensor3, W: number, H: number, x: number, y: number): number {
  const xs = bilinearAxis(W, p.width);
  const ys = bilinearAxis(H, p.height);
  const n = p.width * p.height;
  const [wx, wy] = [xs.w[x]!, ys.w[y]!];
  const v: number[] = [];
  for (let c = 0; c < p.channels; c++) {
    const at = (i: number, j: number): number => p.data[c * n + j * p.width + i]!;
    const top = at(xs.i0[x]!, ys.i0[y]!) * (1 - wx) + at(xs.i1[x]!, ys.i0[y]!) * wx;
    const bot = at(xs.i0[x]!, ys.i1[y]!) * (1 - wx) + at(xs.i1[x]!, ys.i1[y]!) * wx;
    v.push(top * (1 - wy) + bot * wy);
  }
  v.sort((a, b) => b - a);
  return v[0]! - v[1]!;
}

test('labels and confidence in WebAssembly equal the TypeScript reference (up-, down- and non-integer scales)', () => {
  const cases = [[11, 160, 120, 480, 360], [11, 224, 128, 1280, 720], [19, 37, 23, 101, 67], [4, 7, 5, 7, 5], [5, 64, 48, 40, 30]] as const;
  for (const [C, gw, gh, W, H] of cases) {
    const p = softmaxChannels(logits(C, gw, gh, W), 'js');
    const js = createLabeler(gw, gh, C, W, H, 'js')(p);
    const out = { labels: new Uint8Array(W * H), confidence: new Uint8Array(W * H) };
    const wasm = createWasmLabeler(gw, gh, C, W, H);
    assert.ok(wasm, 'WebAssembly SIMD is available in Node 20');
    wasm(p, out);
    const again = wasm(p);
    assert.deepEqual(again.labels.data, out.labels, 'the same result into given and new buffers');
    let differ = 0;
    for (let i = 0; i < W * H; i++) {
      const x = i % W;
      const y = (i - x) / W;
      if (js.labels.data[i] !== out.labels[i]) {
        differ++;
        assert.ok(margin(p, W, H, x, y) < 1e-5, `${W}x${H} pixel (${x}, ${y}): label ${out.labels[i]} vs ${js.labels.data[i]} though the top two differ by ${margin(p, W, H, x, y)}`);
      }
      assert.ok(Math.abs(js.confidence[i]! - out.confidence[i]!) <= 1, `${W}x${H} pixel (${x}, ${y}): confidence ${out.confidence[i]} vs ${js.confidence[i]}`);
    }
    assert.ok(differ <= W * H * 1e-4, `${differ} labels differ`);
  }
});
