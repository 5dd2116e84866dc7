import { test } from 'node:test';
import assert from 'node:assert/strict';
import { temporalConsistency, temporalConsistencyPair } from './temporal-consistency.ts';
import { generateSequence } from '../synthetic/generate.ts';
import type { FlowField, LabelMap } from '../../core/types.ts';

const zeroFlow = (w: number, h: number): FlowField => ({ width: w, height: h, data: new Float32Array(w * h * 2) });

test('TC is near 1 for ground-truth labels along the exact flow of a synthetic sequence, lower without motion compensation', () => {
  const seq = generateSequence({ width: 160, height: 96, frames: 3, seed: 2, speed: 0.3 });
  const tc = temporalConsistency(
    seq.map((f) => f.labels),
    seq.slice(0, -1).map((f) => f.flowToNext!),
    { classes: 11 },
    seq.map((f) => f.occludedInNext),
  );
  assert.equal(tc.perPair.length, 2);
  // Not exactly 1: nearest-neighbour rounding at the edges of thin objects (poles, signs).
  assert.ok(tc.mean > 0.93, `TC ${tc.mean}`);
  const still = temporalConsistency(seq.map((f) => f.labels), seq.slice(0, -1).map(() => zeroFlow(160, 96)), { classes: 11 });
  assert.ok(still.mean < tc.mean - 0.05, `zero-flow TC ${still.mean} vs ${tc.mean}`);
});

test('TC is exactly 1 for a static, consistent sequence and drops for flickering labels', () => {
  const w = 8, h = 4;
  const a: LabelMap = { width: w, height: h, data: new Uint8Array(w * h).map((_, p) => (p % w < 4 ? 0 : 1)) };
  const flicker: LabelMap = { width: w, height: h, data: a.data.map((v, p) => (p % 3 === 0 ? 1 - v : v)) };
  const consistent = temporalConsistency([a, a, a], [zeroFlow(w, h), zeroFlow(w, h)], { classes: 2 });
  assert.equal(consistent.mean, 1);
  const flickering = temporalConsistency([a, flicker, a], [zeroFlow(w, h), zeroFlow(w, h)], { classes: 2 });
  assert.ok(flickering.mean < 0.8, `TC ${flickering.mean}`);
  assert.equal(flickering.perPair[0], flickering.perPair[1]);
});

test('TC pair warps t+1 back along the flow (a shifted label map is consistent)', () => {
  const w = 8, h = 2;
  const t0: LabelMap = { width: w, height: h, data: Uint8Array.from([0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0]) };
  const t1: LabelMap = { width: w, height: h, data: Uint8Array.from([0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0]) };
  const flow: FlowField = { width: w, height: h, data: new Float32Array(w * h * 2) };
  for (let p = 0; p < w * h; p++) flow.data[2 * p] = 1;
  assert.equal(temporalConsistencyPair(t0, t1, flow, { classes: 2 }), 1);
  assert.ok(temporalConsistencyPair(t0, t1, zeroFlow(w, h), { classes: 2 }) < 1);
});
