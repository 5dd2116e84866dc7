// @ts-nocheck
/**
 * WebAssembly twin of the channel loop of ../../../warp/warp-tensor.ts, for warping one source
 * tensor (a key frame's features) along many flows (warp/key-warper.ts). The source is laid out
 * once as HWC (toHwc), so the 4 bilinear taps of a pixel are contiguous runs of channels: each
 * SIMD step blends 4 channels of 4 pixels, transposes the 4x4 block and stores 4 pixels to each of
 * 4 CHW output planes. Sizes are padded by the caller: C and n (pixels) multiples of 4.
 */

/** CHW (planes of n floats) -> HWC (rows of C floats), 4 channels x 4 pixels per step. */
export function toHwc(src: usize, C: i32, n: i32, dst: usize): void {
  const plane = (<usize>n) << 2;
  const rowB = (<usize>C) << 2;
  for (let c = 0; c < C; c += 4) {
    const s0 = src + plane * <usize>c;
    const s1 = s0 + plane, s2 = s1 + plane, s3 = s2 + plane;
    for (let p = 0; p < n; p += 4) {
      const k = (<usize>p) << 2;
      const r0 = v128.load(s0 + k), r1 = v128.load(s1 + k), r2 = v128.load(s2 + k), r3 = v128.load(s3 + k);
      const t0 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5), t1 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5);
      const t2 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7), t3 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
      const d = dst + rowB * <usize>p + ((<usize>c) << 2);
      v128.store(d, v128.shuffle<f32>(t0, t1, 0, 1, 4, 5));
      v128.store(d + rowB, v128.shuffle<f32>(t0, t1, 2, 3, 6, 7));
      v128.store(d + 2 * rowB, v128.shuffle<f32>(t2, t3, 0, 1, 4, 5));
      v128.store(d + 3 * rowB, v128.shuffle<f32>(t2, t3, 2, 3, 6, 7));
    }
  }
}

/** Bilinear blend of 4 channels at one pixel's taps (byte offsets into the HWC source). */
@inline function blend(src: usize, q: usize, dx: usize, dy: usize, ax: v128, ay: v128): v128 {
  const a = v128.load(src + q), b = v128.load(src + q + dx);
  const c = v128.load(src + q + dy), d = v128.load(src + q + dy + dx);
  const top = f32x4.add(a, f32x4.mul(ax, f32x4.sub(b, a)));
  const bot = f32x4.add(c, f32x4.mul(ax, f32x4.sub(d, c)));
  return f32x4.add(top, f32x4.mul(ay, f32x4.sub(bot, top)));
}

/**
 * out(c, p) = bilinear tap of the HWC source at pixel p's taps (warp-tensor.ts): base (pixel
 * index of the top-left sample), dx (0 or 1 pixel), dy (0 or w pixels), ax, ay. out is CHW.
 */
export function warpHwc(src: usize, C: i32, n: i32, base: usize, dxs: usize, dys: usize, axs: usize, ays: usize, out: usize): void {
  const plane = (<usize>n) << 2;
  const rowB = (<usize>C) << 2;
  for (let p = 0; p < n; p += 4) {
    const k = (<usize>p) << 2;
    const q0 = rowB * <usize>load<i32>(base + k), q1 = rowB * <usize>load<i32>(base + k + 4);
    const q2 = rowB * <usize>load<i32>(base + k + 8), q3 = rowB * <usize>load<i32>(base + k + 12);
    const x0 = rowB * <usize>load<i32>(dxs + k), x1 = rowB * <usize>load<i32>(dxs + k + 4);
    const x2 = rowB * <usize>load<i32>(dxs + k + 8), x3 = rowB * <usize>load<i32>(dxs + k + 12);
    const y0 = rowB * <usize>load<i32>(dys + k), y1 = rowB * <usize>load<i32>(dys + k + 4);
    const y2 = rowB * <usize>load<i32>(dys + k + 8), y3 = rowB * <usize>load<i32>(dys + k + 12);
    const ax0 = f32x4.splat(load<f32>(axs + k)), ax1 = f32x4.splat(load<f32>(axs + k + 4));
    const ax2 = f32x4.splat(load<f32>(axs + k + 8)), ax3 = f32x4.splat(load<f32>(axs + k + 12));
    const ay0 = f32x4.splat(load<f32>(ays + k)), ay1 = f32x4.splat(load<f32>(ays + k + 4));
    const ay2 = f32x4.splat(load<f32>(ays + k + 8)), ay3 = f32x4.splat(load<f32>(ays + k + 12));
    let o = out + k;
    let s = src;
    for (let c = 0; c < C; c += 4) {
      const r0 = blend(s, q0, x0, y0, ax0, ay0);
      const r1 = blend(s, q1, x1, y1, ax1, ay1);
      const r2 = blend(s, q2, x2, y2, ax2, ay2);
      const r3 = blend(s, q3, x3, y3, ax3, ay3);
      const t0 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5), t1 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5);
      const t2 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7), t3 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
      v128.store(o, v128.shuffle<f32>(t0, t1, 0, 1, 4, 5));
      v128.store(o + plane, v128.shuffle<f32>(t0, t1, 2, 3, 6, 7));
      v128.store(o + 2 * plane, v128.shuffle<f32>(t2, t3, 0, 1, 4, 5));
      v128.store(o + 3 * plane, v128.shuffle<f32>(t2, t3, 2, 3, 6, 7));
      o += 4 * plane;
      s += 16;
    }
  }
}
