/**
 * Filling COCO polygons ([x1, y1, x2, y2, ...] in pixel coordinates): a pixel is inside when its
 * centre (x + 0.5, y + 0.5) is, by the even-odd rule, scanline by scanline.
 */

/** Sets `mask[y*width + x] = 1` for every pixel whose centre lies inside the polygon. */
export function fillPolygon(mask: Uint8Array, width: number, height: number, xy: readonly number[]): void {
  const n = Math.floor(xy.length / 2);
  if (n < 3) return;
  const xs: number[] = [];
  for (let y = 0; y < height; y++) {
    const cy = y + 0.5;
    xs.length = 0;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const yi = xy[2 * i + 1]!;
      const yj = xy[2 * j + 1]!;
      if (yi > cy === yj > cy) continue;
      const xi = xy[2 * i]!;
      const xj = xy[2 * j]!;
      xs.push(xi + ((cy - yi) / (yj - yi)) * (xj - xi));
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      // pixel x is inside when xs[k] <= x + 0.5 < xs[k + 1]
      const x0 = Math.max(0, Math.ceil(xs[k]! - 0.5));
      const x1 = Math.min(width - 1, Math.ceil(xs[k + 1]! - 0.5) - 1);
      for (let x = x0; x <= x1; x++) mask[y * width + x] = 1;
    }
  }
}
