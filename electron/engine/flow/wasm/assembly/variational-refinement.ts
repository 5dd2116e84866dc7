/**
 * WebAssembly twin of ../../variational-refinement.ts (read it for the energy and the scheme):
 * the same prepare / data term / smoothness / red-black SOR steps over the same planes, in f32.
 * The workspace `wsp` holds 17 planes of w*h floats then 3 padded planes of (w+2)*(h+2).
 */

const ZETA2: f32 = 0.1 * 0.1;
const EPS2: f32 = 0.001 * 0.001;

function ld(base: usize, k: i32): f32 {
  return load<f32>(base + ((<usize>k) << 2));
}

function st(base: usize, k: i32, v: f32): void {
  store<f32>(base + ((<usize>k) << 2), v);
}

function plane(wsp: usize, index: i32, n: i32): usize {
  return wsp + ((<usize>(index * n)) << 2);
}

/** Central difference [-1 0 1], replicated border, along x or y. */
function diff(src: usize, w: i32, h: i32, alongX: bool, out: usize): void {
  for (let y = 0; y < h; y++) {
    const r = y * w;
    if (alongX) {
      st(out, r, ld(src, r + (w > 1 ? 1 : 0)) - ld(src, r));
      for (let x = 1; x < w - 1; x++) st(out, r + x, ld(src, r + x + 1) - ld(src, r + x - 1));
      if (w > 1) st(out, r + w - 1, ld(src, r + w - 1) - ld(src, r + w - 2));
    } else {
      const ru = (y > 0 ? y - 1 : y) * w;
      const rd = (y < h - 1 ? y + 1 : y) * w;
      let x = 0;
      for (; x + 4 <= w; x += 4) {
        v128.store(out + ((<usize>(r + x)) << 2), f32x4.sub(v128.load(src + ((<usize>(rd + x)) << 2)), v128.load(src + ((<usize>(ru + x)) << 2))));
      }
      for (; x < w; x++) st(out, r + x, ld(src, rd + x) - ld(src, ru + x));
    }
  }
}

