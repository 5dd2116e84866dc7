import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultTrackName, uniqueName } from './engine-names.ts';
import { tcFromSummary } from './track-info.ts';

test('default track names say the mode and its main setting', () => {
  assert.equal(defaultTrackName('per-frame', {}), 'per-frame');
  assert.equal(defaultTrackName('dff', { keyInterval: 3 }), 'dff K=3');
  assert.equal(defaultTrackName('dff', {}), 'dff K=5');
  assert.equal(defaultTrackName('adaptive', { targetInterval: 8 }), 'adaptive T=8');
  assert.equal(defaultTrackName('adaptive', { targetInterval: 8, lowLatency: true }), 'adaptive T=8 low-latency');
  assert.equal(defaultTrackName('fused', { fusion: 'bidirectional' }), 'fused (bidirectional)');
});

test('unique names count up, ignoring case', () => {
  assert.equal(uniqueName('dff K=5', []), 'dff K=5');
  assert.equal(uniqueName('dff K=5', ['DFF k=5', 'dff K=5 (2)']), 'dff K=5 (3)');
});

test('per-frame TC comes from summary records by index', () => {
  const r = tcFromSummary({ tc: 0.8, records: [{ index: 0, tcPrev: null }, { index: 2, tcPrev: 0.7 }, { index: 1, tcPrev: 0.9 }, { index: -1, tcPrev: 1 }] });
  assert.deepEqual(r.tc, [null, 0.9, 0.7]);
  assert.equal(r.tcMean, 0.8);
  assert.deepEqual(tcFromSummary('nonsense'), { tc: [], tcMean: null });
});
