import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paintLabels } from './label-paint.ts';
import { classPalette } from '../../../electron/core/palette.ts';
import { stepBrush } from '../store/edit-slice.ts';

test('brush steps always move by at least one pixel', () => {
  assert.equal(stepBrush(1, 1), 2);
  assert.equal(stepBrush(2, -1), 1);
  assert.equal(stepBrush(100, 1), 115);
});

test('painting colours classes, leaves void and hidden classes transparent, and honours the rectangle', () => {
  const pal = classPalette([{ id: 0, color: [10, 20, 30] }, { id: 1, color: [1, 2, 3] }], { ignoreIndex: 255, hidden: [1] });
  const labels = { width: 3, height: 1, data: Uint8Array.from([0, 1, 255]) };
  const out = new Uint8ClampedArray(12);
  paintLabels(labels, pal, out);
  assert.deepEqual([...out], [10, 20, 30, 255, 0, 0, 0, 0, 0, 0, 0, 0]);
  const part = new Uint8ClampedArray(12).fill(9);
  paintLabels(labels, pal, part, { x0: 1, y0: 0, x1: 2, y1: 1 });
  assert.deepEqual([...part.slice(0, 4)], [9, 9, 9, 9]);
});
