import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadBundle, type ModelBundle } from '../model/bundle.ts';
import { TINY_SINGLE, TINY_SPLIT } from '../model/testing.ts';
import { segmentSettings } from './settings.ts';
import { warmUp, WARMUP_FRAMES } from './warmup.ts';

let split: ModelBundle;
let single: ModelBundle;
let lowLatency: ModelBundle;
before(async () => {
  split = await loadBundle(TINY_SPLIT, { threads: 1 });
  single = await loadBundle(TINY_SINGLE, { threads: 1 });
  lowLatency = await loadBundle(TINY_SPLIT, { threads: 1, highThread: true });
});
after(async () => {
  await Promise.all([split, single, lowLatency].map((b) => b.release()));
});

describe('warm-up before the first frame', () => {
  const cases = [
    ['per-frame', { mode: 'per-frame' }],
    ['dff', { mode: 'dff', keyInterval: 2 }],
    ['adaptive, low latency (high stage on its thread)', { mode: 'adaptive', targetInterval: 2, lowLatency: true }],
    ['adaptive, synchronous', { mode: 'adaptive', targetInterval: 2, lowLatency: false }],
    ['fused, bidirectional', { mode: 'fused', fusion: 'bidirectional', window: 3 }],
    ['fused, causal', { mode: 'fused', fusion: 'causal' }],
  ] as const;
  for (const [name, s] of cases) {
    for (const [kind, pick] of [['split', () => (name.includes('low latency') ? lowLatency : split)], ['single graph', () => single]] as const) {
      test(`${name}, ${kind} bundle: runs the whole pipeline on synthetic frames and reports its time`, async () => {
        const ms = await warmUp(pick(), segmentSettings({ model: TINY_SPLIT, threads: 1, ...s }));
        assert.ok(ms > 0 && Number.isFinite(ms));
      });
    }
  }

  test('0 frames does nothing; the default is a few frames', async () => {
    assert.equal(await warmUp(split, segmentSettings({ model: TINY_SPLIT, mode: 'dff' }), 0), 0);
    assert.ok(WARMUP_FRAMES >= 3 && WARMUP_FRAMES <= 10);
  });
});
