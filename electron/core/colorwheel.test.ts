import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flowColor, flowToColor } from './colorwheel.ts';

const rgb = (u: number, v: number): number[] => Array.from(flowColor(u, v));

test('Middlebury colour wheel: right is red, left cyan-blue, up blue-violet, down yellow-orange, zero white', () => {
  const [r, g, b] = rgb(1, 0);
  assert.ok(r === 255 && g < 20 && b < 60, `right ${[r, g, b]}`);
  const left = rgb(-1, 0);
  assert.ok(left[0]! < 20 && left[1]! > 150 && left[2]! === 255, `left ${left}`);
  const up = rgb(0, -1);
  assert.ok(up[2]! === 255 && up[1]! < 20 && up[0]! > 50 && up[0]! < 150, `up ${up}`);
  const down = rgb(0, 1);
  assert.ok(down[0]! === 255 && down[1]! > 180 && down[2]! < 20, `down ${down}`);
  assert.deepEqual(rgb(0, 0), [255, 255, 255]);
  // Half magnitude: half-way to white.
  const half = rgb(0.5, 0);
  assert.ok(half[0] === 255 && half[1]! > 120 && half[1]! < 140, `half ${half}`);
});

test('flowToColor normalises by the largest magnitude and writes opaque RGBA', () => {
  const rgba = flowToColor({ width: 2, height: 1, data: new Float32Array([4, 0, 2, 0]) });
  assert.equal(rgba.length, 8);
  assert.equal(rgba[3], 255);
  assert.equal(rgba[0], 255);
  assert.ok(rgba[1]! < 20, 'full magnitude is saturated red');
  assert.ok(rgba[5]! > 120, 'half magnitude is paler');
});
