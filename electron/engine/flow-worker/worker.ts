/**
 * The flow worker thread: a thin command switch over flowGrid (flow-grid.ts), so DIS never runs
 * on the host's event loop. One request at a time; results posted with their buffer transferred.
 * Started through entry.mjs (registers tsx first); bundled as dist/electron/flow-entry.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { toWireError } from '../../core/errors.ts';
import { flowGrid } from './flow-grid.ts';
import type { FromFlowWorker, ToFlowWorker } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('flow worker must run in a worker thread');

port.on('message', (m: ToFlowWorker) => {
  let reply: FromFlowWorker;
  try {
    const { flow, scale } = flowGrid(m.a, m.b, m.maxWidth);
    reply = { type: 'flow', id: m.id, width: flow.width, height: flow.height, data: flow.data, scale };
  } catch (e) {
    reply = { type: 'error', id: m.id, error: toWireError(e) };
  }
  port.postMessage(reply, reply.type === 'flow' ? [reply.data.buffer as ArrayBuffer] : []);
});
