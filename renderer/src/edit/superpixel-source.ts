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

export function createSuperpixelSource(deps: SuperpixelSourceDeps): SuperpixelSource {
  return new SuperpixelSource(deps);
}

export class SuperpixelSource {
  private worker: WorkerLike | null = null;
  private wanted: SuperpixelWish | null = null;
  private running: { id: number; wish: SuperpixelWish } | null = null;
  private seq = 0;
  /** The wish that failed last: not tried again until it is wished anew. */
  private failed: string | null = null;
  private readonly done = new Map<string, Superpixels>();

  constructor(private readonly deps: SuperpixelSourceDeps) {}

  /** Asks for the superpixels of a frame (null: none wanted, e.g. the tool was put down). */
  want(wish: SuperpixelWish | null): void {
    this.wanted = wish;
    if (!wish) return this.deps.status(null);
    const hit = this.done.get(keyOf(wish));
    if (hit) this.deps.status({ frame: wish.frame, size: wish.size, state: 'ready', count: hit.count });
    else {
      this.failed = null; // wished anew: try again
      this.deps.status({ frame: wish.frame, size: wish.size, state: 'computing' });
      this.next();
    }
  }

  /** The superpixels of `frame` when they are the ones wanted and ready. */
  forFrame(frame: number): Superpixels | null {
    const w = this.wanted;
    return w && w.frame === frame ? (this.done.get(keyOf(w)) ?? null) : null;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.running = null;
    this.wanted = null;
    this.done.clear();
  }

  private status(w: SuperpixelWish, s: Omit<SuperpixelStatus, 'frame' | 'size'>): void {
    if (this.wanted && keyOf(this.wanted) === keyOf(w)) this.deps.status({ frame: w.frame, size: w.size, ...s });
  }

  private fail(w: SuperpixelWish, message: string): void {
    this.failed = keyOf(w);
    this.status(w, { state: 'error', message });
  }

  private finish(reply: SuperpixelReply): void {
    const job = this.running;
    if (!job || job.id !== reply.id) return;
    this.running = null;
    if (reply.ok) {
      const { done } = this;
      done.delete(keyOf(job.wish));
      done.set(keyOf(job.wish), reply.superpixels);
      for (const k of done.keys()) if (done.size > KEEP) done.delete(k);
      this.status(job.wish, { state: 'ready', count: reply.superpixels.count, ms: Math.round(reply.ms) });
    } else this.fail(job.wish, reply.message);
    this.next();
  }

  private start(): WorkerLike {
    if (this.worker) return this.worker;
    const w = this.deps.spawn();
    w.onmessage = (e) => this.finish(e.data);
    w.onerror = (e) => {
      const job = this.running;
      this.running = null;
      this.worker?.terminate();
      this.worker = null; // a fresh worker next time
      if (job) this.fail(job.wish, `Superpixel worker failed: ${e.message ?? 'unknown error'}`);
      this.next();
    };
    return (this.worker = w);
  }

  /** Starts the wanted frame when the worker is free and its superpixels are not known yet. */
  private next(): void {
    const wish = this.wanted;
    if (this.running || !wish || this.done.has(keyOf(wish)) || this.failed === keyOf(wish)) return;
    const id = ++this.seq;
    this.running = { id, wish };
    this.deps.frame(wish.videoId, wish.frame).then(
      (f) => {
        if (this.running?.id !== id) return;
        const req: SuperpixelRequest = { id, rgba: f.rgba, width: f.width, height: f.height, toWidth: wish.width, toHeight: wish.height, size: wish.size };
        this.start().postMessage(req, [f.rgba.buffer as ArrayBuffer]);
      },
      (e: unknown) => {
        if (this.running?.id !== id) return;
        this.running = null;
        this.fail(wish, `Cannot read frame ${wish.frame}: ${e instanceof Error ? e.message : String(e)}`);
        this.next();
      },
    );
  }
}
