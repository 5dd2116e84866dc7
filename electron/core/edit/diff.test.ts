import test from 'node:test';
import assert from 'node:assert/strict';
import { DiffBuilder, applyDiff, revertDiff, diffPixelCount } from './diff.ts';
import { composeDiffs } from './compose.ts';
import { deserializeDiff, serializeDiff } from './serialize.ts';
import { labelsFrom, rowsOf } from './test-helpers.ts';

test('DiffBuilder records runs of changed pixels only and apply/revert are exact inverses', () => {
  const l = labelsFrom(['0011', '2233']);
  const before = l.data.slice();
  const b = new DiffBuilder(l, 0);
  b.span(0, 4, 1); // pixels 0,1 change; 2,3 already 1
  b.set(5, 2); // unchanged
  b.set(6, 5);
  b.set(7, 5);
  const d = b.finish();
  assert.deepEqual([...d.runs], [0, 2, 6, 2]);
  assert.deepEqual([...d.newValues], [1, 5]);
  assert.deepEqual([...d.oldValues], [0, 0, 3, 3]);
  applyDiff(l, d);
  assert.deepEqual(rowsOf(l), ['1111', '2255']);
  revertDiff(l, d);
  assert.deepEqual(l.data, before);
});

test('DiffBuilder rejects offsets out of order', () => {
  const b = new DiffBuilder(labelsFrom(['000']), 0);
  b.set(2, 1);
  assert.throws(() => b.set(1, 1), /increase/);
});

test('composeDiffs keeps first old and last new per pixel and drops round trips', () => {
  const l = labelsFrom(['0000']);
  const b1 = new DiffBuilder(l, 3);
  b1.span(0, 3, 1);
  const d1 = b1.finish();
  applyDiff(l, d1);
  const b2 = new DiffBuilder(l, 3);
  b2.span(1, 4, 2);
  const d2 = b2.finish();
  applyDiff(l, d2);
  const b3 = new DiffBuilder(l, 3);
  b3.set(3, 0);
  const d3 = b3.finish();
  applyDiff(l, d3);
  const c = composeDiffs([d1, d2, d3]);
  assert.equal(c.frame, 3);
  assert.deepEqual([...c.runs], [0, 1, 1, 2]);
  assert.deepEqual([...c.newValues], [1, 2]);
  assert.equal(diffPixelCount(c), 3);
  revertDiff(l, c);
  assert.deepEqual(rowsOf(l), ['0000']);
});

test('serializeDiff round-trips through JSON and deserializeDiff rejects inconsistent data', () => {
  const l = labelsFrom(['0123', '4567']);
  const b = new DiffBuilder(l, 7);
  b.span(1, 7, 9);
  const d = b.finish();
  const back = deserializeDiff(JSON.parse(JSON.stringify(serializeDiff(d))));
  assert.deepEqual(back, d);
  const bad = { ...serializeDiff(d), oldValues: '' };
  assert.throws(() => deserializeDiff(bad), /oldValues/);
  assert.throws(() => deserializeDiff({ ...serializeDiff(d), width: 1, height: 1 }), /leave the frame/);
});
