/**
 * WebAssembly twin of upsampleInterleaved in ../../dis.ts: bilinear (pixel-centre aligned)
 * upsampling of the flow planes (w x h) to interleaved (u, v) output (W x H), times `scale`.
 * Separable: each output row blends its two source rows into a scratch row (4 columns per SIMD
 * step), then interpolates horizontally from per-column tables built once.
 * scratch: 5 * W + 2 * w floats (x0 as i32, x1 as i32, ax, then the two blended rows).
 */
export function upsampleFlow(ux: usize, uy: usize, w: i32, h: i32, W: i32, H: i32, scale: f32, out: usize, scratch: usize): void {
  const x0s = scratch;
  const x1s = x0s + ((<usize>W) << 2);
  const axs = x1s + ((<usize>W) << 2);
  const rowU = axs + ((<usize>W) << 2);
  const rowV = rowU + ((<usize>w) << 2);
  const fw = <f64>w / <f64>W;
  for (let x = 0; x < W; x++) {
    let sx = (<f64>x + 0.5) * fw - 0.5;
    sx = sx < 0 ? 0 : sx > <f64>(w - 1) ? <f64>(w - 1) : sx;
    const x0 = <i32>sx;
    const o = (<usize>x) << 2;
    store<i32>(x0s + o, x0 << 2);
    store<i32>(x1s + o, (x0 < w - 1 ? x0 + 1 : x0) << 2);
    store<f32>(axs + o, <f32>(sx - <f64>x0));
  }
  const fh = <f64>h / <f64>H;
  const vs = f32x4.splat(scale);
  for (let y = 0; y < H; y++) {
    let sy = (<f64>y + 0.5) * fh - 0.5;
    sy = sy < 0 ? 0 : sy > <f64>(h - 1) ? <f64>(h - 1) : sy;
    const y0 = <i32>sy;
    const r0 = (<usize>(y0 * w)) << 2;
    const r1 = y0 < h - 1 ? r0 + ((<usize>w) << 2) : r0;
    const vay = f32x4.splat(<f32>(sy - <f64>y0));
    let x = 0;
    for (; x + 4 <= w; x += 4) {
      const o = (<usize>x) << 2;
      const a = v128.load(ux + r0 + o), b = v128.load(uy + r0 + o);
      v128.store(rowU + o, f32x4.mul(vs, f32x4.add(a, f32x4.mul(vay, f32x4.sub(v128.load(ux + r1 + o), a)))));
      v128.store(rowV + o, f32x4.mul(vs, f32x4.add(b, f32x4.mul(vay, f32x4.sub(v128.load(uy + r1 + o), b)))));
    }
    const ay = <f32>(sy - <f64>y0);
    for (; x < w; x++) {
      const o = (<usize>x) << 2;
      const a = load<f32>(ux + r0 + o), b = load<f32>(uy + r0 + o);
      store<f32>(rowU + o, scale * (a + ay * (load<f32>(ux + r1 + o) - a)));
      store<f32>(rowV + o, scale * (b + ay * (load<f32>(uy + r1 + o) - b)));
    }
    let q = out + ((<usize>(2 * y * W)) << 2);
    for (let x = 0; x < W; x++, q += 8) {
      const o = (<usize>x) << 2;
      const i0 = <usize>load<i32>(x0s + o), i1 = <usize>load<i32>(x1s + o), ax = load<f32>(axs + o);
      const u0 = load<f32>(rowU + i0), v0 = load<f32>(rowV + i0);
      store<f32>(q, u0 + ax * (load<f32>(rowU + i1) - u0));
      store<f32>(q + 4, v0 + ax * (load<f32>(rowV + i1) - v0));
    }
  }
}
