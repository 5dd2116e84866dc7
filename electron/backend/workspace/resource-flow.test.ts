import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FlowWorker } from '../../engine/flow-worker/client.ts';
import type { DecodedFrame } from '../video/types.ts';
import { FlowService } from './flow-service.ts';
import { FlowCache, type FlowResult } from './resource-flow.ts';

function frame(index: number, width = 96, height = 64): DecodedFrame {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.fill((((i % width) + index) * 37) % 251, 4 * i, 4 * i + 3);
  return { index, width, height, rgba } as DecodedFrame;
}
const frames = async (_v: string, i: number) => frame(i);
const tick = () => new Promise((r) => setImmediate(r));
const result = (n: number): FlowResult => ({ flow: { width: 1, height: 1, data: new Float32Array([n, 0]) }, scale: 1 });

function fakeCompute() {
  const started: { index: number; resolve(r: FlowResult): void; reject(e: Error): void }[] = [];
  const compute = (a: DecodedFrame) => new Promise<FlowResult>((resolve, reject) => started.push({ index: a.index, resolve, reject }));
  return { started, compute };
}

test('one flow computes at a time; the newest waiting request runs next and the oldest beyond the bound is cancelled', async () => {
  const f = fakeCompute();
  const c = new FlowCache(frames, { compute: f.compute, maxQueued: 2 });
  const r0 = c.get('v', 0);
  const [r1, r2, r3] = [1, 2, 3].map((i) => c.get('v', i));
  await assert.rejects(r1!, (e: Error & { code?: string }) => e.code === 'CANCELLED' && /superseded/.test(e.message) && !e.message.includes('\n'));
  await tick();
  assert.deepEqual(f.started.map((s) => s.index), [0]);
  f.started[0]!.resolve(result(0));
  assert.equal((await r0).flow.data[0], 0);
  await tick();
  assert.deepEqual(f.started.map((s) => s.index), [0, 3]);
  f.started[1]!.resolve(result(3));
  await r3;
  await tick();
  f.started[2]!.resolve(result(2));
  assert.equal((await r2).flow.data[0], 2);
  assert.equal(c.queued, 0);
});

test('results are cached and shared; a failure is evicted so the next request computes again', async () => {
  const f = fakeCompute();
  const c = new FlowCache(frames, { compute: f.compute });
  const a = c.get('v', 5);
  assert.equal(c.get('v', 5), a);
  await tick();
  f.started[0]!.reject(new Error('boom'));
  await assert.rejects(a, /boom/);
  const b = c.get('v', 5);
  assert.notEqual(b, a);
  await tick();
  f.started[1]!.resolve(result(5));
  assert.equal(await c.get('v', 5), await b);
});

test("the flow service computes overlay DIS flow in its worker thread at the overlay size", async () => {
  const c = new FlowService(async (_v, i) => frame(i, 960, 540));
  try {
    const r = await c.get('v', 0);
    assert.deepEqual([r.flow.width, r.flow.height, r.scale], [480, 270, 2]);
    assert.equal(r.flow.data.length, 480 * 270 * 2);
    assert.ok(r.flow.data.every(Number.isFinite));
  } finally {
    await c.dispose();
  }
});

test('a worker that cannot start rejects with a one-line error, never a hang', async () => {
  const w = new FlowWorker(new URL('./no-such-entry.mjs', import.meta.url));
  await assert.rejects(w.compute(frame(0), frame(1), 480), (e: Error) => /flow worker (crashed|exited)/.test(e.message) && !e.message.includes('\n'));
  await w.dispose();
});
