import assert from 'node:assert/strict';
import { test } from 'node:test';
import { framePercent, nextMarked, sparklinePath } from './timeline-geometry.ts';

test('frame positions span 0..100 %', () => {
  assert.equal(framePercent(0, 11), 0);
  assert.equal(framePercent(10, 11), 100);
  assert.equal(framePercent(0, 1), 0);
});

test('sparkline breaks at unknown TC and maps the range top to the top', () => {
  assert.equal(sparklinePath([null, 1, 0.5, null, 0.75], 5, 40, 10, { min: 0.5, max: 1 }), 'M10.0 0.0 L20.0 10.0 M40.0 5.0');
  assert.equal(sparklinePath([0.2, 0.3], 2, 10, 10, { min: 0.2, max: 0.3 }), 'M0.0 10.0 L10.0 0.0');
});

test('next / previous marked frame', () => {
  assert.equal(nextMarked([0, 5, 10], 5, 1), 10);
  assert.equal(nextMarked([0, 5, 10], 5, -1), 0);
  assert.equal(nextMarked([0, 5, 10], 10, 1), null);
  assert.equal(nextMarked([0, 5, 10], 0, -1), null);
});
