// One ONNX session in its own worker thread (plain JavaScript: no TypeScript loader needed).
// onnxruntime-node's InferenceSession.run() computes synchronously on the calling thread (inside a
// setImmediate), so a stage that must really run beside the main thread's work needs a thread of
// its own. Messages: {id, feeds: {name: {data, dims}}, output} -> {id, data, dims} or {id, error}.
// workerData.nice: raise this thread's nice value by that much first (thread-priority.mjs), before
// the session exists, so that ORT's own threads inherit it; 'ready' reports what was done.
import { parentPort, workerData } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';
import { lowerThreadPriority } from './thread-priority.mjs';

ort.env.logLevel = 'fatal';
const port = parentPort;
const priority = workerData.nice > 0 ? lowerThreadPriority(workerData.nice) : { applied: false, reason: 'not asked' };
let session;
try {
  session = await ort.InferenceSession.create(workerData.path, workerData.options);
  port.postMessage({ type: 'ready', priority });
} catch (e) {
  port.postMessage({ type: 'failed', error: String(e && e.message ? e.message : e).split('\n')[0] });
}
port.on('message', async (m) => {
  if (m.type === 'release') {
    await session?.release();
    port.close();
    return;
  }
  try {
    const feeds = {};
    for (const [k, v] of Object.entries(m.feeds)) feeds[k] = new ort.Tensor('float32', v.data, v.dims);
    const r = await session.run(feeds, [m.output]);
    const t = r[m.output];
    const data = new Float32Array(t.data);
    port.postMessage({ id: m.id, data, dims: t.dims }, [data.buffer]);
  } catch (e) {
    port.postMessage({ id: m.id, error: String(e && e.message ? e.message : e).split('\n')[0] });
  }
});
