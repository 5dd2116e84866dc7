import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LatestFrameQueue, type FrameKey } from './latest-frame-queue.ts';

interface Deferred {
  index: number;
  resolve(v: string): void;
  reject(e: Error): void;
}

function harness(cache = new Map<number, string>()) {
  const loads: Deferred[] = [];
  const shown: number[] = [];
  const failed: [number, boolean][] = [];
  const q = new LatestFrameQueue<string>({
    load: (k: FrameKey) => new Promise<string>((resolve, reject) => loads.push({ index: k.index, resolve, reject })),
    cached: (k) => cache.get(k.index),
    show: (k) => void shown.push(k.index),
    fail: (k, _e, still) => void failed.push([k.index, still]),
  });
  const want = (index: number) => q.want({ videoId: 'v', index });
  return { q, loads, shown, failed, want };
}
const tick = () => new Promise((r) => setImmediate(r));

test('a response that arrives after a newer one is never shown', async () => {
  const h = harness();
  h.want(1);
  h.want(2);
  assert.deepEqual(h.loads.map((l) => l.index), [1, 2]);
  h.loads[1]!.resolve('f2');
  await tick();
  h.loads[0]!.resolve('f1');
  await tick();
  assert.deepEqual(h.shown, [2]);
});

test('at most two loads run; when one ends the newest wanted frame is next (frames in between are skipped)', async () => {
  const h = harness();
  for (const i of [1, 2, 3, 4, 5]) h.want(i);
  assert.deepEqual(h.loads.map((l) => l.index), [1, 2]);
  h.loads[0]!.resolve('f1');
  await tick();
  assert.deepEqual(h.loads.map((l) => l.index), [1, 2, 5]);
  h.loads[2]!.resolve('f5');
  await tick();
  h.loads[1]!.resolve('f2');
  await tick();
  assert.deepEqual(h.shown, [1, 5]);
});

test('cached frames show at once; a failed frame can be retried', async () => {
  const h = harness(new Map([[7, 'f7']]));
  h.want(7);
  assert.deepEqual(h.shown, [7]);
  h.want(8);
  h.loads[0]!.reject(new Error('boom'));
  await tick();
  assert.deepEqual(h.failed, [[8, true]]);
  h.want(8);
  assert.equal(h.loads.length, 2);
});
