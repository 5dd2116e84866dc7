import test from 'node:test';
import assert from 'node:assert/strict';
import { classPalette, colorizeRgb, PALETTE_BYTES } from './palette.ts';

const classes = [
  { id: 0, color: [10, 20, 30] as const },
  { id: 1, color: [200, 100, 50] as const },
  { id: 255, color: [1, 1, 1] as const },
];

test('the palette is opaque class colours; void, hidden and unknown ids are transparent', () => {
  const p = classPalette(classes, { hidden: [1] });
  assert.equal(p.length, PALETTE_BYTES);
  assert.deepEqual([...p.subarray(0, 4)], [10, 20, 30, 255]);
  assert.deepEqual([...p.subarray(4, 8)], [0, 0, 0, 0]);
  assert.deepEqual([...p.subarray(255 * 4)], [0, 0, 0, 0]);
  assert.deepEqual([...classPalette(classes, { opacity: 0.5 }).subarray(4, 8)], [200, 100, 50, 128]);
});

test('ignoreIndex null keeps every class (exports colour all ids); colorizeRgb drops alpha, unknown ids black', () => {
  const p = classPalette(classes, { ignoreIndex: null });
  assert.deepEqual([...p.subarray(255 * 4)], [1, 1, 1, 255]);
  const rgb = colorizeRgb({ width: 3, height: 1, data: new Uint8Array([1, 7, 255]) }, p);
  assert.deepEqual([...rgb], [200, 100, 50, 0, 0, 0, 1, 1, 1]);
});
