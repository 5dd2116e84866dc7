import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeGray8, encodeGray8 } from './png.ts';

test('grey PNG round trip keeps every byte', () => {
  const data = Uint8Array.from({ length: 5 * 3 }, (_, i) => (i * 37) % 256);
  const back = decodeGray8(encodeGray8(5, 3, data));
  assert.equal(back.width, 5);
  assert.equal(back.height, 3);
  assert.deepEqual(Array.from(back.data), Array.from(data));
});
