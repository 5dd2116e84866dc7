/**
 * One overlay canvas: an RGBA image at its own grid size drawn through the viewer's transform.
 * The image goes into a reused offscreen canvas only when it changes; the visible canvas is
 * redrawn only when the image, the transform or the canvas size change. `clip` keeps the part left
 * or right of a vertical split (swipe compare).
 */
import { useEffect, useRef } from 'react';
import { markPainted } from '../viewer/paint-marks.ts';
import type { ViewTransform } from '../viewer/view-transform.ts';

export interface RasterImage {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
  /** Frame pixels per grid pixel (flow grids are smaller than the frame). */
  scale: number;
  /** Frame index it shows (exposed as data-frame for tests). */
  index: number;
  /** Changes whenever the pixels change (buffers are reused). */
  seq: number;
}

export interface RasterCanvasProps {
  image: RasterImage | null;
  view: ViewTransform;
  viewport: { width: number; height: number };
  testId: string;
  clip?: { side: 'left' | 'right'; split: number };
  smooth?: boolean;
}

export function RasterCanvas({ image, view, viewport, testId, clip, smooth }: RasterCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const off = useRef<HTMLCanvasElement | null>(null);
  const offSeq = useRef(-1);

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    if (c.width !== viewport.width) c.width = viewport.width;
    if (c.height !== viewport.height) c.height = viewport.height;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, c.width, c.height);
    if (!image) return;
    off.current ??= document.createElement('canvas');
    const o = off.current;
    if (offSeq.current !== image.seq || o.width !== image.width || o.height !== image.height) {
      if (o.width !== image.width) o.width = image.width;
      if (o.height !== image.height) o.height = image.height;
      o.getContext('2d')?.putImageData(new ImageData(image.rgba as Uint8ClampedArray<ArrayBuffer>, image.width, image.height), 0, 0);
      offSeq.current = image.seq;
    }
    if (clip) {
      const x = Math.round(clip.split * c.width);
      ctx.beginPath();
      if (clip.side === 'left') ctx.rect(0, 0, x, c.height);
      else ctx.rect(x, 0, c.width - x, c.height);
      ctx.clip();
    }
    const s = view.scale * image.scale;
    ctx.imageSmoothingEnabled = smooth ?? s < 1;
    ctx.drawImage(o, view.x, view.y, image.width * s, image.height * s);
    markPainted(`vss:layer-painted:${testId}:${image.index}`);
  }, [image, image?.seq, view, viewport, clip?.side, clip?.split, smooth]);

  return <canvas ref={canvas} className="layer overlay-layer" data-testid={testId} data-frame={image ? image.index : -1} />;
}
