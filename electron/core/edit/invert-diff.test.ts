import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyDiff, DiffBuilder } from './index.ts';
import { invertDiff } from './invert-diff.ts';

test('applying a diff then its inverse restores every pixel; the inverse of the inverse is the diff', () => {
  const before = Uint8Array.from([0, 1, 2, 2, 2, 5, 5, 0, 9, 9, 9, 9]);
  const labels = { width: 4, height: 3, data: before.slice() };
  const b = new DiffBuilder(labels, 7);
  for (const off of [1, 2, 3, 4, 6, 9, 10]) b.set(off, 3);
  const d = b.finish();
  applyDiff(labels, d);
  const inv = invertDiff(d);
  assert.equal(inv.frame, 7);
  applyDiff(labels, inv);
  assert.deepEqual(labels.data, before);
  const back = invertDiff(inv);
  assert.deepEqual([...back.oldValues], [...d.oldValues]);
  applyDiff(labels, back);
  assert.deepEqual([...labels.data], [0, 3, 3, 3, 3, 5, 3, 0, 9, 3, 3, 9]);
});
