/**
 * The superpixel tool's outline image: label-sized RGBA with the boundary pixels of the
 * superpixels (a pixel whose right or lower neighbour is another superpixel) drawn light on
 * transparent, composited over the mask with the view transform.
 */
import type { Superpixels } from '../../../electron/core/superpixel/superpixels.ts';
import type { ViewTransform } from '../viewer/view-transform.ts';

export const EDGE_RGBA = [255, 255, 255, 170] as const;

/** Boundary pixels of `sp` as RGBA (width × height × 4). */
export function superpixelEdges(sp: Superpixels, out: Uint8ClampedArray<ArrayBuffer> = new Uint8ClampedArray(sp.width * sp.height * 4)): Uint8ClampedArray<ArrayBuffer> {
  const { width: w, height: h, labels } = sp;
  out.fill(0);
  for (let y = 0, i = 0; y < h; y++) {
    for (let x = 0; x < w; x++, i++) {
      const k = labels[i]!;
      if ((x + 1 < w && labels[i + 1] !== k) || (y + 1 < h && labels[i + w] !== k)) out.set(EDGE_RGBA, i * 4);
    }
  }
  return out;
}

/** The outline image of one set of superpixels, drawn with the view transform. */
export class SuperpixelEdgeCanvas {
  private canvas: OffscreenCanvas | null = null;
  private of: Superpixels | null = null;

  draw(target: CanvasRenderingContext2D, sp: Superpixels | null, view: ViewTransform, video: { width: number; height: number }): void {
    target.setTransform(1, 0, 0, 1, 0, 0);
    target.clearRect(0, 0, target.canvas.width, target.canvas.height);
    if (!sp) return;
    if (this.of !== sp || !this.canvas) {
      this.canvas = new OffscreenCanvas(sp.width, sp.height);
      this.canvas.getContext('2d')?.putImageData(new ImageData(superpixelEdges(sp), sp.width, sp.height), 0, 0);
      this.of = sp;
    }
    target.imageSmoothingEnabled = false;
    target.drawImage(this.canvas, view.x, view.y, video.width * view.scale, video.height * view.scale);
  }
}
