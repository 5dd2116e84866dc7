/**
 * Forward/backward DIS flow between consecutive video frames at a reduced size, with the
 * forward-backward occlusion mask, cached per video (LRU) for edit.propagatePreview.
 */
import { forwardBackwardFlow, type FlowPair } from '../../engine/flow/forward-backward.ts';
import { occlusionMask } from '../../engine/flow/occlusion.ts';
import { flowGray } from '../../engine/segment/flow-gray.ts';
import type { GrayImage } from '../../core/types.ts';
import type { VideoService } from '../video/types.ts';

/** Longest side of the flow grid. */
export const EDIT_FLOW_MAX_SIDE = 320;

export function editFlowSize(width: number, height: number): { width: number; height: number } {
  const s = Math.min(1, EDIT_FLOW_MAX_SIDE / Math.max(width, height));
  return { width: Math.max(16, Math.round(width * s)), height: Math.max(16, Math.round(height * s)) };
}

export class EditFlowCache {
  private pairs = new Map<string, FlowPair>();
  private grays = new Map<string, GrayImage>();

  constructor(
    private readonly video: Pick<VideoService, 'frame'>,
    private readonly maxPairs = 64,
  ) {}

  private async gray(videoId: string, index: number): Promise<GrayImage> {
    const key = `${videoId}:${index}`;
    const hit = this.grays.get(key);
    if (hit) return hit;
    const f = await this.video.frame(videoId, index);
    const g = flowGray(f.rgba, f.width, f.height, editFlowSize(f.width, f.height));
    this.grays.set(key, g);
    if (this.grays.size > this.maxPairs + 2) this.grays.delete(this.grays.keys().next().value!);
    return g;
  }

  /** Flow pair from `a` to `b` (adjacent frames); computed once, then served from the cache. */
  async pair(videoId: string, a: number, b: number): Promise<FlowPair> {
    const key = `${videoId}:${a}:${b}`;
    const hit = this.pairs.get(key);
    if (hit) {
      this.pairs.delete(key);
      this.pairs.set(key, hit);
      return hit;
    }
    const p = forwardBackwardFlow(await this.gray(videoId, a), await this.gray(videoId, b), { preset: 'fast' });
    this.pairs.set(key, p);
    this.pairs.set(`${videoId}:${b}:${a}`, { forward: p.backward, backward: p.forward, occluded: occlusionMask(p.backward, p.forward) });
    while (this.pairs.size > this.maxPairs) this.pairs.delete(this.pairs.keys().next().value!);
    return p;
  }
}
