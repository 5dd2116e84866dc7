/**
 * DIS inverse search (Kroeger et al. 2016, §2.1): for every patch of the sparse grid, find the
 * displacement u minimising the (optionally mean-normalised) SSD between the template patch in I0
 * and the bilinearly sampled patch in I1 at x + u, by inverse-compositional Lucas-Kanade: the
 * Hessian H = Σ ∇T ∇Tᵀ of the template is precomputed once per patch (structure tensor), each
 * iteration only re-samples I1 and solves u ← u - H⁻¹ Σ ∇T (I1(x+u) - T).
 *
 * The gradients are unnormalised 3x3 Sobel responses (8x the per-pixel derivative), exactly as in
 * OpenCV, so each update is 1/8 of the Gauss-Newton step: a damped descent. On our synthetic
 * benchmark it is more robust than full steps; descent stops after the first step taken from a
 * position whose SSD did not improve (OpenCV's rule).
 *
 * Spatial propagation (OpenCV's use_spatial_propagation): two sweeps, forward (top-left to
 * bottom-right) then backward; before descending, each patch also tries the current flow of its
 * already-visited left/upper (resp. right/lower) neighbour and starts from the candidate with the
 * lowest SSD. Like OpenCV, rows are split into PROPAGATION_STRIPES horizontal stripes and vertical
 * propagation does not cross a stripe boundary (OpenCV does this for deterministic parallelism;
 * it also keeps a wrong vector from sweeping down the whole image). Iterations are split evenly
 * between the sweeps. A descent that ends more than one patch size away from its start is
 * discarded (robustness rule of OpenCV's implementation).
 */
import type { StructureTensor } from './structure-tensor.ts';

/** Border (pixels, replicated) around I1 so patches may be sampled partly outside the image. */
export const SEARCH_BORDER = 16;
/** Horizontal stripes of the patch grid that vertical propagation does not cross (OpenCV: 8). */
export const PROPAGATION_STRIPES = 8;

export interface SearchLevel {
  w: number;
  h: number;
  /** Template image, w*h. */
  i0: Float32Array;
  /** Target image with a replicated border of SEARCH_BORDER, (w+2B)*(h+2B). */
  i1ext: Float32Array;
  /** Template gradients (unnormalised 3x3 Sobel, as OpenCV's spatialGradient), w*h. */
  ix: Float32Array;
  iy: Float32Array;
}

export interface SearchParams {
  patchSize: number;
  patchStride: number;
  gradientDescentIterations: number;
  useMeanNormalization: boolean;
  useSpatialPropagation: boolean;
}

/** Scratch written by sampling: [Σd, Σd², Σd·Ix, Σd·Iy]. */
const acc = new Float64Array(4);

/**
 * Sums over one patch; i, j patch origin in I0; pi, pj clamped position in I1ext. The 8x8 case
 * (every preset) is unrolled: each I1 value is loaded once per row pair instead of four times.
 */
