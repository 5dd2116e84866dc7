/**
 * 3x3 Sobel gradients of a float plane (OpenCV spatialGradient: kernel [-1 0 1] ⊗ [1 2 1], so a
 * unit ramp gives 8), border reflect-101, multiplied by `scale` (default 1; 1/8 gives intensity
 * change per pixel).
 */

export function sobel3x3(
  src: Float32Array,
  width: number,
  height: number,
  gx: Float32Array = new Float32Array(width * height),
  gy: Float32Array = new Float32Array(width * height),
  scale = 1,
): { gx: Float32Array; gy: Float32Array } {
  const w = width;
  const h = height;
  const refl = (i: number, n: number): number => (n === 1 ? 0 : i < 0 ? -i : i >= n ? 2 * n - 2 - i : i);
  for (let y = 0; y < h; y++) {
    const ru = refl(y - 1, h) * w;
    const rc = y * w;
    const rd = refl(y + 1, h) * w;
    for (let x = 0; x < w; x++) {
      const xl = x === 0 ? refl(-1, w) : x - 1;
      const xr = x === w - 1 ? refl(w, w) : x + 1;
      const ul = src[ru + xl]!;
      const uc = src[ru + x]!;
      const ur = src[ru + xr]!;
      const cl = src[rc + xl]!;
      const cr = src[rc + xr]!;
      const dl = src[rd + xl]!;
      const dc = src[rd + x]!;
      const dr = src[rd + xr]!;
      gx[rc + x] = scale * (ur - ul + 2 * (cr - cl) + dr - dl);
      gy[rc + x] = scale * (dl - ul + 2 * (dc - uc) + dr - ur);
    }
  }
  return { gx, gy };
}
