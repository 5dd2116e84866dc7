/** The app's edit controller (the one store, the real backend) and the superpixels it paints with. */
import { client, bridge } from '../client/bridge.ts';
import { outbox } from '../client/connection.ts';
import { appStore } from '../store/index.ts';
import { createEditController } from './edit-controller.ts';
import { fetchFrame, fetchLabels, invalidateLabels } from '../client/resources.ts';
import { createSuperpixelSource, type WorkerLike } from './superpixel-source.ts';
import type { SuperpixelReply } from './superpixel-protocol.ts';
import workerUrl from './superpixel-worker.ts?worker&url';

/** The superpixel worker, its URL carrying the review host's token like every other asset. */
function spawnWorker(): WorkerLike {
  const w = new Worker(bridge.frameQuery ? `${workerUrl}${workerUrl.includes('?') ? '&' : '?'}${bridge.frameQuery}` : workerUrl);
  const like: WorkerLike = { postMessage: (m, transfer) => w.postMessage(m, transfer), onmessage: null, onerror: null, terminate: () => w.terminate() };
  w.onmessage = (e: MessageEvent<SuperpixelReply>) => like.onmessage?.(e);
  w.onerror = (e) => like.onerror?.(e);
  return like;
}

export const superpixels = createSuperpixelSource({
  spawn: spawnWorker,
  frame: async (videoId, index) => {
    const f = await fetchFrame(bridge, videoId, index);
    return { width: f.width, height: f.height, rgba: new Uint8ClampedArray(f.rgba.buffer as ArrayBuffer, f.rgba.byteOffset, f.rgba.length) };
  },
  status: (s) => {
    appStore.getState().setSuperpixelStatus(s);
    if (s?.state === 'error') appStore.getState().notify('error', `Superpixels of frame ${s.frame}: ${s.message ?? 'failed'}`);
  },
});

export const editing = createEditController(appStore, {
  call: (name, req) => client.call(name, req),
  fetchLabels: (projectId, trackId, index, raw) => fetchLabels(projectId, trackId, index, raw),
  apply: (dir, req) => outbox.enqueue(dir, req),
  settled: () => outbox.idle(),
  onLabelsSaved: (projectId, trackId, frames) => {
    invalidateLabels(projectId, trackId, frames);
    appStore.getState().bumpLabelsSaved();
  },
  superpixels: (frame) => superpixels.forFrame(frame),
});
