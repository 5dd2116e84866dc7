/**
 * WebAssembly twin of ../../patch-search.ts (DIS inverse search with spatial propagation); read
 * that file for the method. Same control flow and f64 scalar logic; the per-patch sums run in f32
 * SIMD lanes (4 columns at a time, each I1 row interpolated horizontally once and carried to the
 * next row), so patchSize must be a multiple of 4. All arrays are f32 planes in linear memory.
 */

const B: i32 = 16; // SEARCH_BORDER
const STRIPES: i32 = 8; // PROPAGATION_STRIPES

// Results of the last sample(): Σd, Σd², Σd·Ix, Σd·Iy.
let rSd: f64 = 0;
let rSd2: f64 = 0;
let rSx: f64 = 0;
let rSy: f64 = 0;

function hsum(v: v128): f64 {
  return <f64>f32x4.extract_lane(v, 0) + <f64>f32x4.extract_lane(v, 1) + <f64>f32x4.extract_lane(v, 2) + <f64>f32x4.extract_lane(v, 3);
}

/** Σd and Σd² of the patch at (i, j) in I0 against I1ext at (pi, pj) (already clamped, border-shifted). */
function sampleSsd(i0: usize, i1: usize, w: i32, psz: i32, i: i32, j: i32, pi: f64, pj: f64): void {
  const we = w + 2 * B;
  const fi = <i32>Math.floor(pi);
  const fj = <i32>Math.floor(pj);
  const vai = f32x4.splat(<f32>(pi - <f64>fi));
  const vaj = f32x4.splat(<f32>(pj - <f64>fj));
  let vsd = f32x4.splat(0);
  let vsd2 = f32x4.splat(0);
  const rowT = <usize>w << 2;
  const rowI = <usize>we << 2;
  for (let c = 0; c < psz; c += 4) {
    let p0 = i0 + ((<usize>(i * w + j + c)) << 2);
    let p1 = i1 + ((<usize>(fi * we + fj + c)) << 2);
    let a = v128.load(p1);
    let top = f32x4.add(a, f32x4.mul(vaj, f32x4.sub(v128.load(p1, 4), a)));
    for (let r = 0; r < psz; r++) {
      p1 += rowI;
      const b = v128.load(p1);
      const bot = f32x4.add(b, f32x4.mul(vaj, f32x4.sub(v128.load(p1, 4), b)));
      const d = f32x4.sub(f32x4.add(top, f32x4.mul(vai, f32x4.sub(bot, top))), v128.load(p0));
      vsd = f32x4.add(vsd, d);
      vsd2 = f32x4.add(vsd2, f32x4.mul(d, d));
      top = bot;
      p0 += rowT;
    }
  }
  rSd = hsum(vsd);
  rSd2 = hsum(vsd2);
}

/** As sampleSsd, plus Σd·Ix and Σd·Iy. */
function sampleGrad(i0: usize, i1: usize, ix: usize, iy: usize, w: i32, psz: i32, i: i32, j: i32, pi: f64, pj: f64): void {
  const we = w + 2 * B;
  const fi = <i32>Math.floor(pi);
  const fj = <i32>Math.floor(pj);
  const vai = f32x4.splat(<f32>(pi - <f64>fi));
  const vaj = f32x4.splat(<f32>(pj - <f64>fj));
  let vsd = f32x4.splat(0);
  let vsd2 = f32x4.splat(0);
  let vsx = f32x4.splat(0);
  let vsy = f32x4.splat(0);
  const rowT = <usize>w << 2;
  const rowI = <usize>we << 2;
  for (let c = 0; c < psz; c += 4) {
    let o0 = (<usize>(i * w + j + c)) << 2;
    let p1 = i1 + ((<usize>(fi * we + fj + c)) << 2);
    let a = v128.load(p1);
    let top = f32x4.add(a, f32x4.mul(vaj, f32x4.sub(v128.load(p1, 4), a)));
    for (let r = 0; r < psz; r++) {
      p1 += rowI;
      const b = v128.load(p1);
      const bot = f32x4.add(b, f32x4.mul(vaj, f32x4.sub(v128.load(p1, 4), b)));
      const d = f32x4.sub(f32x4.add(top, f32x4.mul(vai, f32x4.sub(bot, top))), v128.load(i0 + o0));
      vsd = f32x4.add(vsd, d);
      vsd2 = f32x4.add(vsd2, f32x4.mul(d, d));
      vsx = f32x4.add(vsx, f32x4.mul(d, v128.load(ix + o0)));
      vsy = f32x4.add(vsy, f32x4.mul(d, v128.load(iy + o0)));
      top = bot;
      o0 += rowT;
    }
  }
  rSd = hsum(vsd);
  rSd2 = hsum(vsd2);
  rSx = hsum(vsx);
  rSy = hsum(vsy);
}

function ldf(base: usize, k: i32): f32 {
  return load<f32>(base + ((<usize>k) << 2));
}

function stf(base: usize, k: i32, v: f32): void {
  store<f32>(base + ((<usize>k) << 2), v);
}

