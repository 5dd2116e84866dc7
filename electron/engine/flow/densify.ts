/**
 * DIS densification (Kroeger et al. 2016, §2.2): the dense flow at pixel x is the weighted mean
 * of the flows u_k of all patches k covering x, with weights 1 / max(1, |I1(x + u_k) - I0(x)|)
 * (photometric error of that patch's flow at that pixel, I1 sampled bilinearly). Pixels on the
 * right/bottom edge that no patch covers take the last patch row/column, as in OpenCV.
 * Implemented patch-wise (scatter into accumulators), which visits each (patch, pixel) pair once.
 */

export interface DensifyInput {
  w: number;
  h: number;
  i0: Float32Array;
  /** Target image without border, w*h. */
  i1: Float32Array;
  sx: Float32Array;
  sy: Float32Array;
  ws: number;
  hs: number;
  patchSize: number;
  patchStride: number;
}

/**
 * @param ux, uy output dense flow (w*h)
 * @param wsum scratch of w*h floats
 */
export function densify(d: DensifyInput, ux: Float32Array, uy: Float32Array, wsum: Float32Array): void {
  const { w, h, i0, i1, sx, sy, ws, hs, patchSize: psz, patchStride: stride } = d;
  const n = w * h;
  ux.fill(0, 0, n);
  uy.fill(0, 0, n);
  wsum.fill(0, 0, n);
  const maxX = w - 1 - 1e-3;
  const maxY = h - 1 - 1e-3;
  for (let is = 0; is < hs; is++) {
    const y0 = is * stride;
    const y1 = is === hs - 1 ? h : y0 + psz;
    for (let js = 0; js < ws; js++) {
      const x0 = js * stride;
      const x1 = js === ws - 1 ? w : x0 + psz;
      const k = is * ws + js;
      const u = sx[k]!;
      const v = sy[k]!;
      for (let y = y0; y < y1; y++) {
        let ym = y + v;
        ym = ym < 0 ? 0 : ym > maxY ? maxY : ym;
        const yl = ym | 0;
        const ay = ym - yl;
        const r0 = yl * w;
        const r1 = r0 + w;
        const row = y * w;
        for (let x = x0; x < x1; x++) {
          let xm = x + u;
          xm = xm < 0 ? 0 : xm > maxX ? maxX : xm;
          const xl = xm | 0;
          const ax = xm - xl;
          const top = i1[r0 + xl]! + ax * (i1[r0 + xl + 1]! - i1[r0 + xl]!);
          const bot = i1[r1 + xl]! + ax * (i1[r1 + xl + 1]! - i1[r1 + xl]!);
          let diff = top + ay * (bot - top) - i0[row + x]!;
          if (diff < 0) diff = -diff;
          const c = diff > 1 ? 1 / diff : 1;
          const p = row + x;
          ux[p] += c * u;
          uy[p] += c * v;
          wsum[p] += c;
        }
      }
    }
  }
  for (let p = 0; p < n; p++) {
    const s = wsum[p]!;
    ux[p] = ux[p]! / s;
    uy[p] = uy[p]! / s;
  }
}
