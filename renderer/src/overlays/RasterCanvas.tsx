/**
 * One overlay canvas: an RGBA image at its own grid size drawn through the viewer's transform.
 * The image goes into a reused offscreen canvas only when it changes, and only the rows that held
 * or now hold pixels (sparse layers such as the diff say which); the visible canvas is redrawn
 * only when the image, the transform or the canvas size change, and a fully transparent image is
 * not drawn at all. `clip` keeps the part left or right of a vertical split (swipe compare).
 */
import { useEffect, useRef } from 'react';
import { markPainted } from '../viewer/paint-marks.ts';
import type { ViewTransform } from '../viewer/view-transform.ts';
import type { RowSpan } from './rasterize.ts';

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
  /** Rows outside this span are fully transparent (absent: every row may hold pixels). */
  rows?: RowSpan;
}

/** The smallest span covering both (empty spans, top >= bottom, add nothing). */
function union(a: RowSpan, b: RowSpan): RowSpan {
  if (a.bottom <= a.top) return b;
  if (b.bottom <= b.top) return a;
  return { top: Math.min(a.top, b.top), bottom: Math.max(a.bottom, b.bottom) };
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
  /** Rows of the offscreen canvas that may hold pixels. */
  const offRows = useRef<RowSpan>({ top: 0, bottom: 0 });
  const data = useRef<ImageData | null>(null);

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
    const rows = image.rows ?? { top: 0, bottom: image.height };
    if (offSeq.current !== image.seq || o.width !== image.width || o.height !== image.height) {
      if (o.width !== image.width || o.height !== image.height) {
        // Resizing clears the canvas.
        o.width = image.width;
        o.height = image.height;
        offRows.current = { top: 0, bottom: 0 };
      }
      if (data.current?.data !== image.rgba || data.current.width !== image.width || data.current.height !== image.height) data.current = new ImageData(image.rgba as Uint8ClampedArray<ArrayBuffer>, image.width, image.height);
      // Rows that held pixels and rows that now do; the rest is transparent before and after.
      const put = union(offRows.current, rows);
      if (put.bottom > put.top) o.getContext('2d')?.putImageData(data.current, 0, 0, 0, put.top, image.width, put.bottom - put.top);
      offRows.current = rows;
      offSeq.current = image.seq;
    }
    if (rows.bottom <= rows.top) {
      markPainted(`vss:layer-painted:${testId}:${image.index}`);
      return;
    }
    // The clip lives in the context's state, which outlives this draw: save and restore around it,
    // or a later draw without a clip stays cropped to the old split.
    ctx.save();
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
    ctx.restore();
    markPainted(`vss:layer-painted:${testId}:${image.index}`);
  }, [image, image?.seq, view, viewport, clip?.side, clip?.split, smooth]);

  return <canvas ref={canvas} className="layer overlay-layer" data-testid={testId} data-frame={image ? image.index : -1} />;
}
