/**
 * Overlay flow of two frames (pure): DIS (preset fast) from a to b on grey images at most
 * `maxWidth` pixels wide (aspect kept, at least 16 px), with the frame/flow width ratio.
 */
import { disFlow } from '../flow/dis.ts';
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
