/**
 * flow/<videoId>/<index>: DIS optical flow (preset fast) from frame index to index+1, computed on
 * demand on grey images at most 480 px wide, off the host's event loop (a worker thread, see
 * engine/flow-worker/), cached (LRU, in-flight requests shared).
 *
 * Requests wait in a bounded queue: at most `maxQueued` wait while one computes, and the newest
 * is computed next (latest wins). When the user scrubs past, the oldest waiting request is
 * dropped and rejects with CANCELLED (one-line HTTP 409), so the worker never falls behind the
 * playhead. Anything that fails is evicted, so it is asked again next time.
 */
import { VssError } from '../../core/errors.ts';
import { FlowWorker } from '../../engine/flow-worker/client.ts';
import { flowGridSize, type FlowGrid } from '../../engine/flow-worker/flow-grid.ts';
import type { DecodedFrame } from '../video/types.ts';

export const FLOW_MAX_WIDTH = 480;

export type FlowResult = FlowGrid;

/** Flow grid size for a frame: at most FLOW_MAX_WIDTH wide, aspect kept, at least 16 px. */
export function flowSize(width: number, height: number): { width: number; height: number; scale: number } {
  return flowGridSize(width, height, FLOW_MAX_WIDTH);
}

/** Computes one flow; the default runs DIS in a worker thread. */
export type FlowCompute = (a: DecodedFrame, b: DecodedFrame) => Promise<FlowResult>;

export interface FlowCacheOptions {
  /** Cached results (default 32). */
  capacity?: number;
  /** Requests waiting while one computes (default 2); older ones are cancelled. */
  maxQueued?: number;
  compute?: FlowCompute;
}

interface Job {
  key: string;
  run(): void;
  cancel(e: VssError): void;
}

export class FlowCache {
  private readonly entries = new Map<string, Promise<FlowResult>>();
  private readonly waiting: Job[] = [];
  private busy = false;
  private readonly capacity: number;
  private readonly maxQueued: number;
  private readonly compute: FlowCompute;
  private worker: FlowWorker | null = null;

  constructor(
    private readonly frame: (videoId: string, index: number) => Promise<DecodedFrame>,
    opts: FlowCacheOptions = {},
  ) {
    this.capacity = opts.capacity ?? 32;
    this.maxQueued = Math.max(1, opts.maxQueued ?? 2);
    this.compute = opts.compute ?? ((a, b) => (this.worker ??= new FlowWorker()).compute(a, b, FLOW_MAX_WIDTH));
  }

  get(videoId: string, index: number): Promise<FlowResult> {
    const key = `${videoId}/${index}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const p = new Promise<FlowResult>((resolve, reject) => {
      const run = (): void => {
        this.busy = true;
        (async () => {
          const a = await this.frame(videoId, index);
          const b = await this.frame(videoId, index + 1);
          return this.compute(a, b);
        })()
          .then(resolve, reject)
          .finally(() => {
            this.busy = false;
            this.pump();
          });
      };
      this.waiting.push({ key, run, cancel: reject });
    });
    p.catch(() => this.entries.get(key) === p && this.entries.delete(key));
    this.entries.set(key, p);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    while (this.waiting.length > this.maxQueued) {
      const stale = this.waiting.shift()!;
      stale.cancel(new VssError('CANCELLED', `flow ${stale.key} was superseded by newer requests`));
    }
    this.pump();
    return p;
  }

  /** Requests waiting (not counting the one computing). */
  get queued(): number {
    return this.waiting.length;
  }

  async dispose(): Promise<void> {
    for (const j of this.waiting.splice(0)) j.cancel(new VssError('CANCELLED', 'the host is shutting down'));
    await this.worker?.dispose();
    this.worker = null;
  }

  private pump(): void {
    if (this.busy) return;
    const next = this.waiting.pop(); // latest wins
    next?.run();
  }
}
