/** Grey image of a frame at the flow size (area-averaged down from the frame), input of DIS flow. */
import { toGray } from '../image/gray.ts';
import { grayAreaDown, type GrayAreaScratch } from '../image/gray-area.ts';
import { resizeArea } from '../image/resize-area.ts';
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

export function flowGray(rgba: Uint8Array, width: number, height: number, size: FlowSize, scratch: FlowGrayScratch = {}): GrayImage {
  if (width === size.width && height === size.height) return toGray(rgba, width, height);
  const k = width / size.width;
  // Exact integer factors take resizeArea's box path; everything else the fused grey + area pass.
  if (Number.isInteger(k) && height === size.height * k) {
    return { width: size.width, height: size.height, data: resizeArea(toGray(rgba, width, height).data, width, height, size.width, size.height) };
  }
  return { width: size.width, height: size.height, data: grayAreaDown(rgba, width, height, size.width, size.height, scratch) };
}