/** Warp, derivatives and normalisation; planes 0..9 as in the TypeScript prepare(). */
function prepare(i0: usize, i1: usize, w: i32, h: i32, u: usize, v: usize, wsp: usize): void {
  const n = w * h;
  const warped = plane(wsp, 0, n), avg = plane(wsp, 1, n), iz = plane(wsp, 2, n), ix = plane(wsp, 3, n), iy = plane(wsp, 4, n);
  const ixx = plane(wsp, 5, n), ixy = plane(wsp, 6, n), iyy = plane(wsp, 7, n), ixz = plane(wsp, 8, n), iyz = plane(wsp, 9, n);
  const wm1 = <f32>(w - 1), hm1 = <f32>(h - 1);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      let fx = <f32>x + ld(u, p);
      let fy = <f32>y + ld(v, p);
      fx = fx < 0 ? 0 : fx > wm1 ? wm1 : fx;
      fy = fy < 0 ? 0 : fy > hm1 ? hm1 : fy;
      const x0 = <i32>fx;
      const y0 = <i32>fy;
      const x1 = x0 < w - 1 ? x0 + 1 : x0;
      const y1 = y0 < h - 1 ? y0 + 1 : y0;
      const ax = fx - <f32>x0;
      const ay = fy - <f32>y0;
      const t0 = ld(i1, y0 * w + x0), b0 = ld(i1, y1 * w + x0);
      const top = t0 + ax * (ld(i1, y0 * w + x1) - t0);
      const bot = b0 + ax * (ld(i1, y1 * w + x1) - b0);
      const val = top + ay * (bot - top);
      const a = ld(i0, p);
      st(avg, p, 0.5 * (a + val));
      st(iz, p, val - a);
    }
  }
  diff(avg, w, h, true, ix);
  diff(avg, w, h, false, iy);
  diff(iz, w, h, true, ixz);
  diff(iz, w, h, false, iyz);
  diff(ix, w, h, true, ixx);
  diff(ix, w, h, false, ixy);
  diff(iy, w, h, false, iyy);
  const z = f32x4.splat(ZETA2);
  const one = f32x4.splat(1);
  let p = 0;
  for (; p + 4 <= n; p += 4) {
    const o = (<usize>p) << 2;
    const gx = v128.load(ix + o), gy = v128.load(iy + o);
    const k0 = f32x4.div(one, f32x4.sqrt(f32x4.add(f32x4.add(f32x4.mul(gx, gx), f32x4.mul(gy, gy)), z)));
    v128.store(ix + o, f32x4.mul(gx, k0));
    v128.store(iy + o, f32x4.mul(gy, k0));
    v128.store(iz + o, f32x4.mul(v128.load(iz + o), k0));
    const gxx = v128.load(ixx + o), gxy = v128.load(ixy + o), gyy = v128.load(iyy + o);
    const k1 = f32x4.div(one, f32x4.sqrt(f32x4.add(f32x4.add(f32x4.mul(gxx, gxx), f32x4.mul(gxy, gxy)), z)));
    const k2 = f32x4.div(one, f32x4.sqrt(f32x4.add(f32x4.add(f32x4.mul(gyy, gyy), f32x4.mul(gxy, gxy)), z)));
    v128.store(ixx + o, f32x4.mul(gxx, k1));
    v128.store(ixy + o, f32x4.mul(gxy, k1));
    v128.store(ixz + o, f32x4.mul(v128.load(ixz + o), k1));
    v128.store(warped + o, f32x4.mul(gxy, k2));
    v128.store(iyy + o, f32x4.mul(gyy, k2));
    v128.store(iyz + o, f32x4.mul(v128.load(iyz + o), k2));
  }
  for (; p < n; p++) {
    const gx = ld(ix, p), gy = ld(iy, p);
    const k0: f32 = 1 / Mathf.sqrt(gx * gx + gy * gy + ZETA2);
    st(ix, p, gx * k0);
    st(iy, p, gy * k0);
    st(iz, p, ld(iz, p) * k0);
    const gxx = ld(ixx, p), gxy = ld(ixy, p), gyy = ld(iyy, p);
    const k1: f32 = 1 / Mathf.sqrt(gxx * gxx + gxy * gxy + ZETA2);
    const k2: f32 = 1 / Mathf.sqrt(gyy * gyy + gxy * gxy + ZETA2);
    st(ixx, p, gxx * k1);
    st(ixy, p, gxy * k1);
    st(ixz, p, ld(ixz, p) * k1);
    st(warped, p, gxy * k2);
    st(iyy, p, gyy * k2);
    st(iyz, p, ld(iyz, p) * k2);
  }
}

