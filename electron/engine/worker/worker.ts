/**
 * The engine worker thread: a thin command switch over the pure engine (segment/job.ts).
 * Frames arrive as messages (transferred buffers) and are acknowledged when the pipeline takes
 * them (see FrameQueue), which is what the client's back-pressure waits on. A job without an
 * output folder posts each frame's labels and confidence back (buffers transferred). Started
 * through entry.mjs (registers tsx first).
 */
import { parentPort } from 'node:worker_threads';
import { toWireError, VssError } from '../../core/errors.ts';
import { segmentJob } from '../segment/job.ts';
import { FrameQueue } from './frame-queue.ts';
import type { FromWorker, ToWorker, WorkerTestHooks } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('engine worker must run in a worker thread');

const post = (m: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);
const queue = new FrameQueue((index) => post({ type: 'ack', index }));
const abort = new AbortController();
let test: WorkerTestHooks = {};
let started = false;

function testHooks(index: number): void {
  if (test.crashAt === index) setImmediate(() => {
    throw new Error('engine worker test crash');
  });
  if (test.exitAt === index) process.exit(3);
}

port.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'start': {
      if (started) return;
      started = true;
      test = m.test ?? {};
      segmentJob(m.job, queue, {
        signal: abort.signal,
        ...(test.failAt !== undefined ? { failAtFrame: test.failAt } : {}),
        onLoaded: (b) => post({ type: 'loaded', executionProvider: b.executionProvider, notes: b.notes }),
        onProgress: (progress) => post({ type: 'progress', progress }),
        onResult: (result) => post({ type: 'result', result }, [result.labels.buffer as ArrayBuffer, result.confidence.buffer as ArrayBuffer]),
      }).then(
        (summary) => {
          post({ type: 'done', summary });
          port.close();
        },
        (e: unknown) => {
          post({ type: 'error', error: toWireError(e) });
          port.close();
        },
      );
      return;
    }
    case 'frame':
      testHooks(m.frame.index);
      queue.push(m.frame);
      return;
    case 'end':
      queue.end();
      return;
    case 'cancel':
      abort.abort();
      queue.fail(new VssError('CANCELLED', 'cancelled'));
      return;
  }
});
