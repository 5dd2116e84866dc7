import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTimecode, frameAtTime } from './timecode.ts';

test('timecode is HH:MM:SS.mmm', () => {
  assert.equal(formatTimecode(0), '00:00:00.000');
  assert.equal(formatTimecode(3723.0456), '01:02:03.046');
});

test('frameAtTime follows variable frame timing', () => {
  const ts = [0, 0.04, 0.05, 0.2, 0.21];
  assert.equal(frameAtTime(ts, 0), 0);
  assert.equal(frameAtTime(ts, 0.049), 1);
  assert.equal(frameAtTime(ts, 0.19), 2);
  assert.equal(frameAtTime(ts, 5), 4);
  assert.equal(frameAtTime([], 1), 0);
});
