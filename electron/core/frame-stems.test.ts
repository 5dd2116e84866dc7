import test from 'node:test';
import assert from 'node:assert/strict';
import { frameStem, stemMapFor, stemsToIndices } from './frame-stems.ts';

test('a video names frames by zero-padded index, and only all-digit stems are its frames', () => {
  const m = stemMapFor({ kind: 'video', frameNames: [] });
  assert.equal(m.stemOf(42), '000042');
  assert.equal(m.indexOf('000042'), 42);
  assert.equal(m.indexOf('frame_0042'), -1);
  assert.equal(frameStem({ kind: 'video', frameNames: [] }, 7), '000007');
  assert.deepEqual(stemsToIndices(stemMapFor(null), ['000003', 'x', '000001']), [1, 3]);
});

test('a frames folder names frames by file name without extension, both ways', () => {
  const src = { kind: 'frames' as const, frameNames: ['seq_0100.png', 'seq_0101.jpg', '.hidden'] };
  const m = stemMapFor(src);
  assert.deepEqual([0, 1, 2].map(m.stemOf), ['seq_0100', 'seq_0101', '.hidden']);
  assert.deepEqual([0, 1, 2].map((i) => frameStem(src, i)), ['seq_0100', 'seq_0101', '.hidden']);
  assert.equal(m.indexOf('seq_0101'), 1);
  // A digits-only stem is not a frame of a folder unless a file has that name.
  assert.equal(m.indexOf('000001'), -1);
});
