/**
 * flow/<videoId>/<index>: DIS optical flow (preset fast) from frame index to index+1, computed on
 * demand on grey images at most 480 px wide by the flow service's worker thread (flow-service.ts,
 * engine/flow-worker/), cached (LRU, in-flight requests shared).
 *
 * Requests wait in a bounded queue: at most `maxQueued` wait while one computes, and the newest
 * is computed next (latest wins). When the user scrubs past, the oldest waiting request is
 * dropped and rejects with CANCELLED (one-line HTTP 409), so the worker never falls behind the
 * playhead. Anything that fails is evicted, so it is asked again next time.
 */
import { VssError } from '../../core/errors.ts';
import { LoadingLru } from '../../core/lru.ts';
import type { FlowGrid } from '../../engine/flow-worker/flow-grid.ts';
import type { DecodedFrame } from '../video/types.ts';

export const FLOW_MAX_WIDTH = 480;

export type FlowResult = FlowGrid;

/** Computes one flow (the flow service's worker thread; tests pass their own). */
export type FlowCompute = (a: DecodedFrame, b: DecodedFrame) => Promise<FlowResult>;

export interface FlowCacheOptions {
  /** Cached results (default 32). */
  capacity?: number;
  /** Requests waiting while one computes (default 2); older ones are cancelled. */
  maxQueued?: number;
  compute: FlowCompute;
}

interface Job {
  key: string;
  run(): void;
  cancel(e: VssError): void;
}

export class FlowCache {
  private readonly entries: LoadingLru<string, FlowResult>;
  private readonly waiting: Job[] = [];
  private busy = false;
  private readonly maxQueued: number;
  private readonly compute: FlowCompute;

  constructor(
    private readonly frame: (videoId: string, index: number) => Promise<DecodedFrame>,
    opts: FlowCacheOptions,
  ) {
    this.entries = new LoadingLru(opts.capacity ?? 32);
    this.maxQueued = Math.max(1, opts.maxQueued ?? 2);
    this.compute = opts.compute;
  }

  get(videoId: string, index: number): Promise<FlowResult> {
    const key = `${videoId}/${index}`;
    return this.entries.load(key, () => this.enqueue(videoId, index, key));
  }

  /** Drops a video's cached flows (it was closed). */
  forget(videoId: string): void {
    this.entries.dropWhere((k) => k.startsWith(`${videoId}/`));
  }

  private enqueue(videoId: string, index: number, key: string): Promise<FlowResult> {
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

  /** Cancels what waits (shutting down). */
  cancelWaiting(): void {
    for (const j of this.waiting.splice(0)) j.cancel(new VssError('CANCELLED', 'the host is shutting down'));
  }

  private pump(): void {
    if (this.busy) return;
    const next = this.waiting.pop(); // latest wins
    next?.run();
  }
}
