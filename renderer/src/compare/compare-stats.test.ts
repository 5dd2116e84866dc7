import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frameStats } from './compare-stats.ts';

test('class shares of both tracks and the changed pixels', () => {
  const s = frameStats(new Uint8Array([0, 0, 1, 1]), new Uint8Array([0, 1, 1, 1]), [0, 1, 2]);
  assert.equal(s.changed, 1);
  assert.equal(s.changedShare, 0.25);
  assert.deepEqual(s.shares, [
    { id: 1, main: 0.5, compare: 0.75 },
    { id: 0, main: 0.5, compare: 0.25 },
  ]);
  const alone = frameStats(new Uint8Array([2, 2]), null, [0, 1, 2]);
  assert.equal(alone.changed, null);
  assert.deepEqual(alone.shares, [{ id: 2, main: 1, compare: null }]);
});