/** Data term at the current increment; 4 pixels per step, scalar row tail. */
function dataTerm(w: i32, h: i32, wsp: usize, du: usize, dv: usize, delta2: f32, gamma2: f32): void {
  const n = w * h;
  const nx = plane(wsp, 3, n), ny = plane(wsp, 4, n), nz = plane(wsp, 2, n);
  const Ax = plane(wsp, 5, n), Bx = plane(wsp, 6, n), Cx = plane(wsp, 8, n);
  const Ay = plane(wsp, 0, n), By = plane(wsp, 7, n), Cy = plane(wsp, 9, n);
  const a11 = plane(wsp, 10, n), a12 = plane(wsp, 11, n), a22 = plane(wsp, 12, n), b1 = plane(wsp, 13, n), b2 = plane(wsp, 14, n);
  const W2 = w + 2;
  const vd = f32x4.splat(delta2), vg = f32x4.splat(gamma2), ve = f32x4.splat(EPS2), vz = f32x4.splat(ZETA2);
  for (let y = 0; y < h; y++) {
    let x = 0;
    for (; x + 4 <= w; x += 4) {
      const o = (<usize>(y * w + x)) << 2;
      const oo = (<usize>((y + 1) * W2 + 1 + x)) << 2;
      const cu = v128.load(du + oo), cv = v128.load(dv + oo);
      const ex = v128.load(nx + o), ey = v128.load(ny + o), ez = v128.load(nz + o);
      const r = f32x4.add(ez, f32x4.add(f32x4.mul(ex, cu), f32x4.mul(ey, cv)));
      const w1 = f32x4.div(vd, f32x4.sqrt(f32x4.add(f32x4.mul(r, r), ve)));
      const ax = v128.load(Ax + o), bx = v128.load(Bx + o), cx = v128.load(Cx + o);
      const ay = v128.load(Ay + o), by = v128.load(By + o), cy = v128.load(Cy + o);
      const rx = f32x4.add(cx, f32x4.add(f32x4.mul(ax, cu), f32x4.mul(bx, cv)));
      const ry = f32x4.add(cy, f32x4.add(f32x4.mul(ay, cu), f32x4.mul(by, cv)));
      const w2 = f32x4.div(vg, f32x4.sqrt(f32x4.add(f32x4.add(f32x4.mul(rx, rx), f32x4.mul(ry, ry)), ve)));
      const w1x = f32x4.mul(w1, ex), w1y = f32x4.mul(w1, ey);
      v128.store(a11 + o, f32x4.add(f32x4.add(f32x4.mul(w1x, ex), vz), f32x4.mul(w2, f32x4.add(f32x4.mul(ax, ax), f32x4.mul(ay, ay)))));
      v128.store(a12 + o, f32x4.add(f32x4.mul(w1x, ey), f32x4.mul(w2, f32x4.add(f32x4.mul(ax, bx), f32x4.mul(ay, by)))));
      v128.store(a22 + o, f32x4.add(f32x4.add(f32x4.mul(w1y, ey), vz), f32x4.mul(w2, f32x4.add(f32x4.mul(bx, bx), f32x4.mul(by, by)))));
      v128.store(b1 + o, f32x4.neg(f32x4.add(f32x4.mul(w1x, ez), f32x4.mul(w2, f32x4.add(f32x4.mul(ax, cx), f32x4.mul(ay, cy))))));
      v128.store(b2 + o, f32x4.neg(f32x4.add(f32x4.mul(w1y, ez), f32x4.mul(w2, f32x4.add(f32x4.mul(bx, cx), f32x4.mul(by, cy))))));
    }
    for (; x < w; x++) {
      const p = y * w + x;
      const pp = (y + 1) * W2 + 1 + x;
      const cu = ld(du, pp), cv = ld(dv, pp);
      const ex = ld(nx, p), ey = ld(ny, p), ez = ld(nz, p);
      const r = ez + ex * cu + ey * cv;
      const w1 = delta2 / Mathf.sqrt(r * r + EPS2);
      const ax = ld(Ax, p), bx = ld(Bx, p), cx = ld(Cx, p), ay = ld(Ay, p), by = ld(By, p), cy = ld(Cy, p);
      const rx = cx + ax * cu + bx * cv;
      const ry = cy + ay * cu + by * cv;
      const w2 = gamma2 / Mathf.sqrt(rx * rx + ry * ry + EPS2);
      st(a11, p, w1 * ex * ex + ZETA2 + w2 * (ax * ax + ay * ay));
      st(a12, p, w1 * ex * ey + w2 * (ax * bx + ay * by));
      st(a22, p, w1 * ey * ey + ZETA2 + w2 * (bx * bx + by * by));
      st(b1, p, -w1 * ez * ex - w2 * (ax * cx + ay * cy));
      st(b2, p, -w1 * ez * ey - w2 * (bx * cx + by * cy));
    }
  }
}

