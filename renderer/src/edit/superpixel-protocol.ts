/** Messages between the renderer and the superpixel worker (superpixel-worker.ts). */
import type { Superpixels } from '../../../electron/core/superpixel/superpixels.ts';

export interface SuperpixelRequest {
  id: number;
  /** The decoded frame (transferred). */
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
  /** Size of the label map the superpixels are for (the frame is resampled when it differs). */
  toWidth: number;
  toHeight: number;
  /** Superpixel side in label pixels. */
  size: number;
}

export type SuperpixelReply = { id: number; ok: true; superpixels: Superpixels; ms: number } | { id: number; ok: false; message: string };