function samplePatch(
  lv: SearchLevel,
  psz: number,
  i: number,
  j: number,
  pi: number,
  pj: number,
  withGrad: boolean,
): void {
  const w = lv.w;
  const we = w + 2 * SEARCH_BORDER;
  const fi = Math.floor(pi);
  const fj = Math.floor(pj);
  const ai = pi - fi;
  const aj = pj - fj;
  const w00 = (1 - ai) * (1 - aj);
  const w01 = (1 - ai) * aj;
  const w10 = ai * (1 - aj);
  const w11 = ai * aj;
  const i0 = lv.i0;
  const i1 = lv.i1ext;
  const ix = lv.ix;
  const iy = lv.iy;
  let sd = 0, sd2 = 0, sx = 0, sy = 0;
  let p0 = i * w + j;
  let p1 = fi * we + fj;
  if (psz === 8) {
    // a0..a8: the current I1 row (horizontally at fj..fj+8), carried over as the next row's top.
    let a0 = i1[p1]!, a1 = i1[p1 + 1]!, a2 = i1[p1 + 2]!, a3 = i1[p1 + 3]!, a4 = i1[p1 + 4]!, a5 = i1[p1 + 5]!, a6 = i1[p1 + 6]!, a7 = i1[p1 + 7]!, a8 = i1[p1 + 8]!;
    for (let r = 0; r < 8; r++) {
      p1 += we;
      const b0 = i1[p1]!, b1 = i1[p1 + 1]!, b2 = i1[p1 + 2]!, b3 = i1[p1 + 3]!, b4 = i1[p1 + 4]!, b5 = i1[p1 + 5]!, b6 = i1[p1 + 6]!, b7 = i1[p1 + 7]!, b8 = i1[p1 + 8]!;
      const d0 = w00 * a0 + w01 * a1 + w10 * b0 + w11 * b1 - i0[p0]!;
      const d1 = w00 * a1 + w01 * a2 + w10 * b1 + w11 * b2 - i0[p0 + 1]!;
      const d2 = w00 * a2 + w01 * a3 + w10 * b2 + w11 * b3 - i0[p0 + 2]!;
      const d3 = w00 * a3 + w01 * a4 + w10 * b3 + w11 * b4 - i0[p0 + 3]!;
      const d4 = w00 * a4 + w01 * a5 + w10 * b4 + w11 * b5 - i0[p0 + 4]!;
      const d5 = w00 * a5 + w01 * a6 + w10 * b5 + w11 * b6 - i0[p0 + 5]!;
      const d6 = w00 * a6 + w01 * a7 + w10 * b6 + w11 * b7 - i0[p0 + 6]!;
      const d7 = w00 * a7 + w01 * a8 + w10 * b7 + w11 * b8 - i0[p0 + 7]!;
      sd += d0 + d1 + d2 + d3 + d4 + d5 + d6 + d7;
      sd2 += d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3 + d4 * d4 + d5 * d5 + d6 * d6 + d7 * d7;
      if (withGrad) {
        sx += d0 * ix[p0]! + d1 * ix[p0 + 1]! + d2 * ix[p0 + 2]! + d3 * ix[p0 + 3]! + d4 * ix[p0 + 4]! + d5 * ix[p0 + 5]! + d6 * ix[p0 + 6]! + d7 * ix[p0 + 7]!;
        sy += d0 * iy[p0]! + d1 * iy[p0 + 1]! + d2 * iy[p0 + 2]! + d3 * iy[p0 + 3]! + d4 * iy[p0 + 4]! + d5 * iy[p0 + 5]! + d6 * iy[p0 + 6]! + d7 * iy[p0 + 7]!;
      }
      a0 = b0; a1 = b1; a2 = b2; a3 = b3; a4 = b4; a5 = b5; a6 = b6; a7 = b7; a8 = b8;
      p0 += w;
    }
    acc[0] = sd;
    acc[1] = sd2;
    acc[2] = sx;
    acc[3] = sy;
    return;
  }
  for (let r = 0; r < psz; r++) {
    if (withGrad) {
      for (let c = 0; c < psz; c++) {
        const q = p1 + c;
        const d = w00 * i1[q]! + w01 * i1[q + 1]! + w10 * i1[q + we]! + w11 * i1[q + we + 1]! - i0[p0 + c]!;
        sd += d;
        sd2 += d * d;
        sx += d * ix[p0 + c]!;
        sy += d * iy[p0 + c]!;
      }
    } else {
      for (let c = 0; c < psz; c++) {
        const q = p1 + c;
        const d = w00 * i1[q]! + w01 * i1[q + 1]! + w10 * i1[q + we]! + w11 * i1[q + we + 1]! - i0[p0 + c]!;
        sd += d;
        sd2 += d * d;
      }
    }
    p0 += w;
    p1 += we;
  }
  acc[0] = sd;
  acc[1] = sd2;
  acc[2] = sx;
  acc[3] = sy;
}

/**
 * Runs the inverse search on one pyramid level.
 * @param ux, uy dense initial flow of this level (w*h), read at patch centres on the first sweep
 * @param st structure tensor of the grid (ws*hs cells)
 * @param sx, sy output sparse flow, ws*hs
 */