/** Smoothness weights and their contributions, then the diagonal replaced by its reciprocal. */
function smoothnessTerm(u: usize, v: usize, w: i32, h: i32, alpha2: f32, wsp: usize, sw: usize): void {
  const n = w * h;
  const a11 = plane(wsp, 10, n), a22 = plane(wsp, 12, n), b1 = plane(wsp, 13, n), b2 = plane(wsp, 14, n);
  const tu = plane(wsp, 15, n), tv = plane(wsp, 16, n);
  const W2 = w + 2;
  for (let y = 0; y < h; y++) {
    const down = y < h - 1 ? w : 0;
    let pp = (y + 1) * W2 + 1;
    const end = y * w + w - 1;
    let p = y * w;
    for (; p < end; p++, pp++) {
      const c = ld(tu, p), d = ld(tv, p);
      const ux = ld(tu, p + 1) - c;
      const vx = ld(tv, p + 1) - d;
      const uy = ld(tu, p + down) - c;
      const vy = ld(tv, p + down) - d;
      const wt = alpha2 / Mathf.sqrt(ux * ux + vx * vx + uy * uy + vy * vy + EPS2);
      st(sw, pp, wt);
      const u0 = ld(u, p), v0 = ld(v, p);
      const eu = wt * (ld(u, p + 1) - u0);
      const ev = wt * (ld(v, p + 1) - v0);
      st(a11, p + 1, ld(a11, p + 1) + wt);
      st(a22, p + 1, ld(a22, p + 1) + wt);
      st(b1, p + 1, ld(b1, p + 1) - eu);
      st(b2, p + 1, ld(b2, p + 1) - ev);
      let diag = wt, e1 = eu, e2 = ev;
      if (down) {
        const fu = wt * (ld(u, p + down) - u0);
        const fv = wt * (ld(v, p + down) - v0);
        diag += wt; e1 += fu; e2 += fv;
        st(a11, p + down, ld(a11, p + down) + wt);
        st(a22, p + down, ld(a22, p + down) + wt);
        st(b1, p + down, ld(b1, p + down) - fu);
        st(b2, p + down, ld(b2, p + down) - fv);
      }
      st(a11, p, 1 / (ld(a11, p) + diag));
      st(a22, p, 1 / (ld(a22, p) + diag));
      st(b1, p, ld(b1, p) + e1);
      st(b2, p, ld(b2, p) + e2);
    }
    const c = ld(tu, p), d = ld(tv, p);
    const uy = ld(tu, p + down) - c;
    const vy = ld(tv, p + down) - d;
    const wt = alpha2 / Mathf.sqrt(uy * uy + vy * vy + EPS2);
    st(sw, pp, wt);
    let diag: f32 = 0, e1: f32 = 0, e2: f32 = 0;
    if (down) {
      const fu = wt * (ld(u, p + down) - ld(u, p));
      const fv = wt * (ld(v, p + down) - ld(v, p));
      diag = wt; e1 = fu; e2 = fv;
      st(a11, p + down, ld(a11, p + down) + wt);
      st(a22, p + down, ld(a22, p + down) + wt);
      st(b1, p + down, ld(b1, p + down) - fu);
      st(b2, p + down, ld(b2, p + down) - fv);
    }
    st(a11, p, 1 / (ld(a11, p) + diag));
    st(a22, p, 1 / (ld(a22, p) + diag));
    st(b1, p, ld(b1, p) + e1);
    st(b2, p, ld(b2, p) + e2);
  }
}

/** Lanes 0, 2, 4, 6 of the 8 floats at addr (4 same-colour pixels of a red-black row). */
function evens(addr: usize): v128 {
  return f32x4.shuffle(v128.load(addr), v128.load(addr, 16), 0, 2, 4, 6);
}

/** One red-black SOR iteration (both colours) on the padded increment planes. */
function sorIteration(w: i32, h: i32, omega: f32, wsp: usize, sw: usize, du: usize, dv: usize): void {
  for (let colour = 0; colour < 2; colour++) {
    for (let y = 0; y < h; y++) sorRow(w, h, omega, wsp, sw, du, dv, y, colour);
  }
}

/**
 * The SOR updates of one colour in row y. Within a colour the updates are independent, so 4
 * same-colour pixels (8 columns) are updated per SIMD step: the planes are loaded 8 floats at a
 * time and de-interleaved, the new values re-interleaved with the untouched other colour. The row
 * tail goes pixel by pixel.
 */
