/**
 * The flow worker thread: a thin command switch over flow-grid.ts (overlay flow, propagation
 * flow pairs) and propagate-job.ts (the propagation preview itself), so neither DIS nor the label
 * warp runs on the backend's event loop. One request at a time, in order;
 * results posted with their buffers transferred. Started through flow-entry.mjs (registers tsx
 * first); bundled as dist/electron/flow-entry.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { toWireError } from '../../core/errors.ts';
import { flowGrid, flowPairs, type FlowPairs } from './flow-grid.ts';
import type { FromFlowWorker, ToFlowWorker } from './protocol.ts';
import { runPropagateJob } from './propagate-job.ts';

const port = parentPort;
if (!port) throw new Error('flow worker must run in a worker thread');

function buffersOf(p: FlowPairs): ArrayBuffer[] {
  const all = [p.ab.forward.data, p.ab.backward.data, p.ab.occluded, p.ba.occluded];
  return all.map((a) => a.buffer as ArrayBuffer);
}

function answer(m: ToFlowWorker): { reply: FromFlowWorker; transfer: ArrayBuffer[] } {
  if (m.type === 'propagate') {
    const diffs = runPropagateJob(m.job);
    return { reply: { type: 'propagate', id: m.id, diffs }, transfer: [] };
  }
  if (m.type === 'pairs') {
    const pairs = flowPairs(m.a, m.b, m.maxSide);
    return { reply: { type: 'pairs', id: m.id, pairs }, transfer: buffersOf(pairs) };
  }
  const { flow, scale } = flowGrid(m.a, m.b, m.maxWidth);
  return { reply: { type: 'flow', id: m.id, width: flow.width, height: flow.height, data: flow.data, scale }, transfer: [flow.data.buffer as ArrayBuffer] };
}

port.on('message', (m: ToFlowWorker) => {
  try {
    const { reply, transfer } = answer(m);
    port.postMessage(reply, transfer);
  } catch (e) {
    port.postMessage({ type: 'error', id: m.id, error: toWireError(e) } satisfies FromFlowWorker);
  }
});
