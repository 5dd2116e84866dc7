import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfusionMatrix } from './confusion.ts';

const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-12, `${a} != ${b}`);

test('per-class IoU, mIoU and pixel accuracy on a hand-computed 3-class example', () => {
  // gt:   0 0 1 1 2 255
  // pred: 0 1 1 1 0 2
  const cm = new ConfusionMatrix(3);
  cm.add(Uint8Array.from([0, 0, 1, 1, 2, 255]), Uint8Array.from([0, 1, 1, 1, 0, 2]));
  const s = cm.scores();
  // class 0: TP 1, FP 1 (gt 2 → 0), FN 1 (gt 0 → 1): 1/3. class 1: TP 2, FP 1, FN 0: 2/3. class 2: TP 0, FN 1: 0.
  close(s.iou[0]!, 1 / 3);
  close(s.iou[1]!, 2 / 3);
  close(s.iou[2]!, 0);
  close(s.miou, (1 / 3 + 2 / 3 + 0) / 3);
  close(s.pixelAccuracy, 3 / 5);
  assert.equal(s.pixels, 5);
});

test('accumulates over frames before averaging; classes absent from GT and prediction are excluded', () => {
  const cm = new ConfusionMatrix(4);
  cm.add({ width: 2, height: 1, data: Uint8Array.from([0, 0]) }, { width: 2, height: 1, data: Uint8Array.from([0, 0]) });
  cm.add({ width: 2, height: 1, data: Uint8Array.from([1, 1]) }, { width: 2, height: 1, data: Uint8Array.from([1, 0]) });
  const s = cm.scores();
  close(s.iou[0]!, 2 / 3); // TP 2, FP 1
  close(s.iou[1]!, 1 / 2); // TP 1, FN 1
  assert.ok(Number.isNaN(s.iou[2]!) && Number.isNaN(s.iou[3]!));
  close(s.miou, (2 / 3 + 1 / 2) / 2);
});

test('ignoreIndex, masks and invalid predictions', () => {
  const cm = new ConfusionMatrix(2, { ignoreIndex: 9 });
  cm.add(Uint8Array.from([9, 0, 1, 1]), Uint8Array.from([1, 0, 7, 1]), Uint8Array.from([1, 1, 1, 0]));
  const s = cm.scores();
  // counted: (0→0), (1→7 invalid). class 0: 1/1; class 1: TP 0, FN 1 → 0.
  close(s.iou[0]!, 1);
  close(s.iou[1]!, 0);
  close(s.pixelAccuracy, 0.5);
  assert.throws(() => cm.add(new Uint8Array(2), new Uint8Array(3)), /sizes differ/);
  cm.reset();
  assert.ok(Number.isNaN(cm.scores().miou));
});
