/** Grey image of a frame at the flow size (area-averaged down from the frame), input of DIS flow. */
import { toGray } from '../image/gray.ts';
import { resizeArea } from '../image/resize-area.ts';
import type { GrayImage } from '../types.ts';

export interface FlowSize {
  width: number;
  height: number;
}

/** Model input size times `scale`, at least 32 pixels on the short side (DIS needs a few patches). */
export function flowSizeFor(inputW: number, inputH: number, scale: number): FlowSize {
  const s = Math.max(scale, 32 / Math.min(inputW, inputH));
  return { width: Math.max(8, Math.round(inputW * Math.min(1, s))), height: Math.max(8, Math.round(inputH * Math.min(1, s))) };
}

/** Scratch planes reused across frames of one size (the result itself is always a new buffer: modes keep key frames' grey images). */
export interface FlowGrayScratch {
  full?: Float32Array;
  resize?: Float32Array;
}

export function flowGray(rgba: Uint8Array, width: number, height: number, size: FlowSize, scratch: FlowGrayScratch = {}): GrayImage {
  const same = width === size.width && height === size.height;
  if (!same && scratch.full?.length !== width * height) scratch.full = new Float32Array(width * height);
  const full = toGray(rgba, width, height, same ? {} : { out: scratch.full! });
  if (same) return full;
  if (scratch.resize?.length !== size.width * height) scratch.resize = new Float32Array(size.width * height);
  return { width: size.width, height: size.height, data: resizeArea(full.data, width, height, size.width, size.height, { scratch: scratch.resize }) };
}
