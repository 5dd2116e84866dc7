import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BUILD_INFO_FILE, WASM_FILE, sha256, sourceHash, type WasmBuildInfo } from './source-hash.ts';
import { WasmKernels, wasmLoadError } from './dis-kernels.ts';
import { disFlow } from '../dis.ts';
import { endPointError } from '../epe.ts';
import { generateSequence } from '../../synthetic/generate.ts';
import type { FlowField } from '../../../core/types.ts';

const [a, b] = generateSequence({ width: 256, height: 160, frames: 2, seed: 4, speed: 0.3 }) as [
  ReturnType<typeof generateSequence>[number],
  ReturnType<typeof generateSequence>[number],
];

/** Mean and 99th percentile of the per-pixel end-point distance between two flows. */
function distance(f: FlowField, g: FlowField): { mean: number; p99: number } {
  const d: number[] = [];
  for (let p = 0; p < f.data.length; p += 2) d.push(Math.hypot(f.data[p]! - g.data[p]!, f.data[p + 1]! - g.data[p + 1]!));
  d.sort((x, y) => x - y);
  return { mean: d.reduce((s, x) => s + x, 0) / d.length, p99: d[Math.floor(0.99 * d.length)]! };
}

test('the committed dis-kernels.wasm is built from the current assembly/ sources (else run npm run build:wasm)', () => {
  const info = JSON.parse(readFileSync(BUILD_INFO_FILE, 'utf8')) as WasmBuildInfo;
  assert.equal(sourceHash(), info.sourceSha256, 'assembly/ changed since the last build: run npm run build:wasm and commit the .wasm');
  assert.equal(sha256(readFileSync(WASM_FILE)), info.wasmSha256, 'dis-kernels.wasm differs from the one recorded at build time');
});

test('the wasm kernels load in Node (WebAssembly SIMD available)', () => {
  assert.ok(WasmKernels.create(), `load failed: ${wasmLoadError}`);
});

test('wasm and js backends give the same flow within f32 rounding, and the same EPE, at every preset', () => {
  for (const preset of ['ultrafast', 'fast', 'medium'] as const) {
    const js = disFlow(a.gray, b.gray, { preset, backend: 'js' });
    const wasm = disFlow(a.gray, b.gray, { preset, backend: 'wasm' });
    const d = distance(js, wasm);
    assert.ok(d.mean < 2e-3 && d.p99 < 1e-2, `${preset}: js vs wasm mean ${d.mean} px, p99 ${d.p99} px`);
    const ej = endPointError(js, a.flowToNext!, a.occludedInNext!);
    const ew = endPointError(wasm, a.flowToNext!, a.occludedInNext!);
    assert.ok(Math.abs(ej - ew) < 2e-3, `${preset}: EPE js ${ej} vs wasm ${ew}`);
  }
});

test('wasm and js agree without mean normalisation or spatial propagation, and at patch 12 / stride 5', () => {
  for (const o of [{ useMeanNormalization: false }, { useSpatialPropagation: false }, { patchSize: 12, patchStride: 5 }]) {
    const d = distance(disFlow(a.gray, b.gray, { ...o, backend: 'js' }), disFlow(a.gray, b.gray, { ...o, backend: 'wasm' }));
    assert.ok(d.mean < 2e-3 && d.p99 < 1e-2, `${JSON.stringify(o)}: mean ${d.mean} px, p99 ${d.p99} px`);
  }
});

test('a patch size that is not a multiple of 4 falls back to the js kernels (identical flow)', () => {
  const js = disFlow(a.gray, b.gray, { patchSize: 6, patchStride: 3, backend: 'js' });
  const wasm = disFlow(a.gray, b.gray, { patchSize: 6, patchStride: 3, backend: 'wasm' });
  assert.deepEqual(wasm.data, js.data);
});

test('an unknown backend is rejected', () => {
  assert.throws(() => disFlow(a.gray, b.gray, { backend: 'gpu' as 'js' }), /backend/);
});
