/** Grey image of a frame at the flow size (area-averaged down from the frame), input of DIS flow. */
import { toGray } from '../image/gray.ts';
import { grayAreaDown, type GrayAreaScratch } from '../image/gray-area.ts';
import type { GrayImage } from '../../core/types.ts';

export interface FlowSize {
  width: number;
  height: number;
}

/** Model input size times `scale`, at least 32 pixels on the short side (DIS needs a few patches). */
export function flowSizeFor(inputW: number, inputH: number, scale: number): FlowSize {
  const s = Math.max(scale, 32 / Math.min(inputW, inputH));
  return { width: Math.max(8, Math.round(inputW * Math.min(1, s))), height: Math.max(8, Math.round(inputH * Math.min(1, s))) };
}

/** Scratch reused across frames (the result itself is always a new buffer: modes keep key frames' grey images). */
export type FlowGrayScratch = GrayAreaScratch;

/**
 * One pass (image/gray-area.ts, in WebAssembly): at exact integer factors too, where its values are
 * within 1 ulp of toGray + resizeArea's box path (summation order), at half the cost of the two passes.
 */
export function flowGray(rgba: Uint8Array, width: number, height: number, size: FlowSize, scratch: FlowGrayScratch = {}): GrayImage {
  if (width === size.width && height === size.height) return toGray(rgba, width, height);
  return { width: size.width, height: size.height, data: grayAreaDown(rgba, width, height, size.width, size.height, scratch) };
}
