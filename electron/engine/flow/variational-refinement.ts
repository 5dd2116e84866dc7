/**
 * Variational refinement of a flow field (Brox et al. 2004 energy as used by DIS, following
 * OpenCV's VariationalRefinement): minimises, for the increment du = (du, dv) around the input
 * flow W,
 *
 *   E = Σ δ Ψ(|I_z + ∇I·du|² / (|∇I|² + ζ²))                       brightness constancy
 *     + Σ γ Ψ(|∇I_z + H_I du|² normalised per component)              gradient constancy
 *     + Σ α Ψ(|∇(W + du)|²)                                            smoothness
 *
 * with Ψ(s²) = sqrt(s² + ε²) (robust L1), derivatives taken on the average of I0 and I1 warped by
 * W (I_z = warped I1 - I0), ζ = 0.1, ε = 0.001. Each fixed-point iteration linearises the robust
 * weights at the current estimate and solves the resulting 2x2-per-pixel sparse system with a few
 * red-black SOR sweeps (ω = 1.6). δ, γ, α enter halved, as in OpenCV, so the same parameter
 * values give the same balance.
 */

export interface VariationalOptions {
  /** Smoothness weight. Default 20. */
  alpha: number;
  /** Brightness-constancy weight. Default 5. */
  delta: number;
  /** Gradient-constancy weight. Default 10. */
  gamma: number;
  /** Outer (re-linearisation) iterations. Default 5. */
  fixedPointIterations: number;
  /** Red-black SOR sweeps per fixed-point iteration. Default 5. */
  sorIterations: number;
  /** SOR relaxation factor. Default 1.6. */
  omega: number;
}

export const VARIATIONAL_DEFAULTS: VariationalOptions = {
  alpha: 20,
  delta: 5,
  gamma: 10,
  fixedPointIterations: 5,
  sorIterations: 5,
  omega: 1.6,
};

const ZETA2 = 0.1 * 0.1;
const EPS2 = 0.001 * 0.001;

/** Scratch buffers, reusable across calls whose images have at most `capacity` pixels. */
export interface VariationalWorkspace {
  capacity: number;
  planes: Float32Array[];
  padded: Float32Array[];
}

export function createVariationalWorkspace(width: number, height: number): VariationalWorkspace {
  const n = width * height;
  const np = (width + 2) * (height + 2);
  return {
    capacity: n,
    planes: Array.from({ length: 17 }, () => new Float32Array(n)),
    padded: Array.from({ length: 3 }, () => new Float32Array(np)),
  };
}

/** Central difference [-1 0 1] (unnormalised, replicated border) along x or y. */
function diff(src: Float32Array, w: number, h: number, alongX: boolean, out: Float32Array): void {
  for (let y = 0; y < h; y++) {
    const r = y * w;
    if (alongX) {
      for (let x = 0; x < w; x++) {
        out[r + x] = src[r + (x < w - 1 ? x + 1 : x)]! - src[r + (x > 0 ? x - 1 : x)]!;
      }
    } else {
      const ru = (y > 0 ? y - 1 : y) * w;
      const rd = (y < h - 1 ? y + 1 : y) * w;
      for (let x = 0; x < w; x++) out[r + x] = src[rd + x]! - src[ru + x]!;
    }
  }
}

/** Per-pixel constants of the data term (normalised derivatives), fixed across fixed-point iterations. */
interface DataPlanes {
  nx: Float32Array; ny: Float32Array; nz: Float32Array;
  ax: Float32Array; bx: Float32Array; cx: Float32Array;
  ay: Float32Array; by: Float32Array; cy: Float32Array;
}

