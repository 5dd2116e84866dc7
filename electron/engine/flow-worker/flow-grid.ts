/**
 * What the flow worker computes (pure): the overlay flow of two frames (DIS preset fast from a to
 * b on grey images at most `maxWidth` wide, with the frame/flow width ratio), and the flow pairs
 * propagation needs (forward and backward flow with both occlusion masks, at most `maxSide` on
 * the longest side).
 */
import { disFlow } from '../flow/dis.ts';
import { forwardBackwardFlow, type FlowPair } from '../flow/forward-backward.ts';
import { occlusionMask } from '../flow/occlusion.ts';
import { flowGray } from '../segment/flow-gray.ts';
import type { FlowField } from '../../core/types.ts';
import type { FlowFrame } from './protocol.ts';

export interface FlowGrid {
  flow: FlowField;
  /** Frame width / flow width. */
  scale: number;
}

/** Flow grid size for a frame: at most `maxWidth` wide, aspect kept, at least 16 px. */
export function flowGridSize(width: number, height: number, maxWidth: number): { width: number; height: number; scale: number } {
  const k = Math.max(1, width / maxWidth);
  const w = Math.max(16, Math.round(width / k));
  return { width: w, height: Math.max(16, Math.round(height / k)), scale: width / w };
}

export function flowGrid(a: FlowFrame, b: FlowFrame, maxWidth: number): FlowGrid {
  const size = flowGridSize(a.width, a.height, maxWidth);
  const ga = flowGray(a.rgba, a.width, a.height, size);
  const gb = flowGray(b.rgba, b.width, b.height, size);
  return { flow: disFlow(ga, gb, { preset: 'fast' }), scale: size.scale };
}

/** Longest side of the propagation flow grid. */
export const PAIR_FLOW_MAX_SIDE = 320;

/** Propagation flow grid size: longest side at most `maxSide`, at least 16 px. */
export function pairFlowSize(width: number, height: number, maxSide = PAIR_FLOW_MAX_SIDE): { width: number; height: number } {
  const s = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(16, Math.round(width * s)), height: Math.max(16, Math.round(height * s)) };
}

/** Both directions of an adjacent frame pair: ab carries a to b (occlusion of a), ba the reverse. */
export interface FlowPairs {
  ab: FlowPair;
  ba: FlowPair;
}

export function flowPairs(a: FlowFrame, b: FlowFrame, maxSide = PAIR_FLOW_MAX_SIDE): FlowPairs {
  const size = pairFlowSize(a.width, a.height, maxSide);
  const ab = forwardBackwardFlow(flowGray(a.rgba, a.width, a.height, size), flowGray(b.rgba, b.width, b.height, size), { preset: 'fast' });
  return { ab, ba: { forward: ab.backward, backward: ab.forward, occluded: occlusionMask(ab.backward, ab.forward) } };
}
