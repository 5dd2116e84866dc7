import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGoto } from './goto.ts';

test('go to frame takes a 0-based index inside the clip and explains anything else in one line', () => {
  assert.deepEqual(parseGoto(' 7 ', 10), { index: 7 });
  assert.deepEqual(parseGoto('0', 10), { index: 0 });
  assert.deepEqual(parseGoto('10', 10), { error: 'Frame 10 is past the last frame (9)' });
  assert.deepEqual(parseGoto('-1', 10), { error: 'Type a frame number from 0 to 9' });
  assert.deepEqual(parseGoto('3.5', 10), { error: 'Type a frame number from 0 to 9' });
});
