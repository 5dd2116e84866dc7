/**
 * The image-sized offscreen mask of the frame being edited: repainted by rectangle from the
 * label map, then composited onto the layer canvas (only the dirty rectangle when given).
 */
import type { LabelMap } from '../../../electron/core/types.ts';
import type { ViewTransform } from '../viewer/view-transform.ts';
import type { Rect } from './dirty-rect.ts';
import { paintLabels } from './label-paint.ts';

export class MaskCanvas {
  private canvas: OffscreenCanvas | null = null;
  private image: ImageData | null = null;

  /** Repaints `rect` (or everything) of `labels`; returns false when nothing can be drawn. */
  update(labels: LabelMap, palette: Uint8ClampedArray, rect: Rect | null, highlight?: (rgba: Uint8ClampedArray) => void): boolean {
    if (!this.canvas || this.canvas.width !== labels.width || this.canvas.height !== labels.height) {
      this.canvas = new OffscreenCanvas(labels.width, labels.height);
      this.image = new ImageData(labels.width, labels.height);
      rect = null;
    }
    const ctx = this.canvas.getContext('2d');
    if (!ctx || !this.image) return false;
    paintLabels(labels, palette, this.image.data, rect ?? undefined);
    if (!rect) highlight?.(this.image.data);
    if (rect) ctx.putImageData(this.image, 0, 0, rect.x0, rect.y0, rect.x1 - rect.x0, rect.y1 - rect.y0);
    else ctx.putImageData(this.image, 0, 0);
    return true;
  }

  /** Draws the mask with the view transform, clipped to `rect` (image pixels) when given. */
  draw(target: CanvasRenderingContext2D, view: ViewTransform, video: { width: number; height: number }, opacity: number, rect: Rect | null): void {
    if (!this.canvas) return;
    const sx = (video.width / this.canvas.width) * view.scale;
    const sy = (video.height / this.canvas.height) * view.scale;
    target.save();
    target.setTransform(1, 0, 0, 1, 0, 0);
    if (rect) {
      const x = Math.floor(view.x + rect.x0 * sx) - 1;
      const y = Math.floor(view.y + rect.y0 * sy) - 1;
      const w = Math.ceil((rect.x1 - rect.x0) * sx) + 3;
      const h = Math.ceil((rect.y1 - rect.y0) * sy) + 3;
      target.beginPath();
      target.rect(x, y, w, h);
      target.clip();
      target.clearRect(x, y, w, h);
    } else {
      target.clearRect(0, 0, target.canvas.width, target.canvas.height);
    }
    target.globalAlpha = opacity;
    target.imageSmoothingEnabled = false;
    target.drawImage(this.canvas, view.x, view.y, this.canvas.width * sx, this.canvas.height * sy);
    target.restore();
  }
}
