/** Synthetic RGBA images for the superpixel tests. */

export interface Rgba {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** An image whose pixel colour is `color(x, y)`, plus deterministic noise of ±`noise` per channel. */
export function image(width: number, height: number, color: (x: number, y: number) => readonly [number, number, number], noise = 0): Rgba {
  const data = new Uint8ClampedArray(width * height * 4);
  let seed = 12345;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296 - 0.5) * 2 * noise;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = color(x, y);
      const o = (y * width + x) * 4;
      data[o] = c[0] + rnd();
      data[o + 1] = c[1] + rnd();
      data[o + 2] = c[2] + rnd();
      data[o + 3] = 255;
    }
  }
  return { width, height, data };
}