/**
 * Warps I1 by the flow (bilinear, replicated border), takes derivatives of the average image and
 * of the temporal difference, and normalises the constancy terms once: brightness
 * (nx, ny, nz) = (Ix, Iy, Iz) / sqrt(|∇I|² + ζ²); gradient constancy rows
 * (ax, bx, cx) = (Ixx, Ixy, Ixz) / sqrt(Ixx² + Ixy² + ζ²), (ay, by, cy) = (Ixy, Iyy, Iyz) / sqrt(Iyy² + Ixy² + ζ²).
 */
function prepare(i0: Float32Array, i1: Float32Array, w: number, h: number, u: Float32Array, v: Float32Array, pl: Float32Array[]): DataPlanes {
  const [warped, avg, iz, ix, iy, ixx, ixy, iyy, ixz, iyz] = pl as [
    Float32Array, Float32Array, Float32Array, Float32Array, Float32Array,
    Float32Array, Float32Array, Float32Array, Float32Array, Float32Array,
  ];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      let fx = x + u[p]!;
      let fy = y + v[p]!;
      fx = fx < 0 ? 0 : fx > w - 1 ? w - 1 : fx;
      fy = fy < 0 ? 0 : fy > h - 1 ? h - 1 : fy;
      const x0 = Math.floor(fx);
      const y0 = Math.floor(fy);
      const x1 = x0 < w - 1 ? x0 + 1 : x0;
      const y1 = y0 < h - 1 ? y0 + 1 : y0;
      const ax = fx - x0;
      const ay = fy - y0;
      const top = i1[y0 * w + x0]! + ax * (i1[y0 * w + x1]! - i1[y0 * w + x0]!);
      const bot = i1[y1 * w + x0]! + ax * (i1[y1 * w + x1]! - i1[y1 * w + x0]!);
      const val = top + ay * (bot - top);
      avg[p] = 0.5 * (i0[p]! + val);
      iz[p] = val - i0[p]!;
    }
  }
  diff(avg, w, h, true, ix);
  diff(avg, w, h, false, iy);
  diff(iz, w, h, true, ixz);
  diff(iz, w, h, false, iyz);
  diff(ix, w, h, true, ixx);
  diff(ix, w, h, false, ixy);
  diff(iy, w, h, false, iyy);
  // Normalise in place; `warped` (no longer needed) receives ay.
  const n = w * h;
  for (let p = 0; p < n; p++) {
    const gx = ix[p]!, gy = iy[p]!;
    const k0 = 1 / Math.sqrt(gx * gx + gy * gy + ZETA2);
    ix[p] = gx * k0;
    iy[p] = gy * k0;
    iz[p] = iz[p]! * k0;
    const gxx = ixx[p]!, gxy = ixy[p]!, gyy = iyy[p]!;
    const k1 = 1 / Math.sqrt(gxx * gxx + gxy * gxy + ZETA2);
    const k2 = 1 / Math.sqrt(gyy * gyy + gxy * gxy + ZETA2);
    ixx[p] = gxx * k1;
    ixy[p] = gxy * k1;
    ixz[p] = ixz[p]! * k1;
    warped[p] = gxy * k2;
    iyy[p] = gyy * k2;
    iyz[p] = iyz[p]! * k2;
  }
  return { nx: ix, ny: iy, nz: iz, ax: ixx, bx: ixy, cx: ixz, ay: warped, by: iyy, cy: iyz };
}

