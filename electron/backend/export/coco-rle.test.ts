import test from 'node:test';
import assert from 'node:assert/strict';
import { countsToString, decodeRle, encodeRle, maskBbox, rleCountsOf, stringToCounts } from './coco-rle.ts';

test('counts are column-major and start with a run of zeros', () => {
  // 2x2 [[0,1],[1,1]] read by columns: 0,1 | 1,1
  assert.deepEqual(rleCountsOf(Uint8Array.from([0, 1, 1, 1]), 2, 2), [1, 3]);
  // first pixel set: leading zero-length run
  assert.deepEqual(rleCountsOf(Uint8Array.from([1, 0, 0, 0]), 2, 2), [0, 1, 3]);
  // 3 wide x 2 high, row-major [[1,0,0],[1,1,0]] → columns (1,1) (0,1) (0,0)
  assert.deepEqual(rleCountsOf(Uint8Array.from([1, 0, 0, 1, 1, 0]), 3, 2), [0, 2, 1, 1, 2]);
});

test('string compression matches pycocotools for hand-computed literals', () => {
  assert.equal(countsToString([1, 3]), '13');
  // 4th count is written as 40 - 2 = 38 = 0b1_00110 → groups 6 (+0x20 more) then 1: 'V1'
  assert.equal(countsToString([5, 2, 3, 40]), '523V1');
  // negative delta 1 - 2 = -1 → single group 31 with sign bit: 'O'
  assert.equal(countsToString([10, 2, 3, 1]), ':23O');
  // deltas from the 4th count on: 1 - 2 = -1 ('O'), 2 - 1 = 1
  assert.equal(countsToString([0, 2, 1, 1, 2]), '021O1');
  for (const s of ['13', '523V1', ':23O', '021O1']) assert.equal(countsToString(stringToCounts(s)), s);
  assert.deepEqual(stringToCounts('523V1'), [5, 2, 3, 40]);
  assert.deepEqual(stringToCounts(':23O'), [10, 2, 3, 1]);
});

test('large counts (1080p full frame) round-trip', () => {
  const counts = [0, 1920 * 1080];
  assert.deepEqual(stringToCounts(countsToString(counts)), counts);
  const c2 = [1000000, 3, 5, 2073600 - 1000008];
  assert.deepEqual(stringToCounts(countsToString(c2)), c2);
});

test('encodeRle / decodeRle round-trip random masks; bbox is [x, y, w, h]', () => {
  let s = 12345;
  for (let k = 0; k < 20; k++) {
    const w = 1 + (k % 7) * 3;
    const h = 1 + (k % 5) * 4;
    const m = new Uint8Array(w * h);
    for (let i = 0; i < m.length; i++) {
      s = (s * 1103515245 + 12345) >>> 0;
      m[i] = (s >>> 16) % 3 === 0 ? 1 : 0;
    }
    const rle = encodeRle(m, w, h);
    assert.deepEqual(rle.size, [h, w]);
    assert.deepEqual(decodeRle(rle), m);
  }
  assert.deepEqual(maskBbox(Uint8Array.from([0, 0, 0, 0, 1, 1, 0, 1, 0]), 3, 3), [1, 1, 2, 2]);
  assert.deepEqual(maskBbox(new Uint8Array(4), 2, 2), [0, 0, 0, 0]);
  assert.throws(() => decodeRle({ size: [2, 2], counts: '5' }), /exceed/);
});
