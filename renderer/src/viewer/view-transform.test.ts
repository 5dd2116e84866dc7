import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasToImage, fitView, oneToOneView, panView, zoomAbout } from './view-transform.ts';

test('fit centres the whole image at the largest scale that fits', () => {
  assert.deepEqual(fitView({ width: 200, height: 100 }, { width: 400, height: 400 }), { scale: 2, x: 0, y: 100 });
});

test('1:1 lands on whole canvas pixels', () => {
  const v = oneToOneView({ width: 101, height: 51 }, { width: 400, height: 300 });
  assert.equal(v.scale, 1);
  assert.ok(Number.isInteger(v.x) && Number.isInteger(v.y));
});

test('zooming about the cursor keeps the image point under it', () => {
  const v = { scale: 1.5, x: 10, y: 20 };
  const before = canvasToImage(v, 123, 77);
  const z = zoomAbout(v, 123, 77, 2.5);
  const after = canvasToImage(z, 123, 77);
  assert.ok(Math.abs(before.x - after.x) < 1e-9 && Math.abs(before.y - after.y) < 1e-9);
  assert.equal(z.scale, 3.75);
});

test('pan moves by the drag distance; zoom is clamped', () => {
  assert.deepEqual(panView({ scale: 2, x: 1, y: 2 }, 5, -3), { scale: 2, x: 6, y: -1 });
  assert.equal(zoomAbout({ scale: 60, x: 0, y: 0 }, 0, 0, 10).scale, 64);
});
