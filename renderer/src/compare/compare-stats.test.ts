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

test('the corrected compare histogram equals counting the compare track, on unaligned views too', () => {
  const main = Uint8Array.from({ length: 23 }, (_, i) => (i * 7) % 5);
  const other = Uint8Array.from(main, (v, i) => (i % 6 === 1 ? (v + 2) % 5 : v));
  for (const [a, b] of [[main, other], [main.subarray(1), other.subarray(1)]] as const) {
    const s = frameStats(a, b, [0, 1, 2, 3, 4]);
    const count = (arr: Uint8Array, id: number) => arr.filter((v) => v === id).length / arr.length;
    assert.equal(s.changed, a.filter((v, i) => v !== b[i]).length);
    for (const sh of s.shares) assert.equal(sh.compare, count(b, sh.id));
  }
});
