import assert from 'node:assert/strict';
import { test } from 'node:test';
import { framePercent, nextMarked, sparklinePath, spikeThreshold, tcSpikes } from './timeline-geometry.ts';

test('frame positions span 0..100 %', () => {
  assert.equal(framePercent(0, 11), 0);
  assert.equal(framePercent(10, 11), 100);
  assert.equal(framePercent(0, 1), 0);
});

test('sparkline breaks at unknown TC and maps 1 to the top', () => {
  assert.equal(sparklinePath([null, 1, 0.5, null, 0.75], 5, 40, 10), 'M10.0 0.0 L20.0 10.0 M40.0 5.0');
});

test('spikes are frames under the threshold; the default threshold sits under the mean', () => {
  assert.deepEqual(tcSpikes([null, 0.95, 0.6, 0.93], 0.8), [2]);
  assert.ok(spikeThreshold(0.95) < 0.9);
  assert.equal(spikeThreshold(null), 0.8);
});

test('next / previous marked frame', () => {
  assert.equal(nextMarked([0, 5, 10], 5, 1), 10);
  assert.equal(nextMarked([0, 5, 10], 5, -1), 0);
  assert.equal(nextMarked([0, 5, 10], 10, 1), null);
  assert.equal(nextMarked([0, 5, 10], 0, -1), null);
});
