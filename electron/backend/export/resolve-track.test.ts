import test from 'node:test';
import assert from 'node:assert/strict';
import { stemMapFor } from '../../core/frame-stems.ts';
import { frameRange } from './resolve-track.ts';

test('export frames map stems to video frames through the source naming, not a digits guess', () => {
  // A frames folder whose files are numbered from 10: file 000011.png is the folder's frame 1.
  const folder = stemMapFor({ kind: 'frames', frameNames: ['000010.png', '000011.png', '000012.png'] });
  assert.deepEqual(frameRange(['000011', '000012'], undefined, undefined, folder).map((f) => f.videoFrame), [1, 2]);
  // A video names frames by index (the default).
  assert.deepEqual(frameRange(['000004', '000005'], 1, 1).map((f) => [f.index, f.stem, f.videoFrame]), [[1, '000005', 5]]);
});
