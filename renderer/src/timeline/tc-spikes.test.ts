import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sparkRange, spikeThreshold, tcLevel, tcSpikes } from './tc-spikes.ts';

/** A track wobbling around `level` (deterministic), with dips at the given frames. */
function track(level: number, n: number, dips: Record<number, number>): (number | null)[] {
  return Array.from({ length: n }, (_, i) => (i === 0 ? null : (dips[i] ?? level + 0.02 * Math.sin(i * 1.7))));
}

test('spikes are found relative to the track: a low-TC highway track finds its dips', () => {
  // mean TC about 0.55, as on the highway clip where the old absolute rule found nothing
  const tc = track(0.55, 120, { 30: 0.38, 77: 0.41 });
  assert.deepEqual(tcSpikes(tc, spikeThreshold(tc)), [30, 77]);
});

test('the same dips relative to a high-TC track are found as well, and the wobble is not', () => {
  const tc = track(0.95, 120, { 12: 0.8 });
  assert.deepEqual(tcSpikes(tc, spikeThreshold(tc)), [12]);
  assert.deepEqual(tcSpikes(track(0.95, 120, {}), spikeThreshold(track(0.95, 120, {}))), []);
});

test('the level is robust: many deep dips do not drag the threshold down with them', () => {
  const dips = Object.fromEntries([10, 20, 30, 40, 50, 60].map((i) => [i, 0.2]));
  const tc = track(0.6, 100, dips);
  assert.deepEqual(tcSpikes(tc, spikeThreshold(tc)), [10, 20, 30, 40, 50, 60]);
  const level = tcLevel(tc);
  assert.ok(level && Math.abs(level.median - 0.6) < 0.02);
});

test('a perfectly steady track uses the minimum spread; no TC means no threshold', () => {
  assert.deepEqual(tcLevel([0.9, 0.9, 0.9]), { median: 0.9, spread: 0.01 });
  assert.equal(spikeThreshold([null, null]), null);
  assert.deepEqual(tcSpikes([0.1, 0.2], null), []);
});

test('the sparkline range fits the data and includes the threshold', () => {
  const r = sparkRange([null, 0.52, 0.61, 0.55], 0.45);
  assert.ok(r.min < 0.45 && r.min > 0.4, `min ${r.min}`);
  assert.ok(r.max > 0.61 && r.max < 0.66, `max ${r.max}`);
  const flat = sparkRange([1, 1, 1], null);
  assert.ok(flat.max === 1 && flat.min < 1);
  assert.deepEqual(sparkRange([], null), { min: 0, max: 1 });
});

test('on a noisy per-frame track, a dip about 2.8 spreads under the median is a spike', () => {
  const tc = Array.from({ length: 200 }, (_, i) => (i === 90 ? 0.5 : 0.65 + 0.05 * Math.sin(i * 1.3)));
  const level = tcLevel(tc)!;
  const z = (level.median - 0.5) / level.spread;
  assert.ok(z > 2.5 && z < 3.5, `z = ${z.toFixed(2)}`);
  assert.deepEqual(tcSpikes(tc, spikeThreshold(tc)), [90]);
});