/** Linear system of the data term at the current increment (du, dv padded). */
function dataTerm(
  d: DataPlanes, w: number, h: number, du: Float32Array, dv: Float32Array, delta2: number, gamma2: number,
  a11: Float32Array, a12: Float32Array, a22: Float32Array, b1: Float32Array, b2: Float32Array,
): void {
  const { nx, ny, nz, ax: Ax, bx: Bx, cx: Cx, ay: Ay, by: By, cy: Cy } = d;
  const W2 = w + 2;
  for (let y = 0; y < h; y++) {
    let pp = (y + 1) * W2 + 1;
    for (let p = y * w, e = p + w; p < e; p++, pp++) {
      const cu = du[pp]!, cv = dv[pp]!;
      const ex = nx[p]!, ey = ny[p]!, ez = nz[p]!;
      const r = ez + ex * cu + ey * cv;
      const w1 = delta2 / Math.sqrt(r * r + EPS2);
      const ax = Ax[p]!, bx = Bx[p]!, cx = Cx[p]!, ay = Ay[p]!, by = By[p]!, cy = Cy[p]!;
      const rx = cx + ax * cu + bx * cv;
      const ry = cy + ay * cu + by * cv;
      const w2 = gamma2 / Math.sqrt(rx * rx + ry * ry + EPS2);
      a11[p] = w1 * ex * ex + ZETA2 + w2 * (ax * ax + ay * ay);
      a12[p] = w1 * ex * ey + w2 * (ax * bx + ay * by);
      a22[p] = w1 * ey * ey + ZETA2 + w2 * (bx * bx + by * by);
      b1[p] = -w1 * ez * ex - w2 * (ax * cx + ay * cy);
      b2[p] = -w1 * ez * ey - w2 * (bx * cx + by * cy);
    }
  }
}

/**
 * Smoothness: robust weight per pixel from the current flow's forward differences (zero across
 * the border), then each edge (p, right) and (p, down) adds to both endpoints' equations.
 * Finally the diagonal is replaced by its reciprocal (the SOR sweeps only divide by it).
 */
function smoothnessTerm(
  u: Float32Array, v: Float32Array, tu: Float32Array, tv: Float32Array, w: number, h: number, alpha2: number,
  sw: Float32Array, a11: Float32Array, a22: Float32Array, b1: Float32Array, b2: Float32Array,
): void {
  const W2 = w + 2;
  for (let y = 0; y < h; y++) {
    const down = y < h - 1 ? w : 0; // offset of the lower neighbour; 0 on the last row (no edge)
    let pp = (y + 1) * W2 + 1;
    const end = y * w + w - 1;
    let p = y * w;
    // Interior columns: both the right edge and (except on the last row) the lower edge exist.
    for (; p < end; p++, pp++) {
      const c = tu[p]!, d = tv[p]!;
      const ux = tu[p + 1]! - c;
      const vx = tv[p + 1]! - d;
      const uy = tu[p + down]! - c;
      const vy = tv[p + down]! - d;
      const wt = alpha2 / Math.sqrt(ux * ux + vx * vx + uy * uy + vy * vy + EPS2);
      sw[pp] = wt;
      const u0 = u[p]!, v0 = v[p]!;
      const eu = wt * (u[p + 1]! - u0);
      const ev = wt * (v[p + 1]! - v0);
      a11[p + 1] += wt; a22[p + 1] += wt; b1[p + 1] -= eu; b2[p + 1] -= ev;
      let diag = wt, e1 = eu, e2 = ev;
      if (down) {
        const fu = wt * (u[p + down]! - u0);
        const fv = wt * (v[p + down]! - v0);
        diag += wt; e1 += fu; e2 += fv;
        a11[p + down] += wt; a22[p + down] += wt; b1[p + down] -= fu; b2[p + down] -= fv;
      }
      // Row y's own entries are complete now (left and upper edges were added earlier).
      a11[p] = 1 / (a11[p]! + diag);
      a22[p] = 1 / (a22[p]! + diag);
      b1[p] += e1;
      b2[p] += e2;
    }
    // Last column: no right edge.
    const c = tu[p]!, d = tv[p]!;
    const uy = tu[p + down]! - c;
    const vy = tv[p + down]! - d;
    const wt = alpha2 / Math.sqrt(uy * uy + vy * vy + EPS2);
    sw[pp] = wt;
    let diag = 0, e1 = 0, e2 = 0;
    if (down) {
      const fu = wt * (u[p + down]! - u[p]!);
      const fv = wt * (v[p + down]! - v[p]!);
      diag = wt; e1 = fu; e2 = fv;
      a11[p + down] += wt; a22[p + down] += wt; b1[p + down] -= fu; b2[p + down] -= fv;
    }
    a11[p] = 1 / (a11[p]! + diag);
    a22[p] = 1 / (a22[p]! + diag);
    b1[p] += e1;
    b2[p] += e2;
  }
}

