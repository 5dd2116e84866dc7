import test from 'node:test';
import assert from 'node:assert/strict';
import { createSuperpixelSource, type WorkerLike } from './superpixel-source.ts';
import type { SuperpixelReply, SuperpixelRequest } from './superpixel-protocol.ts';
import type { SuperpixelStatus } from '../store/edit-slice.ts';
import type { Superpixels } from '../../../electron/core/superpixel/superpixels.ts';

const tiny = (count: number): Superpixels => ({
  width: 2, height: 1, count, labels: new Int32Array(2), means: new Float32Array(3 * count),
  runStart: new Int32Array(count + 1), runs: new Int32Array(0), adjStart: new Int32Array(count + 1), adj: new Int32Array(0),
});

function harness() {
  const workers: { posted: SuperpixelRequest[]; w: WorkerLike; terminated: boolean }[] = [];
  const statuses: (SuperpixelStatus | null)[] = [];
  const frames: number[] = [];
  const source = createSuperpixelSource({
    spawn: () => {
      const rec = { posted: [] as SuperpixelRequest[], terminated: false, w: null as unknown as WorkerLike };
      rec.w = { postMessage: (m) => void rec.posted.push(m), onmessage: null, onerror: null, terminate: () => void (rec.terminated = true) };
      workers.push(rec);
      return rec.w;
    },
    frame: async (_v, index) => {
      frames.push(index);
      return { width: 2, height: 1, rgba: new Uint8ClampedArray(8) };
    },
    status: (s) => void statuses.push(s),
  });
  const reply = (r: SuperpixelReply): void => workers[workers.length - 1]!.w.onmessage!({ data: r });
  return { source, workers, statuses, frames, reply };
}

const wish = (frame: number, size = 16) => ({ videoId: 'v', frame, width: 2, height: 1, size });
const settle = () => new Promise((r) => setTimeout(r, 0));

test('while the worker computes one frame only the latest wanted frame waits; results are kept per frame and size', async () => {
  const h = harness();
  h.source.want(wish(1));
  await settle();
  assert.deepEqual(h.workers[0]!.posted.map((r) => r.id), [1]);
  h.source.want(wish(2));
  h.source.want(wish(3));
  await settle();
  assert.equal(h.workers[0]!.posted.length, 1, 'nothing else is sent while the worker is busy');
  h.reply({ id: 1, ok: true, superpixels: tiny(5), ms: 9 });
  await settle();
  assert.deepEqual(h.frames, [1, 3], 'frame 2 was skipped');
  assert.equal(h.source.forFrame(1), null, 'frame 1 is not the wanted one any more');
  h.reply({ id: 2, ok: true, superpixels: tiny(7), ms: 9 });
  assert.equal(h.source.forFrame(3)?.count, 7);
  assert.deepEqual(h.statuses.at(-1), { frame: 3, size: 16, state: 'ready', count: 7, ms: 9 });
  h.source.want(wish(1));
  assert.equal(h.source.forFrame(1)?.count, 5, 'frame 1 came back from the cache');
  assert.equal(h.workers[0]!.posted.length, 2);
  h.source.want(wish(1, 24));
  assert.equal(h.source.forFrame(1), null, 'another size is computed again');
  assert.equal(h.statuses.at(-1)?.state, 'computing');
});

test('a failed frame or worker reports a one-line error; a crashed worker is replaced; dispose ends it', async () => {
  const h = harness();
  h.source.want(wish(1));
  await settle();
  h.reply({ id: 1, ok: false, message: 'superpixels: bad size 0×1' });
  assert.deepEqual(h.statuses.at(-1), { frame: 1, size: 16, state: 'error', message: 'superpixels: bad size 0×1' });
  h.source.want(wish(2));
  await settle();
  h.workers[0]!.w.onerror!({ message: 'boom' });
  assert.equal(h.statuses.at(-1)?.message, 'Superpixel worker failed: boom');
  assert.equal(h.workers[0]!.terminated, true);
  h.source.want(wish(4));
  await settle();
  assert.equal(h.workers.length, 2, 'a fresh worker');
  h.source.dispose();
  assert.equal(h.workers[1]!.terminated, true);
  h.source.want(null);
  assert.equal(h.statuses.at(-1), null);
});
