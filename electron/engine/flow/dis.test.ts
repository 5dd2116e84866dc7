import { test } from 'node:test';
import assert from 'node:assert/strict';
import { disFlow } from './dis.ts';
import { resolveDisOptions, DIS_PRESETS } from './dis-options.ts';
import { endPointError } from './epe.ts';
import { generateSequence } from '../synthetic/generate.ts';
import { gaussianBlur } from '../image/blur.ts';
import { mulberry32 } from '../synthetic/noise.ts';
import type { GrayImage } from '../../core/types.ts';

const [a, b] = generateSequence({ width: 256, height: 160, frames: 2, seed: 4, speed: 0.3 }) as [
  ReturnType<typeof generateSequence>[number],
  ReturnType<typeof generateSequence>[number],
];
const gt = a.flowToNext!;
const occ = a.occludedInNext!;

test('presets match OpenCV DISOpticalFlow::create (patch 8; stride 4/4/3; GD 12/16/25; VR 0/5/5; finest 2/2/1)', () => {
  assert.deepEqual(DIS_PRESETS.ultrafast, { patchSize: 8, patchStride: 4, gradientDescentIterations: 12, variationalRefinementIterations: 0, finestScale: 2 });
  assert.deepEqual(DIS_PRESETS.fast, { patchSize: 8, patchStride: 4, gradientDescentIterations: 16, variationalRefinementIterations: 5, finestScale: 2 });
  assert.deepEqual(DIS_PRESETS.medium, { patchSize: 8, patchStride: 3, gradientDescentIterations: 25, variationalRefinementIterations: 5, finestScale: 1 });
  const o = resolveDisOptions({ preset: 'medium', variationalRefinementAlpha: 7 });
  assert.equal(o.variationalRefinementAlpha, 7);
  assert.equal(o.variationalRefinementDelta, 5);
  assert.equal(o.variationalRefinementGamma, 10);
  assert.equal(o.useMeanNormalization, true);
  assert.equal(o.useSpatialPropagation, true);
  assert.throws(() => resolveDisOptions({ patchStride: 9 }), /patchStride/);
});

test('end-point error on a synthetic driving pair stays under per-preset bounds, medium <= fast <= ultrafast', () => {
  const zero = endPointError({ ...gt, data: new Float32Array(gt.data.length) }, gt, occ);
  const epe: Record<string, number> = {};
  for (const preset of ['ultrafast', 'fast', 'medium'] as const) epe[preset] = endPointError(disFlow(a.gray, b.gray, { preset }), gt, occ);
  assert.ok(zero > 1.8, `ground truth should have real motion (zero-flow EPE ${zero})`);
  assert.ok(epe.ultrafast! < zero / 2, `ultrafast ${epe.ultrafast} should halve the zero-flow error ${zero}`);
  assert.ok(epe.ultrafast! < 1.3, `ultrafast EPE ${epe.ultrafast}`);
  assert.ok(epe.fast! < 1.1, `fast EPE ${epe.fast}`);
  assert.ok(epe.medium! < 0.65, `medium EPE ${epe.medium}`);
  assert.ok(epe.medium! <= epe.fast! && epe.fast! <= epe.ultrafast! * 1.05, JSON.stringify(epe));
});

test('a pure sub-pixel translation of a smooth texture is recovered to within 0.1 px (medium)', () => {
  const W = 128, H = 96, dx = 2.5, dy = -1.25;
  const rnd = mulberry32(9);
  const big = new Float32Array(4 * W * H).map(() => rnd() * 255);
  const tex = gaussianBlur(big, 2 * W, 2 * H, 1.5);
  const sample = (x: number, y: number): number => {
    const x0 = Math.floor(x), y0 = Math.floor(y), ax = x - x0, ay = y - y0;
    const g = (i: number, j: number): number => tex[j * 2 * W + i]!;
    return (1 - ay) * ((1 - ax) * g(x0, y0) + ax * g(x0 + 1, y0)) + ay * ((1 - ax) * g(x0, y0 + 1) + ax * g(x0 + 1, y0 + 1));
  };
  const ia: GrayImage = { width: W, height: H, data: new Float32Array(W * H) };
  const ib: GrayImage = { width: W, height: H, data: new Float32Array(W * H) };
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      ia.data[y * W + x] = sample(x + 40, y + 40);
      ib.data[y * W + x] = sample(x + 40 - dx, y + 40 - dy);
    }
  }
  const f = disFlow(ia, ib, { preset: 'medium' });
  let su = 0, sv = 0, n = 0;
  for (let y = 8; y < H - 8; y++) {
    for (let x = 8; x < W - 8; x++) {
      su += f.data[2 * (y * W + x)]!;
      sv += f.data[2 * (y * W + x) + 1]!;
      n++;
    }
  }
  assert.ok(Math.abs(su / n - dx) < 0.1 && Math.abs(sv / n - dy) < 0.1, `mean flow (${su / n}, ${sv / n})`);
});

test('identical frames give (near) zero flow; sizes are validated', () => {
  const f = disFlow(a.gray, a.gray, { preset: 'fast' });
  let max = 0;
  for (const v of f.data) max = Math.max(max, Math.abs(v));
  assert.ok(max < 0.05, `max |flow| ${max}`);
  assert.equal(f.width, 256);
  assert.equal(f.data.length, 256 * 160 * 2);
  const small: GrayImage = { width: 10, height: 10, data: new Float32Array(100) };
  assert.throws(() => disFlow(a.gray, small), /size mismatch/);
  assert.throws(() => disFlow({ width: 4, height: 4, data: new Float32Array(16) }, { width: 4, height: 4, data: new Float32Array(16) }), /smaller than the patch/);
});