function sorRow(w: i32, h: i32, omega: f32, wsp: usize, sw: usize, du: usize, dv: usize, y: i32, colour: i32): void {
  const n = w * h;
  const inv11 = plane(wsp, 10, n), a12 = plane(wsp, 11, n), inv22 = plane(wsp, 12, n), b1 = plane(wsp, 13, n), b2 = plane(wsp, 14, n);
  const W2 = w + 2;
  const up = (<usize>W2) << 2;
  const vom = f32x4.splat(omega);
  const x0 = (y + colour) & 1;
  let p = y * w + x0;
  let pp = (y + 1) * W2 + 1 + x0;
  let x = x0;
  for (; x + 6 < w; x += 8, p += 8, pp += 8) {
    const q = (<usize>pp) << 2;
    const o = (<usize>p) << 2;
    const wc = evens(sw + q), wl = evens(sw + q - 4), wu = evens(sw + q - up);
    const uc0 = v128.load(du + q), uc1 = v128.load(du + q, 16);
    const vc0 = v128.load(dv + q), vc1 = v128.load(dv + q, 16);
    const cu = f32x4.shuffle(uc0, uc1, 0, 2, 4, 6), ru = f32x4.shuffle(uc0, uc1, 1, 3, 5, 7);
    const cv = f32x4.shuffle(vc0, vc1, 0, 2, 4, 6), rv = f32x4.shuffle(vc0, vc1, 1, 3, 5, 7);
    const su = f32x4.add(f32x4.add(f32x4.add(f32x4.mul(wl, evens(du + q - 4)), f32x4.mul(wc, ru)), f32x4.mul(wu, evens(du + q - up))), f32x4.mul(wc, evens(du + q + up)));
    const sv = f32x4.add(f32x4.add(f32x4.add(f32x4.mul(wl, evens(dv + q - 4)), f32x4.mul(wc, rv)), f32x4.mul(wu, evens(dv + q - up))), f32x4.mul(wc, evens(dv + q + up)));
    const m = evens(a12 + o);
    const nu = f32x4.add(cu, f32x4.mul(vom, f32x4.sub(f32x4.mul(f32x4.sub(f32x4.add(su, evens(b1 + o)), f32x4.mul(cv, m)), evens(inv11 + o)), cu)));
    const nv = f32x4.add(cv, f32x4.mul(vom, f32x4.sub(f32x4.mul(f32x4.sub(f32x4.add(sv, evens(b2 + o)), f32x4.mul(nu, m)), evens(inv22 + o)), cv)));
    v128.store(du + q, f32x4.shuffle(nu, ru, 0, 4, 1, 5));
    v128.store(du + q, f32x4.shuffle(nu, ru, 2, 6, 3, 7), 16);
    v128.store(dv + q, f32x4.shuffle(nv, rv, 0, 4, 1, 5));
    v128.store(dv + q, f32x4.shuffle(nv, rv, 2, 6, 3, 7), 16);
  }
  for (; x < w; x += 2, p += 2, pp += 2) {
    const wc = ld(sw, pp), wl = ld(sw, pp - 1), wu = ld(sw, pp - W2);
    const su = wl * ld(du, pp - 1) + wc * ld(du, pp + 1) + wu * ld(du, pp - W2) + wc * ld(du, pp + W2);
    const sv = wl * ld(dv, pp - 1) + wc * ld(dv, pp + 1) + wu * ld(dv, pp - W2) + wc * ld(dv, pp + W2);
    const cu = ld(du, pp);
    const cv = ld(dv, pp);
    const m = ld(a12, p);
    const nu = cu + omega * ((su + ld(b1, p) - cv * m) * ld(inv11, p) - cu);
    st(du, pp, nu);
    st(dv, pp, cv + omega * ((sv + ld(b2, p) - nu * m) * ld(inv22, p) - cv));
  }
}

/** Refines (u, v) in place; arguments as variationalRefine in ../../variational-refinement.ts. */
export function variationalRefine(
  i0: usize, i1: usize, w: i32, h: i32, u: usize, v: usize,
  alpha: f32, delta: f32, gamma: f32, fixedPointIterations: i32, sorIterations: i32, omega: f32, wsp: usize,
): void {
  if (fixedPointIterations <= 0) return;
  const n = w * h;
  const W2 = w + 2;
  const np = W2 * (h + 2);
  const padded = plane(wsp, 17, n);
  const du = padded, dv = padded + ((<usize>np) << 2), sw = padded + ((<usize>(2 * np)) << 2);
  memory.fill(padded, 0, (<usize>(3 * np)) << 2);
  prepare(i0, i1, w, h, u, v, wsp);
  const tu = plane(wsp, 15, n), tv = plane(wsp, 16, n);
  memory.copy(tu, u, (<usize>n) << 2);
  memory.copy(tv, v, (<usize>n) << 2);
  for (let fp = 0; fp < fixedPointIterations; fp++) {
    dataTerm(w, h, wsp, du, dv, delta / 2, gamma / 2);
    smoothnessTerm(u, v, w, h, alpha / 2, wsp, sw);
    for (let it = 0; it < sorIterations; it++) sorIteration(w, h, omega, wsp, sw, du, dv);
    for (let y = 0; y < h; y++) {
      let pp = (y + 1) * W2 + 1;
      for (let p = y * w, e = p + w; p < e; p++, pp++) {
        st(tu, p, ld(u, p) + ld(du, pp));
        st(tv, p, ld(v, p) + ld(dv, pp));
      }
    }
  }
  memory.copy(u, tu, (<usize>n) << 2);
  memory.copy(v, tv, (<usize>n) << 2);
}