/** One red-black SOR iteration (both colours) on the padded increment planes. */
function sorIteration(
  w: number, h: number, omega: number, sw: Float32Array, du: Float32Array, dv: Float32Array,
  inv11: Float32Array, a12: Float32Array, inv22: Float32Array, b1: Float32Array, b2: Float32Array,
): void {
  const W2 = w + 2;
  for (let colour = 0; colour < 2; colour++) {
    for (let y = 0; y < h; y++) {
      const x0 = (y + colour) & 1;
      let p = y * w + x0;
      let pp = (y + 1) * W2 + 1 + x0;
      for (let x = x0; x < w; x += 2, p += 2, pp += 2) {
        const wc = sw[pp]!, wl = sw[pp - 1]!, wu = sw[pp - W2]!;
        const su = wl * du[pp - 1]! + wc * du[pp + 1]! + wu * du[pp - W2]! + wc * du[pp + W2]!;
        const sv = wl * dv[pp - 1]! + wc * dv[pp + 1]! + wu * dv[pp - W2]! + wc * dv[pp + W2]!;
        const cu = du[pp]!;
        const cv = dv[pp]!;
        const m = a12[p]!;
        const nu = cu + omega * ((su + b1[p]! - cv * m) * inv11[p]! - cu);
        du[pp] = nu;
        dv[pp] = cv + omega * ((sv + b2[p]! - nu * m) * inv22[p]! - cv);
      }
    }
  }
}

/** Refines (u, v) in place. i0, i1, u, v are w*h planes. */
export function variationalRefine(
  i0: Float32Array,
  i1: Float32Array,
  w: number,
  h: number,
  u: Float32Array,
  v: Float32Array,
  options: Partial<VariationalOptions> = {},
  workspace?: VariationalWorkspace,
): void {
  const o = { ...VARIATIONAL_DEFAULTS, ...options };
  if (o.fixedPointIterations <= 0) return;
  const n = w * h;
  const wsp = workspace && workspace.capacity >= n && workspace.padded[0]!.length >= (w + 2) * (h + 2)
    ? workspace
    : createVariationalWorkspace(w, h);
  const pl = wsp.planes;
  const [a11, a12, a22, b1, b2, tu, tv] = pl.slice(10) as [
    Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array,
  ];
  const [du, dv, sw] = wsp.padded as [Float32Array, Float32Array, Float32Array];
  const W2 = w + 2;
  const np = W2 * (h + 2);
  du.fill(0, 0, np);
  dv.fill(0, 0, np);
  sw.fill(0, 0, np);
  const data = prepare(i0, i1, w, h, u, v, pl);
  tu.set(u.subarray(0, n));
  tv.set(v.subarray(0, n));
  for (let fp = 0; fp < o.fixedPointIterations; fp++) {
    dataTerm(data, w, h, du, dv, o.delta / 2, o.gamma / 2, a11, a12, a22, b1, b2);
    smoothnessTerm(u, v, tu, tv, w, h, o.alpha / 2, sw, a11, a22, b1, b2);
    for (let it = 0; it < o.sorIterations; it++) sorIteration(w, h, o.omega, sw, du, dv, a11, a12, a22, b1, b2);
    for (let y = 0; y < h; y++) {
      let pp = (y + 1) * W2 + 1;
      for (let p = y * w, e = p + w; p < e; p++, pp++) {
        tu[p] = u[p]! + du[pp]!;
        tv[p] = v[p]! + dv[pp]!;
      }
    }
  }
  u.set(tu.subarray(0, n));
  v.set(tv.subarray(0, n));
}
