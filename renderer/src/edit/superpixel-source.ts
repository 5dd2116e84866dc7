/**
 * Superpixels of the frame being edited, computed in a worker (never on the UI thread). One
 * request is in the worker at a time; while it runs only the latest wanted frame waits (older
 * wishes are dropped), so scrubbing never queues work. Results are kept for a few frames.
 * The worker is started on first use and ended by dispose().
 */
import type { Superpixels } from '../../../electron/core/superpixel/superpixels.ts';
import type { SuperpixelStatus } from '../store/edit-slice.ts';
import type { SuperpixelReply, SuperpixelRequest } from './superpixel-protocol.ts';

export interface WorkerLike {
  postMessage(message: SuperpixelRequest, transfer: Transferable[]): void;
  onmessage: ((e: { data: SuperpixelReply }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
  terminate(): void;
}

export interface SuperpixelSourceDeps {
  spawn(): WorkerLike;
  /** The decoded frame as RGBA (a fresh buffer: it is transferred to the worker). */
  frame(videoId: string, index: number): Promise<{ width: number; height: number; rgba: Uint8ClampedArray }>;
  status(s: SuperpixelStatus | null): void;
}

export interface SuperpixelWish {
  videoId: string;
  frame: number;
  /** Label map size. */
  width: number;
  height: number;
  size: number;
}

const KEEP = 4;
const keyOf = (w: SuperpixelWish): string => `${w.videoId}/${w.frame}/${w.width}x${w.height}/${w.size}`;

export type SuperpixelSource = ReturnType<typeof createSuperpixelSource>;

export function createSuperpixelSource(deps: SuperpixelSourceDeps) {
  let worker: WorkerLike | null = null;
  let wanted: SuperpixelWish | null = null;
  let running: { id: number; wish: SuperpixelWish } | null = null;
  let seq = 0;
  /** The wish that failed last: not tried again until it is wished anew. */
  let failed: string | null = null;
  const done = new Map<string, Superpixels>();

  const status = (w: SuperpixelWish, s: Omit<SuperpixelStatus, 'frame' | 'size'>): void => {
    if (wanted && keyOf(wanted) === keyOf(w)) deps.status({ frame: w.frame, size: w.size, ...s });
  };
  const fail = (w: SuperpixelWish, message: string): void => {
    failed = keyOf(w);
    status(w, { state: 'error', message });
  };

  function finish(reply: SuperpixelReply): void {
    const job = running;
    if (!job || job.id !== reply.id) return;
    running = null;
    if (reply.ok) {
      done.delete(keyOf(job.wish));
      done.set(keyOf(job.wish), reply.superpixels);
      for (const k of done.keys()) if (done.size > KEEP) done.delete(k);
      status(job.wish, { state: 'ready', count: reply.superpixels.count, ms: Math.round(reply.ms) });
    } else fail(job.wish, reply.message);
    next();
  }

  function start(): WorkerLike {
    if (worker) return worker;
    const w = deps.spawn();
    w.onmessage = (e) => finish(e.data);
    w.onerror = (e) => {
      const job = running;
      running = null;
      worker?.terminate();
      worker = null; // a fresh worker next time
      if (job) fail(job.wish, `Superpixel worker failed: ${e.message ?? 'unknown error'}`);
      next();
    };
    return (worker = w);
  }

  /** Starts the wanted frame when the worker is free and its superpixels are not known yet. */
  function next(): void {
    const wish = wanted;
    if (running || !wish || done.has(keyOf(wish)) || failed === keyOf(wish)) return;
    const id = ++seq;
    running = { id, wish };
    deps.frame(wish.videoId, wish.frame).then(
      (f) => {
        if (running?.id !== id) return;
        const req: SuperpixelRequest = { id, rgba: f.rgba, width: f.width, height: f.height, toWidth: wish.width, toHeight: wish.height, size: wish.size };
        start().postMessage(req, [f.rgba.buffer as ArrayBuffer]);
      },
      (e: unknown) => {
        if (running?.id !== id) return;
        running = null;
        fail(wish, `Cannot read frame ${wish.frame}: ${e instanceof Error ? e.message : String(e)}`);
        next();
      },
    );
  }

  return {
    /** Asks for the superpixels of a frame (null: none wanted, e.g. the tool was put down). */
    want(wish: SuperpixelWish | null): void {
      wanted = wish;
      if (!wish) return deps.status(null);
      const hit = done.get(keyOf(wish));
      if (hit) deps.status({ frame: wish.frame, size: wish.size, state: 'ready', count: hit.count });
      else {
        failed = null; // wished anew: try again
        deps.status({ frame: wish.frame, size: wish.size, state: 'computing' });
        next();
      }
    },
    /** The superpixels of `frame` when they are the ones wanted and ready. */
    forFrame(frame: number): Superpixels | null {
      return wanted && wanted.frame === frame ? (done.get(keyOf(wanted)) ?? null) : null;
    },
    dispose(): void {
      worker?.terminate();
      worker = null;
      running = null;
      wanted = null;
      done.clear();
    },
  };
}
