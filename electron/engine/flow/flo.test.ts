import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFlo, encodeFlo, FLO_MAGIC } from './flo.ts';

test('.flo round trip keeps size and every float; header is magic, width, height (little-endian)', () => {
  const data = new Float32Array([0, 1, -2.5, 3.25, 1e-3, -1e6, 7, 8, 9, 10, 11, 12]);
  const bytes = encodeFlo({ width: 3, height: 2, data });
  assert.equal(bytes.length, 12 + 12 * 4);
  const view = new DataView(bytes.buffer);
  assert.equal(view.getFloat32(0, true), FLO_MAGIC);
  assert.equal(view.getInt32(4, true), 3);
  assert.equal(view.getInt32(8, true), 2);
  assert.equal(Buffer.from(bytes.subarray(0, 4)).toString('latin1'), 'PIEH');
  const back = decodeFlo(bytes);
  assert.equal(back.width, 3);
  assert.equal(back.height, 2);
  assert.deepEqual(Array.from(back.data), Array.from(data));
});

test('decodeFlo rejects bad magic and truncated data with one-line errors', () => {
  const bytes = encodeFlo({ width: 2, height: 2, data: new Float32Array(8) });
  const bad = bytes.slice();
  bad[0] = 0;
  assert.throws(() => decodeFlo(bad), /bad magic/);
  assert.throws(() => decodeFlo(bytes.subarray(0, 20)), /truncated/);
  assert.throws(() => decodeFlo(new Uint8Array(3)), /too short/);
});
