/**
 * Bilinear resize of a single float plane with pixel-centre alignment (OpenCV INTER_LINEAR):
 * source coordinate sx = (x + 0.5) * srcW / dstW - 0.5, clamped to the image (replicated border).
 * Values are resampled, not rescaled: callers resizing flow multiply the vectors themselves.
 */

export function resizeBilinear(
  src: Float32Array,
  srcW: number,
  srcH: number,
  dstW: number,
  dstH: number,
  out: Float32Array = new Float32Array(dstW * dstH),
): Float32Array {
  const fx = srcW / dstW;
  const fy = srcH / dstH;
  const x0s = new Int32Array(dstW);
  const x1s = new Int32Array(dstW);
  const axs = new Float32Array(dstW);
  for (let x = 0; x < dstW; x++) {
    let sx = (x + 0.5) * fx - 0.5;
    if (sx < 0) sx = 0;
    let x0 = Math.floor(sx);
    if (x0 > srcW - 1) x0 = srcW - 1;
    x0s[x] = x0;
    x1s[x] = Math.min(x0 + 1, srcW - 1);
    axs[x] = Math.min(1, sx - x0);
  }
  for (let y = 0; y < dstH; y++) {
    let sy = (y + 0.5) * fy - 0.5;
    if (sy < 0) sy = 0;
    let y0 = Math.floor(sy);
    if (y0 > srcH - 1) y0 = srcH - 1;
    const y1 = Math.min(y0 + 1, srcH - 1);
    const ay = Math.min(1, sy - y0);
    const r0 = y0 * srcW;
    const r1 = y1 * srcW;
    const o = y * dstW;
    for (let x = 0; x < dstW; x++) {
      const a = axs[x]!;
      const i0 = x0s[x]!;
      const i1 = x1s[x]!;
      const top = src[r0 + i0]! + a * (src[r0 + i1]! - src[r0 + i0]!);
      const bot = src[r1 + i0]! + a * (src[r1 + i1]! - src[r1 + i0]!);
      out[o + x] = top + ay * (bot - top);
    }
  }
  return out;
}
