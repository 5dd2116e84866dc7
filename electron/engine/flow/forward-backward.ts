/**
 * Forward and backward DIS flow of a frame pair plus the forward-backward occlusion mask:
 * forward a→b, backward b→a, and `occluded` flags pixels of a not (reliably) visible in b.
 */
import type { FlowField, GrayImage } from '../../core/types.ts';
import { disFlow, type DisUserOptions } from './dis.ts';
import { occlusionMask, type OcclusionOptions } from './occlusion.ts';

export interface FlowPair {
  forward: FlowField;
  backward: FlowField;
  /** 1 where the pixel of `a` fails the forward-backward check (occluded or leaving the frame). */
  occluded: Uint8Array;
}

export function forwardBackwardFlow(
  a: GrayImage,
  b: GrayImage,
  dis: DisUserOptions = {},
  occlusion: Partial<OcclusionOptions> = {},
): FlowPair {
  const forward = disFlow(a, b, dis);
  const backward = disFlow(b, a, dis);
  return { forward, backward, occluded: occlusionMask(forward, backward, occlusion) };
}