// Per-level constants shared by the helpers below (set by patchSearch).
let gW: i32 = 0;
let gPsz: i32 = 0;
let gN: f64 = 0;
let gMeanNorm: bool = true;
let gLoI: f64 = 0;
let gHiI: f64 = 0;
let gLoJ: f64 = 0;
let gHiJ: f64 = 0;
let gI0: usize = 0;
let gI1: usize = 0;

function clampD(v: f64, lo: f64, hi: f64): f64 {
  return v < lo ? lo : v > hi ? hi : v;
}

function ssdAt(i: i32, j: i32, u: f64, v: f64): f64 {
  sampleSsd(gI0, gI1, gW, gPsz, i, j, clampD(<f64>(i + B) + v, gLoI, gHiI), clampD(<f64>(j + B) + u, gLoJ, gHiJ));
  return gMeanNorm ? rSd2 - (rSd * rSd) / gN : rSd2;
}

/**
 * One pyramid level of the inverse search; arguments as patchInverseSearch in ../../patch-search.ts.
 * stXX..stY: the structure tensor planes (ws*hs cells): Σ Ix², Σ Iy², Σ Ix·Iy, Σ Ix, Σ Iy.
 * flags: bit 0 mean normalisation, bit 1 spatial propagation.
 */
export function patchSearch(
  i0: usize, i1ext: usize, ix: usize, iy: usize, w: i32, h: i32, ux: usize, uy: usize,
  stXX: usize, stYY: usize, stXY: usize, stX: usize, stY: usize,
  ws: i32, hs: i32, psz: i32, stride: i32, iterations: i32, flags: i32, sx: usize, sy: usize,
): void {
  const half = psz >> 1;
  gW = w; gPsz = psz; gN = <f64>(psz * psz); gI0 = i0; gI1 = i1ext;
  gMeanNorm = (flags & 1) != 0;
  const prop = (flags & 2) != 0;
  gLoI = <f64>(B - psz + 1); gHiI = <f64>(B + h - 1);
  gLoJ = <f64>(B - psz + 1); gHiJ = <f64>(B + w - 1);
  const sweeps = prop ? 2 : 1;
  const inner = max(1, iterations / sweeps);
  const stripe = (hs + STRIPES - 1) / STRIPES;
  const n = gN;
  const maxJump = <f64>(psz * psz);

  for (let sweep = 0; sweep < sweeps; sweep++) {
    const fwd = (sweep & 1) == 0;
    const dir = fwd ? 1 : -1;
    for (let ks = 0; ks < hs; ks++) {
      const is = fwd ? ks : hs - 1 - ks;
      const i = is * stride;
      for (let kj = 0; kj < ws; kj++) {
        const js = fwd ? kj : ws - 1 - kj;
        const j = js * stride;
        const k = is * ws + js;
        if (sweep == 0) {
          const c = (i + half) * w + j + half;
          stf(sx, k, ldf(ux, c));
          stf(sy, k, ldf(uy, c));
        }
        if (prop) {
          let cu = ldf(sx, k), cv = ldf(sy, k);
          let best = ssdAt(i, j, <f64>cu, <f64>cv);
          if (kj > 0) {
            const q = k - dir;
            const qu = ldf(sx, q), qv = ldf(sy, q);
            if (qu != cu || qv != cv) {
              const c = ssdAt(i, j, <f64>qu, <f64>qv);
              if (c < best) {
                best = c;
                cu = qu; cv = qv;
                stf(sx, k, qu); stf(sy, k, qv);
              }
            }
          }
          const stripeStart = fwd ? is % stripe == 0 : is % stripe == stripe - 1 || is == hs - 1;
          if (ks > 0 && !stripeStart) {
            const q = k - dir * ws;
            const qu = ldf(sx, q), qv = ldf(sy, q);
            if (qu != cu || qv != cv) {
              const c = ssdAt(i, j, <f64>qu, <f64>qv);
              if (c < best) {
                stf(sx, k, qu); stf(sy, k, qv);
              }
            }
          }
        }
        const startU = <f64>ldf(sx, k);
        const startV = <f64>ldf(sy, k);
        const hxx = <f64>ldf(stXX, k), hyy = <f64>ldf(stYY, k), hxy = <f64>ldf(stXY, k);
        let det = hxx * hyy - hxy * hxy;
        if (Math.abs(det) < 1e-3) det = 1e-3;
        const inv11 = hyy / det, inv12 = -hxy / det, inv22 = hxx / det;
        const gxSum = <f64>ldf(stX, k), gySum = <f64>ldf(stY, k);
        let u = startU, v = startV;
        let prevSsd = Infinity;
        for (let t = 0; t < inner; t++) {
          sampleGrad(i0, i1ext, ix, iy, w, psz, i, j, clampD(<f64>(i + B) + v, gLoI, gHiI), clampD(<f64>(j + B) + u, gLoJ, gHiJ));
          let bx = rSx, by = rSy, ssd = rSd2;
          if (gMeanNorm) {
            const sd = rSd;
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
        if (du * du + dv * dv <= maxJump) {
          stf(sx, k, <f32>u);
          stf(sy, k, <f32>v);
        }
      }
    }
  }
}
