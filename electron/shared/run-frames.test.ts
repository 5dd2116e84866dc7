import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeRunFrames, meanTc, RunFrameLog } from './run-frames.ts';

test('merging adds key frames in order and fills TC by index, leaving the inputs alone', () => {
  const prev = { keyFrames: [0], tc: [null] as (number | null)[] };
  const m = mergeRunFrames(prev, [
    { index: 1, key: false, tcPrev: null },
    { index: 5, key: true, tcPrev: null },
    { index: 1, key: false, tcPrev: 0.9 },
  ]);
  assert.deepEqual(m.keyFrames, [0, 5]);
  assert.deepEqual(m.tc, [null, 0.9, null, null, null, null]);
  assert.equal(m.tcMean, 0.9);
  assert.deepEqual(prev, { keyFrames: [0], tc: [null] });
});

test('merging the same batch twice changes nothing; a late null does not erase a known TC', () => {
  const batch = [
    { index: 3, key: true, tcPrev: 0.5 },
    { index: 2, key: true, tcPrev: 0.7 },
  ];
  const once = mergeRunFrames({ keyFrames: [], tc: [] }, batch);
  const twice = mergeRunFrames(once, [...batch, { index: 3, key: true, tcPrev: null }]);
  assert.deepEqual(twice.keyFrames, [2, 3]);
  assert.deepEqual(twice.tc, once.tc);
  assert.equal(twice.tc[3], 0.5);
});

test('bad indices are ignored', () => {
  const m = mergeRunFrames({ keyFrames: [], tc: [] }, [{ index: -1, key: true, tcPrev: 1 }, { index: 1.5, key: true, tcPrev: 1 }]);
  assert.deepEqual(m, { keyFrames: [], tc: [], tcMean: null });
});

test('the backend log keeps everything and hands out each batch once, one entry per frame', () => {
  const log = new RunFrameLog();
  log.add([{ index: 0, key: true, tcPrev: null }]);
  log.add([{ index: 1, key: false, tcPrev: null }]);
  log.add([{ index: 1, key: false, tcPrev: 0.8 }, { index: 2, key: false, tcPrev: null }]);
  assert.deepEqual(log.take(), [
    { index: 0, key: true, tcPrev: null },
    { index: 1, key: false, tcPrev: 0.8 },
    { index: 2, key: false, tcPrev: null },
  ]);
  assert.deepEqual(log.take(), []);
  assert.deepEqual(log.snapshot(), { keyFrames: [0], tc: [null, 0.8, null] });
  assert.equal(meanTc(log.tc), 0.8);
});
