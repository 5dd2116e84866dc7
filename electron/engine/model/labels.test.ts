import assert from 'node:assert/strict';
import { test } from 'node:test';
import { probabilitiesToLabels } from './labels.ts';
import { softmaxChannels, toChw } from './probabilities.ts';

test('softmax over channels sums to one and keeps the order', () => {
  const t = softmaxChannels({ channels: 3, height: 1, width: 2, data: Float32Array.from([0, 5, 1, 0, 2, 10]) });
  assert.ok(Math.abs(t.data[0]! + t.data[2]! + t.data[4]! - 1) < 1e-6);
  assert.ok(t.data[5]! > t.data[1]! && t.data[1]! > t.data[3]!);
});

test('NHWC output is transposed to CHW', () => {
  const t = toChw(Float32Array.from([1, 2, 3, 4, 5, 6]), [1, 1, 2, 3], 'NHWC');
  assert.deepEqual(Array.from(t.data), [1, 4, 2, 5, 3, 6]);
});

test('labels at frame size: argmax of upsampled probabilities, confidence = max x 255', () => {
  // 2 classes on a 2x1 grid: left pixel class 0 (0.9), right pixel class 1 (0.8).
  const p = { channels: 2, height: 1, width: 2, data: Float32Array.from([0.9, 0.2, 0.1, 0.8]) };
  const { labels, confidence } = probabilitiesToLabels(p, 8, 2);
  assert.deepEqual(Array.from(labels.data.subarray(0, 8)), [0, 0, 0, 0, 1, 1, 1, 1]);
  assert.ok(Math.abs(confidence[0]! - 0.9 * 255) <= 1);
  assert.ok(Math.abs(confidence[7]! - 0.8 * 255) <= 1);
});
