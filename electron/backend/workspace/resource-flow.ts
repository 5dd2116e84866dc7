/**
 * flow/<videoId>/<index>: DIS optical flow (preset fast) from frame index to index+1, computed on
 * demand on grey images at most 480 px wide, cached (LRU, in-flight requests shared).
 */
import { disFlow } from '../../engine/flow/dis.ts';
import { flowGray } from '../../engine/segment/flow-gray.ts';
import type { FlowField } from '../../engine/types.ts';
import type { DecodedFrame } from '../video/types.ts';

export const FLOW_MAX_WIDTH = 480;

export interface FlowResult {
  flow: FlowField;
  /** Frame width / flow width. */
  scale: number;
}

/** Flow grid size for a frame: at most FLOW_MAX_WIDTH wide, aspect kept, at least 16 px. */
export function flowSize(width: number, height: number): { width: number; height: number; scale: number } {
  const scale = Math.max(1, width / FLOW_MAX_WIDTH);
  return { width: Math.max(16, Math.round(width / scale)), height: Math.max(16, Math.round(height / scale)), scale: width / Math.max(16, Math.round(width / scale)) };
}

export function computeFlow(a: DecodedFrame, b: DecodedFrame): FlowResult {
  const size = flowSize(a.width, a.height);
  const ga = flowGray(a.rgba, a.width, a.height, size);
  const gb = flowGray(b.rgba, b.width, b.height, size);
  return { flow: disFlow(ga, gb, { preset: 'fast' }), scale: size.scale };
}

export class FlowCache {
  private readonly entries = new Map<string, Promise<FlowResult>>();

  constructor(
    private readonly frame: (videoId: string, index: number) => Promise<DecodedFrame>,
    private readonly capacity = 32,
  ) {}

  get(videoId: string, index: number): Promise<FlowResult> {
    const key = `${videoId}/${index}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const p = (async () => {
      const a = await this.frame(videoId, index);
      const b = await this.frame(videoId, index + 1);
      return computeFlow(a, b);
    })();
    p.catch(() => this.entries.delete(key));
    this.entries.set(key, p);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return p;
  }
}
