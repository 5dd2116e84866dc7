/**
 * The flow service: ONE worker thread (engine/flow-worker) for every optical flow the backend
 * computes, so none runs on the backend's event loop. It serves the flow overlay
 * (flow/<videoId>/<index>, latest-wins queue in resource-flow.ts) and propagation (forward and
 * backward flow with occlusion of adjacent frame pairs, cached per video; the preview's label
 * warp runs in the thread too).
 */
import type { FlowPair } from '../../engine/flow/forward-backward.ts';
import { FlowWorker } from '../../engine/flow-worker/client.ts';
import { PAIR_FLOW_MAX_SIDE, type FlowPairs } from '../../engine/flow-worker/flow-grid.ts';
import type { FlowFrame, PropagateJob } from '../../engine/flow-worker/protocol.ts';
import type { FrameDiff } from '../../core/edit/index.ts';
import { LoadingLru } from '../../core/lru.ts';
import type { DecodedFrame } from '../video/types.ts';
import { FLOW_MAX_WIDTH, FlowCache, type FlowCompute, type FlowResult } from './resource-flow.ts';

/** What the service needs of the worker client (tests count its calls). */
export interface FlowThread {
  compute(a: FlowFrame, b: FlowFrame, maxWidth: number): Promise<FlowResult>;
  pairs(a: FlowFrame, b: FlowFrame, maxSide: number): Promise<FlowPairs>;
  propagate(job: PropagateJob): Promise<FrameDiff[]>;
  dispose(): Promise<void>;
}

export interface FlowServiceOptions {
  thread?: FlowThread;
  /** Overlay flows cached (default 32). */
  overlayCapacity?: number;
  /** Propagation pairs cached (default 64). */
  pairCapacity?: number;
  /** Overlay requests waiting while one computes (default 2). */
  maxQueued?: number;
  /** Replaces the overlay computation (tests and the bench's inline peer). */
  compute?: FlowCompute;
}

export class FlowService {
  readonly thread: FlowThread;
  private readonly overlay: FlowCache;
  private readonly pairCache: LoadingLru<string, FlowPairs>;

  constructor(
    private readonly frame: (videoId: string, index: number) => Promise<DecodedFrame>,
    o: FlowServiceOptions = {},
  ) {
    this.thread = o.thread ?? new FlowWorker();
    const compute = o.compute ?? ((a: DecodedFrame, b: DecodedFrame) => this.thread.compute(a, b, FLOW_MAX_WIDTH));
    this.overlay = new FlowCache(frame, { compute, capacity: o.overlayCapacity ?? 32, maxQueued: o.maxQueued ?? 2 });
    this.pairCache = new LoadingLru(o.pairCapacity ?? 64);
  }

  /** Overlay flow from frame index to index+1. */
  get(videoId: string, index: number): Promise<FlowResult> {
    return this.overlay.get(videoId, index);
  }

  /** Overlay requests waiting. */
  get queued(): number {
    return this.overlay.queued;
  }

  /** Flow from frame a to the adjacent frame b (|a - b| = 1) with the occlusion of a. */
  async pair(videoId: string, a: number, b: number): Promise<FlowPair> {
    const lo = Math.min(a, b);
    const both = await this.pairCache.load(`${videoId}/${lo}`, async () => this.thread.pairs(await this.frame(videoId, lo), await this.frame(videoId, lo + 1), PAIR_FLOW_MAX_SIDE));
    return a === lo ? both.ab : both.ba;
  }

  /**
   * A propagation preview of `job` (without its steps) over frames of `videoId`: the flow pairs
   * come from the cache (computed in the thread when missing), the warp runs in the thread.
   */
  async propagate(videoId: string, steps: [number, number][], job: Omit<PropagateJob, 'steps'>): Promise<FrameDiff[]> {
    const withFlow: PropagateJob['steps'] = [];
    for (const [a, b] of steps) {
      const p = await this.pair(videoId, a, b);
      withFlow.push({ a, b, flow: p.forward, occluded: p.occluded });
    }
    return this.thread.propagate({ ...job, steps: withFlow });
  }

  /** Drops what was cached for a closed video. */
  forget(videoId: string): void {
    this.overlay.forget(videoId);
    this.pairCache.dropWhere((k) => k.startsWith(`${videoId}/`));
  }

  async dispose(): Promise<void> {
    this.overlay.cancelWaiting();
    await this.thread.dispose();
  }
}