export function patchInverseSearch(
  lv: SearchLevel,
  ux: Float32Array,
  uy: Float32Array,
  st: StructureTensor,
  ws: number,
  hs: number,
  p: SearchParams,
  sx: Float32Array,
  sy: Float32Array,
): void {
  const { w, h } = lv;
  const psz = p.patchSize;
  const stride = p.patchStride;
  const half = psz >> 1;
  const n = psz * psz;
  const B = SEARCH_BORDER;
  const loI = B - psz + 1, hiI = B + h - 1;
  const loJ = B - psz + 1, hiJ = B + w - 1;
  const meanNorm = p.useMeanNormalization;
  const sweeps = p.useSpatialPropagation ? 2 : 1;
  const inner = Math.max(1, Math.floor(p.gradientDescentIterations / sweeps));
  const stripe = Math.ceil(hs / PROPAGATION_STRIPES);

  const clampI = (v: number): number => (v < loI ? loI : v > hiI ? hiI : v);
  const clampJ = (v: number): number => (v < loJ ? loJ : v > hiJ ? hiJ : v);
  const ssdAt = (i: number, j: number, u: number, v: number): number => {
    samplePatch(lv, psz, i, j, clampI(i + v + B), clampJ(j + u + B), false);
    return meanNorm ? acc[1]! - (acc[0]! * acc[0]!) / n : acc[1]!;
  };

  for (let sweep = 0; sweep < sweeps; sweep++) {
    const fwd = sweep % 2 === 0;
    const dir = fwd ? 1 : -1;
    for (let ks = 0; ks < hs; ks++) {
      const is = fwd ? ks : hs - 1 - ks;
      const i = is * stride;
      for (let kj = 0; kj < ws; kj++) {
        const js = fwd ? kj : ws - 1 - kj;
        const j = js * stride;
        const k = is * ws + js;
        if (sweep === 0) {
          const c = (i + half) * w + j + half;
          sx[k] = ux[c]!;
          sy[k] = uy[c]!;
        }
        if (p.useSpatialPropagation) {
          let best = ssdAt(i, j, sx[k]!, sy[k]!);
          // A candidate equal to the current vector cannot win (strict comparison): skip it.
          if (kj > 0 && (sx[k - dir] !== sx[k] || sy[k - dir] !== sy[k])) {
            const q = k - dir;
            const c = ssdAt(i, j, sx[q]!, sy[q]!);
            if (c < best) {
              best = c;
              sx[k] = sx[q]!;
              sy[k] = sy[q]!;
            }
          }
          const stripeStart = fwd ? is % stripe === 0 : is % stripe === stripe - 1 || is === hs - 1;
          if (ks > 0 && !stripeStart && (sx[k - dir * ws] !== sx[k] || sy[k - dir * ws] !== sy[k])) {
            const q = k - dir * ws;
            const c = ssdAt(i, j, sx[q]!, sy[q]!);
            if (c < best) {
              sx[k] = sx[q]!;
              sy[k] = sy[q]!;
            }
          }
        }
        const startU = sx[k]!;
        const startV = sy[k]!;
        const hxx = st.xx[k]!, hyy = st.yy[k]!, hxy = st.xy[k]!;
        let det = hxx * hyy - hxy * hxy;
        if (Math.abs(det) < 1e-3) det = 1e-3;
        const inv11 = hyy / det, inv12 = -hxy / det, inv22 = hxx / det;
        const gxSum = st.x[k]!, gySum = st.y[k]!;
        let u = startU, v = startV;
        let prevSsd = Infinity;
        for (let t = 0; t < inner; t++) {
          samplePatch(lv, psz, i, j, clampI(i + v + B), clampJ(j + u + B), true);
          let bx = acc[2]!, by = acc[3]!, ssd = acc[1]!;
          if (meanNorm) {
            const sd = acc[0]!;
            bx -= (sd * gxSum) / n;
            by -= (sd * gySum) / n;
            ssd -= (sd * sd) / n;
          }
          u -= inv11 * bx + inv12 * by;
          v -= inv12 * bx + inv22 * by;
          if (ssd >= prevSsd) break;
          prevSsd = ssd;
        }
        const du = u - startU, dv = v - startV;
        if (du * du + dv * dv <= psz * psz) {
          sx[k] = u;
          sy[k] = v;
        }
      }
    }
  }
}
