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
    ['adaptive, batch schedule', { mode: 'adaptive', targetInterval: 2, lowLatency: false }],
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

  test('stops taking new frames once its time budget is spent', async () => {
    // A bundle whose model takes 40 ms a frame: a spent budget stops it after the first frame.
    let runs = 0;
    const slowFull = async (x: Float32Array) => {
      runs++;
      await new Promise((r) => setTimeout(r, 40));
      return single.full(x);
    };
    const slow: ModelBundle = { ...single, full: slowFull };
    const settings = segmentSettings({ model: TINY_SINGLE, mode: 'per-frame' });
    assert.ok((await warmUp(slow, settings, 6, 0)) >= 40);
    assert.equal(runs, 1);
    runs = 0;
    assert.ok((await warmUp(slow, settings, 6, 60_000)) >= 6 * 40);
    assert.equal(runs, 6);
  });

  test('0 frames does nothing; the default is a few frames', async () => {
    assert.equal(await warmUp(split, segmentSettings({ model: TINY_SPLIT, mode: 'dff' }), 0), 0);
    assert.ok(WARMUP_FRAMES >= 3 && WARMUP_FRAMES <= 10);
  });
});
