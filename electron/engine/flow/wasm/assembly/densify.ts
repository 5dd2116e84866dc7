/**
 * WebAssembly twin of ../../densify.ts (weighted mean of the overlapping patch flows, weights
 * 1 / max(1, |I1(x + u_k) - I0(x)|)). Within one patch row the sample offset x + u has the same
 * fractional part for every x, so where the row stays inside the image the bilinear samples are
 * contiguous and 4 pixels are done per SIMD step; clamped rows and the tail go pixel by pixel.
 */

function ldf(base: usize, k: i32): f32 {
  return load<f32>(base + ((<usize>k) << 2));
}

/** Scalar pixel, exactly the TypeScript rule. */
function pixel(i0: usize, i1: usize, w: i32, x: i32, y: i32, ym: f32, u: f32, v: f32, maxX: f32, ux: usize, uy: usize, wsum: usize): void {
  const yl = <i32>ym;
  const ay = ym - <f32>yl;
  const r0 = yl * w;
  const r1 = r0 + w;
  let xm = <f32>x + u;
  xm = xm < 0 ? 0 : xm > maxX ? maxX : xm;
  const xl = <i32>xm;
  const ax = xm - <f32>xl;
  const t0 = ldf(i1, r0 + xl);
  const b0 = ldf(i1, r1 + xl);
  const top = t0 + ax * (ldf(i1, r0 + xl + 1) - t0);
  const bot = b0 + ax * (ldf(i1, r1 + xl + 1) - b0);
  const p = y * w + x;
  const diff = Mathf.abs(top + ay * (bot - top) - ldf(i0, p));
  const c: f32 = diff > 1 ? 1 / diff : 1;
  const o = (<usize>p) << 2;
  store<f32>(ux + o, load<f32>(ux + o) + c * u);
  store<f32>(uy + o, load<f32>(uy + o) + c * v);
  store<f32>(wsum + o, load<f32>(wsum + o) + c);
}

export function densify(
  i0: usize, i1: usize, w: i32, h: i32, sx: usize, sy: usize, ws: i32, hs: i32, psz: i32, stride: i32,
  ux: usize, uy: usize, wsum: usize,
): void {
  const n = w * h;
  memory.fill(ux, 0, (<usize>n) << 2);
  memory.fill(uy, 0, (<usize>n) << 2);
  memory.fill(wsum, 0, (<usize>n) << 2);
  const maxX: f32 = <f32>(w - 1) - 1e-3;
  const maxY: f32 = <f32>(h - 1) - 1e-3;
  const one = f32x4.splat(1);
  for (let is = 0; is < hs; is++) {
    const y0 = is * stride;
    const y1 = is == hs - 1 ? h : y0 + psz;
    for (let js = 0; js < ws; js++) {
      const x0 = js * stride;
      const x1 = js == ws - 1 ? w : x0 + psz;
      const k = is * ws + js;
      const u = ldf(sx, k);
      const v = ldf(sy, k);
      const vu = f32x4.splat(u);
      const vv = f32x4.splat(v);
      // Contiguous when no x in [x0, x1) is clamped: x0 + u >= 0 and x1 - 1 + u <= maxX.
      const xmStart = <f32>x0 + u;
      const contiguous = xmStart >= 0 && <f32>(x1 - 1) + u <= maxX;
      const xl0 = contiguous ? <i32>xmStart : 0;
      const vax = f32x4.splat(xmStart - <f32>xl0);
      for (let y = y0; y < y1; y++) {
        let ym = <f32>y + v;
        ym = ym < 0 ? 0 : ym > maxY ? maxY : ym;
        let x = x0;
        if (contiguous) {
          const yl = <i32>ym;
          const vay = f32x4.splat(ym - <f32>yl);
          const row = y * w;
          let q0 = i1 + ((<usize>(yl * w + xl0)) << 2);
          let q1 = q0 + ((<usize>w) << 2);
          let o = (<usize>(row + x0)) << 2;
          for (; x + 4 <= x1; x += 4, q0 += 16, q1 += 16, o += 16) {
            const t = v128.load(q0);
            const b = v128.load(q1);
            const top = f32x4.add(t, f32x4.mul(vax, f32x4.sub(v128.load(q0, 4), t)));
            const bot = f32x4.add(b, f32x4.mul(vax, f32x4.sub(v128.load(q1, 4), b)));
            const diff = f32x4.abs(f32x4.sub(f32x4.add(top, f32x4.mul(vay, f32x4.sub(bot, top))), v128.load(i0 + o)));
            const c = f32x4.div(one, f32x4.max(diff, one));
            v128.store(ux + o, f32x4.add(v128.load(ux + o), f32x4.mul(c, vu)));
            v128.store(uy + o, f32x4.add(v128.load(uy + o), f32x4.mul(c, vv)));
            v128.store(wsum + o, f32x4.add(v128.load(wsum + o), c));
          }
        }
        for (; x < x1; x++) pixel(i0, i1, w, x, y, ym, u, v, maxX, ux, uy, wsum);
      }
    }
  }
  let p = 0;
  for (; p + 4 <= n; p += 4) {
    const o = (<usize>p) << 2;
    const s = v128.load(wsum + o);
    v128.store(ux + o, f32x4.div(v128.load(ux + o), s));
    v128.store(uy + o, f32x4.div(v128.load(uy + o), s));
  }
  for (; p < n; p++) {
    const o = (<usize>p) << 2;
    const s = load<f32>(wsum + o);
    store<f32>(ux + o, load<f32>(ux + o) / s);
    store<f32>(uy + o, load<f32>(uy + o) / s);
  }
}
