/**
 * The superpixel worker: a thin shell over core's computeSuperpixels, so the UI thread never
 * runs SLIC. Answers each request with the superpixels (typed arrays transferred) and the time
 * it took, or a one-line error.
 */
import { resampleRgba } from '../../../electron/core/superpixel/lab.ts';
import { computeSuperpixels, superpixelBuffers } from '../../../electron/core/superpixel/superpixels.ts';
import type { SuperpixelReply, SuperpixelRequest } from './superpixel-protocol.ts';

/** What this file uses of a dedicated worker's global scope (the renderer is typed with DOM only). */
interface WorkerScope {
  onmessage: ((e: MessageEvent<SuperpixelRequest>) => void) | null;
  postMessage(message: SuperpixelReply, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const r = e.data;
  const t0 = performance.now();
  try {
    const rgba = r.width === r.toWidth && r.height === r.toHeight ? r.rgba : resampleRgba(r.rgba, r.width, r.height, r.toWidth, r.toHeight);
    const superpixels = computeSuperpixels(rgba, r.toWidth, r.toHeight, { size: r.size });
    scope.postMessage({ id: r.id, ok: true, superpixels, ms: performance.now() - t0 }, superpixelBuffers(superpixels));
  } catch (err) {
    scope.postMessage({ id: r.id, ok: false, message: (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'superpixels failed' }, []);
  }
};
